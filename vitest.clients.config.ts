import { defineConfig } from 'vitest/config';

// `npm run test:clients`: boto3 and the AWS CLI, which need Debian packages (.ci/run installs them).
export default defineConfig({
  test: {
    include: ['test/clients/**/*.test.ts'],
    // The suite plays a developer's machine: it records against loopback fakes. Under CI=true
    // tapegate refuses to record (CI replays); the tests of that refusal set CI themselves.
    env: { CI: '' },
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
