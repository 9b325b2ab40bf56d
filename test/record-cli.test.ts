/**
 * `tapegate record` / `auto` / `passthrough` as users run them: the built CLI in a child
 * process, with credentials from where the AWS SDKs look (environment variables, a profile
 * of the shared files), an AWS environment of the test's own, and --upstream the fake.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as v1 from '@aws-sdk/client-api-gateway';
import { readCassette } from '../cassettes/format/store.js';
import { runCli } from './support/cli.js';
import { failure, sdkClients, startFakeApiGateway, type FakeCredentials } from './support/fake-apigateway/index.js';
import { assertBuilt, Cleanups, isolatedEnv, randomCredentials, secretsOf, spawnCli, tempDir } from './record-fixtures.js';

beforeAll(() => assertBuilt(['proxy/start.ts', 'proxy/pipeline.ts', 'proxy/credentials.ts', 'harness/commands/record.ts']));

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

async function setUp(credentials: FakeCredentials) {
  const fake = await startFakeApiGateway({ credentials });
  cleanups.add(() => fake.close());
  const { dir, remove } = await tempDir();
  cleanups.add(remove);
  return { fake, dir, file: join(dir, 'cli.cassette') };
}

function clients(url: string) {
  const sdk = sdkClients(url, randomCredentials());
  cleanups.add(() => sdk.destroy());
  return sdk;
}

describe('tapegate record (built CLI)', () => {
  it('signs with credentials from the environment and writes the cassette on SIGTERM', async () => {
    const credentials = randomCredentials(true);
    const { fake, dir, file } = await setUp(credentials);
    const env = isolatedEnv(dir, {
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_SESSION_TOKEN: credentials.sessionToken!,
    });
    const run = spawnCli(['record', '--cassette', file, '--upstream', fake.url], env, cleanups);
    const url = await run.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const sdk = clients(url);
    const api = await sdk.v1.send(new v1.CreateRestApiCommand({ name: 'from-env' }));
    await sdk.v1.send(new v1.GetResourcesCommand({ restApiId: api.id! }));
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.stdout.slice(1)).toEqual([
      'tapegate record summary: 2 forwarded, 2 recorded, 0 upstream failures, 0 refused by the secret scanner, 0 rejected (cassette of 2 exchanges)',
      expect.stringMatching(/^findings: 0 errors, \d+ warn, \d+ info$/),
    ]);
    expect(fake.signatures).toEqual({ verified: 2, rejected: 0 });
    expect(existsSync(file + '.journal')).toBe(false);
    expect((await readCassette(file)).exchanges.map((e) => e.operation)).toEqual(['apigateway.CreateRestApi', 'apigateway.GetResources']);
    const written = (await readFile(file)).toString('latin1') + run.stderr() + run.stdout.join('\n');
    for (const secret of secretsOf(credentials)) expect(written).not.toContain(secret);
  });

  it('--profile reads the shared credentials file and wins over the environment', async () => {
    const credentials = randomCredentials();
    const { fake, dir, file } = await setUp(credentials);
    await writeFile(join(dir, 'aws-credentials'), `[tapegate-test]\naws_access_key_id = ${credentials.accessKeyId}\naws_secret_access_key = ${credentials.secretAccessKey}\n`);
    await writeFile(join(dir, 'aws-config'), '[profile tapegate-test]\nregion = us-east-1\n');
    const other = randomCredentials();
    const env = isolatedEnv(dir, { AWS_ACCESS_KEY_ID: other.accessKeyId, AWS_SECRET_ACCESS_KEY: other.secretAccessKey });
    const run = spawnCli(['auto', '--cassette', file, '--upstream', fake.url, '--profile', 'tapegate-test'], env, cleanups);
    await clients(await run.url).v1.send(new v1.CreateRestApiCommand({ name: 'from-profile' }));
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(fake.signatures).toEqual({ verified: 1, rejected: 0 });
    expect(run.stdout[1]).toMatch(/^tapegate auto summary: 0 replayed, 1 forwarded, 1 recorded, /);
  });

  it('without credentials anywhere, requests get TapegateCredentialsError and the run still ends cleanly', async () => {
    const { fake, dir, file } = await setUp(randomCredentials());
    const run = spawnCli(['record', '--cassette', file, '--upstream', fake.url], isolatedEnv(dir), cleanups);
    const error = await failure(clients(await run.url).v1.send(new v1.CreateRestApiCommand({ name: 'unsigned' })));
    expect(error).toMatchObject({ name: 'TapegateCredentialsError', status: 500 });
    expect(error.message).toMatch(
      /^Failed to sign "POST \/restapis": Failed to get AWS credentials from the AWS provider chain \(environment variables, shared config and credentials files, SSO, /,
    );
    expect(fake.requests).toBe(0);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toContain('tapegate: Failed to sign "POST /restapis": Failed to get AWS credentials');
    expect(run.stdout[1]).toContain('0 forwarded, 0 recorded, 0 upstream failures, 0 refused by the secret scanner, 1 rejected (cassette of 0 exchanges)');
  });

  it('--fail-on error exits 1 after a finding of severity error, with the finding on stderr', async () => {
    const credentials = randomCredentials();
    const { fake, dir } = await setUp(credentials);
    const env = isolatedEnv(dir, { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey });
    const run = spawnCli(['passthrough', '--upstream', fake.url, '--fail-on', 'error'], env, cleanups);
    const sdk = clients(await run.url);
    await failure(sdk.v1.send(new v1.PutIntegrationCommand({ restApiId: 'abcdefghij', resourceId: 'abc123', httpMethod: 'GET', type: 'NOPE' as v1.IntegrationType })));
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(/^finding: error apigateway\.PutIntegration request \/body\/type /m);
    expect(run.stdout[2]).toMatch(/^findings: [1-9]\d* errors?, .* \(at or above --fail-on: exit 1\)$/);
  });

  it('refuses to overwrite a cassette without --force (exit 2, nothing listens)', async () => {
    const { dir, file } = await setUp(randomCredentials());
    await writeFile(file, 'precious');
    const result = runCli(['record', '--cassette', file, '--upstream', 'http://127.0.0.1:9'], { env: isolatedEnv(dir) });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`tapegate: Failed to record "${file}": the cassette exists; pass --force to overwrite it`);
    expect(await readFile(file, 'utf8')).toBe('precious');
  });

  it.each([
    [['--upstream', 'http://127.0.0.1:9/prefix'], 'Failed to parse "--upstream": expected an http or https URL with no path, query or credentials'],
    [['--upstream-timeout', '0'], 'Failed to parse "--upstream-timeout": expected a positive number of seconds'],
    [['--region', 'mars-1'], 'Failed to parse "--region": expected an AWS region'],
  ])('%j exits 2 with a message, before any cassette exists', async (flags, message) => {
    const { dir, file } = await setUp(randomCredentials());
    const result = runCli(['record', '--cassette', file, ...flags], { env: isolatedEnv(dir) });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`tapegate: ${message}`);
    expect(existsSync(file) || existsSync(file + '.journal')).toBe(false);
  });

  it('--help shows examples for each mode', () => {
    for (const mode of ['record', 'auto', 'passthrough']) {
      const help = runCli([mode, '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`Examples:\\n\\s+tapegate ${mode} `));
      expect(help.stdout).toContain('--upstream-timeout');
    }
  });
});
