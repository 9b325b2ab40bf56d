/**
 * `tapegate exec` points every service at the proxy: `AWS_ENDPOINT_URL` for any client and
 * service, and `AWS_ENDPOINT_URL_<SERVICE ID>` for each service of the contracts (the form the
 * SDKs read: the model's service id, spaces as underscores, upper case). The second test proves
 * the names are the ones the AWS SDK for JavaScript v3 reads: each bundled service's client,
 * with the generic variable sent to a dead loopback port, still reaches tapegate.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

const SEED = 'cassettes/examples/seed-scenario.cassette';

const PER_SERVICE = [
  'AWS_ENDPOINT_URL_API_GATEWAY',
  'AWS_ENDPOINT_URL_APIGATEWAYV2',
  'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS',
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_ENDPOINT_URL_EVENTBRIDGE',
  'AWS_ENDPOINT_URL_IAM',
  'AWS_ENDPOINT_URL_KMS',
  'AWS_ENDPOINT_URL_LAMBDA',
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL_SECRETS_MANAGER',
  'AWS_ENDPOINT_URL_SFN',
  'AWS_ENDPOINT_URL_SNS',
  'AWS_ENDPOINT_URL_SQS',
  'AWS_ENDPOINT_URL_SSM',
  'AWS_ENDPOINT_URL_STS',
];

describe('tapegate exec: the endpoint variables', () => {
  it('gives the command the generic variable and one per bundled service, each the proxy', () => {
    const script = 'console.log(JSON.stringify(Object.entries(process.env).filter(([name]) => name.startsWith("AWS_ENDPOINT_URL")).sort()))';
    const result = runCli(['exec', '--cassette', SEED, '--', process.execPath, '-e', script], { env: { AWS_ENDPOINT_URL: '' } });
    expect(result.status).toBe(0);
    const variables = JSON.parse(result.stdout) as [string, string][];
    expect(variables.map(([name]) => name)).toEqual(['AWS_ENDPOINT_URL', ...PER_SERVICE].sort());
    const url = variables[0]![1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const [name, value] of variables) expect(value, name).toBe(url);
  });

  it("each bundled service's JavaScript SDK client reaches the proxy through its own variable", () => {
    // Port 9 (discard) on loopback: nothing listens there, so the generic variable leads nowhere.
    const result = runCli(['exec', '--cassette', SEED, '--', process.execPath, 'test/fixtures/exec/sdk-v3-every-service.mjs', '9'], {
      env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', AWS_REGION: '', AWS_DEFAULT_REGION: '', AWS_ENDPOINT_URL: '' },
    });
    expect(result.status).toBe(0);
    const outcome = JSON.parse(result.stdout) as Record<string, string>;
    expect(Object.keys(outcome)).toHaveLength(PER_SERVICE.length);
    // A replay miss: the request reached tapegate (the seed cassette holds none of these calls).
    for (const [service, ended] of Object.entries(outcome)) expect(ended, service).toBe('TapegateNoMatch');
    expect(result.stderr).toMatch(/tapegate replay summary: 0 served, 15 missed/);
  });
});
