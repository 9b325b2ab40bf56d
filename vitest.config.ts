import { defineConfig } from 'vitest/config';

/**
 * The AWS SDK warns once per process, nine lines, that its releases after January 2027 need
 * Node 22; the suite starts SDK clients in many processes (workers, the CLI's demo), so the
 * same notice fills the output eleven times. It says nothing about this code, and the SDK
 * has a switch for exactly this notice, so the tests turn it off; every other warning
 * still shows. Child processes the tests start inherit it with the environment.
 */
export const TEST_ENV = {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  // The suite plays a developer's machine: it records against loopback fakes. Under CI=true
  // tapegate refuses to record (CI replays); the tests of that refusal set CI themselves.
  CI: '',
};

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // test/clients needs Debian's boto3 and AWS CLI: `npm run test:clients`.
    exclude: ['node_modules/**', 'dist/**', 'test/clients/**'],
    // End-to-end tests start real loopback servers and SDK clients; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: TEST_ENV,
  },
});
