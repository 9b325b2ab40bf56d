/**
 * `tapegate serve` driven from a shell script, with the README's own example: the snippet
 * under "From a shell script" (curl and jq for the control API, Debian's AWS CLI on the
 * default session) runs as written, first against a recording `serve` in front of the fake
 * API Gateway, then against a replaying one with the fake gone. Also `serve --help`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCassette } from '../../cassettes/format/store.js';
import { PROJECT_ROOT, runCli } from '../support/cli.js';
import { startFakeApiGateway, FAKE_APIGATEWAY_CREDENTIALS } from '../support/fake-apigateway/index.js';
import { Cleanups, isolatedEnv, spawnCli, tempDir } from '../record-fixtures.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

/** The README's shell example, exactly as the reader sees it. */
function readmeSnippet(): string {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const after = readme.slice(readme.indexOf('From a shell script'));
  const block = /```sh\n([\s\S]*?)```/.exec(after);
  if (block === null) throw new Error('README.md has no sh block after "From a shell script"');
  return block[1] as string;
}

function bash(script: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (part: string) => (stdout += part));
    child.stderr.setEncoding('utf8').on('data', (part: string) => (stderr += part));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function stop(run: ReturnType<typeof spawnCli>): Promise<string> {
  run.child.kill('SIGTERM');
  expect(await run.exit).toBe(0);
  return run.stdout.join('\n');
}

describe('tapegate serve from a shell script', () => {
  it('records and replays the README example, each session in its own cassette', async () => {
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const cassettes = join(dir, 'cassettes');
    const env = isolatedEnv(dir, {
      AWS_ACCESS_KEY_ID: FAKE_APIGATEWAY_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: FAKE_APIGATEWAY_CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
    });
    const snippet = readmeSnippet();

    const fake = await startFakeApiGateway();
    cleanups.add(() => fake.close());
    const recorder = spawnCli(['serve', '--cassette-dir', cassettes, '--mode', 'record', '--upstream', fake.url], env, cleanups);
    const recorded = await bash(snippet, { ...env, TAPEGATE_URL: await recorder.url });
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.stdout).toBe('orders\n{"served":0,"missed":0,"recorded":1}\n');
    expect(recorder.stderr()).toMatch(/^tapegate: sessions at http:\/\/127\.0\.0\.1:\d+\/__tapegate\/sessions, cassettes in /m);
    expect(await stop(recorder)).toMatch(/^tapegate sessions summary: 1 session, 0 served, 0 missed, 1 forwarded, 1 recorded, 0 rejected$/m);
    await fake.close();
    expect((await readCassette(join(cassettes, 'shell', 'create-api.cassette'))).exchanges.map((e) => e.operation)).toEqual(['apigatewayv2.CreateApi']);

    const replayer = spawnCli(['serve', '--cassette-dir', cassettes], env, cleanups);
    const replayed = await bash(snippet, { ...env, TAPEGATE_URL: await replayer.url });
    expect(replayed.status, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe('orders\n{"served":1,"missed":0,"recorded":0}\n');
    expect(await stop(replayer)).toMatch(/^tapegate sessions summary: 1 session, 1 served, 0 missed, 0 forwarded, 0 recorded, 0 rejected$/m);
  });

  it('explains itself in --help, and needs --cassette-dir', () => {
    const help = runCli(['serve', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('POST /__tapegate/sessions');
    expect(help.stdout).toContain('x-tapegate-session');
    expect(help.stdout).toContain('--cassette-dir');
    const missing = runCli(['serve']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/cassette-dir/);
  });
});
