import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // test/clients needs Debian's boto3 and AWS CLI: `npm run test:clients`.
    exclude: ['node_modules/**', 'dist/**', 'test/clients/**'],
    // End-to-end tests start real loopback servers and SDK clients; give them room on a 2-core machine.
    // The suite plays a developer's machine: it records against loopback fakes. Under CI=true
    // tapegate refuses to record (CI replays); the tests of that refusal set CI themselves.
    env: { CI: '' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
