import { defineConfig } from 'vitest/config';
import { TEST_ENV } from './vitest.config.js';

// `npm run test:clients`: boto3 and the AWS CLI, which need Debian packages (.ci/run installs them).
export default defineConfig({
  test: {
    include: ['test/clients/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    env: TEST_ENV,
  },
});
