import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // test/clients needs Debian's boto3 and AWS CLI: `npm run test:clients`.
    exclude: ['node_modules/**', 'dist/**', 'test/clients/**'],
    // End-to-end tests start real loopback servers and SDK clients; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
