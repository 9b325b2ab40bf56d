/**
 * `tapegate replay` as users run it: the built CLI (dist/, `npm run build`) in a child
 * process. The first stdout line names the URL; SIGTERM ends the run with the summary on
 * stdout and exit 0; unusable input exits 2 with one clear line on stderr.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GetIntegrationResponseCommand } from '@aws-sdk/client-api-gateway';
import { UpdateIntegrationCommand } from '@aws-sdk/client-apigatewayv2';
import { sdkClients, seedExchanges, thrown, writeTempCassette } from './replay-fixtures.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'harness', 'cli.js');

/** Sources this test exercises through dist/: a stale build would test old code. */
const builtFrom = ['proxy/start.ts', 'proxy/pipeline.ts', 'proxy/summary.ts', 'harness/commands/replay.ts'];

beforeAll(() => {
  for (const source of builtFrom) {
    const built = join(root, 'dist', source.replace(/\.ts$/, '.js'));
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(join(root, source)).mtimeMs) {
      throw new Error(`dist/ is missing or older than ${source}: run \`npm run build\` (tsc -p tsconfig.build.json) first`);
    }
  }
});

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

interface Run {
  child: ChildProcessWithoutNullStreams;
  stdout: string[];
  stderr: () => string;
  exit: Promise<number | null>;
  /** Resolves with the first stdout line. */
  firstLine: Promise<string>;
}

function run(args: string[]): Run {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  let stderr = '';
  child.stderr.on('data', (part: Buffer) => (stderr += part.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (stdout.length === 0) resolve(line);
      stdout.push(line);
    });
    exit.then((code) => reject(new Error(`tapegate exited ${code} before printing a line; stderr: ${stderr}`)), reject);
  });
  // Tests that expect an early exit never await the first line; that rejection is expected.
  firstLine.catch(() => undefined);
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, stdout, stderr: () => stderr, exit, firstLine };
}

describe('tapegate replay (built CLI)', () => {
  it('prints the URL, serves, logs misses to stderr, and prints the summary on SIGTERM', async () => {
    const cassette = await writeTempCassette(seedExchanges());
    cleanups.push(cassette.remove);
    const replay = run(['replay', '--cassette', cassette.file, '--port', '0']);
    const first = await replay.firstLine;
    expect(first).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+$/);
    const url = first.slice('listening '.length);

    const clients = sdkClients(url);
    cleanups.push(clients.destroy);
    const got = await clients.v1.send(new GetIntegrationResponseCommand({ restApiId: 'a1b2c3d4e5', resourceId: 'r3s0urc3', httpMethod: 'GET', statusCode: '200' }));
    expect(got.statusCode).toBe('200');
    const miss = await thrown(() => clients.v2.send(new UpdateIntegrationCommand({ ApiId: 'api12345', IntegrationId: 'int6789', TimeoutInMillis: 1234 })));
    expect(miss.name).toBe('TapegateNoMatch');

    replay.child.kill('SIGTERM');
    expect(await replay.exit).toBe(0);
    const summary = replay.stdout.slice(1).join('\n');
    expect(summary).toContain('tapegate replay summary: 1 served, 1 missed, 0 rejected (cassette of 11 exchanges)');
    expect(summary).toContain('never used: 10 exchanges');
    expect(summary).toContain('  #1 apigateway.UpdateIntegrationResponse');
    expect(summary).toContain('  #10 apigatewayv2.UpdateIntegration');
    expect(summary).toMatch(/findings: \d+ errors?, \d+ warn, \d+ info/);
    expect(replay.stderr()).toMatch(/^tapegate: miss: No recorded exchange matches apigatewayv2\.UpdateIntegration PATCH .*\/body\/timeoutInMillis: recorded 29000, received 1234/m);
  });

  it('exits 2 with the store message for a truncated cassette', async () => {
    const cassette = await writeTempCassette(seedExchanges());
    cleanups.push(cassette.remove);
    const bytes = await readFile(cassette.file);
    await writeFile(cassette.file, bytes.subarray(0, bytes.length - 3));
    const replay = run(['replay', '--cassette', cassette.file]);
    expect(await replay.exit).toBe(2);
    expect(replay.stdout).toEqual([]);
    expect(replay.stderr()).toMatch(/^tapegate: Failed to read cassette ".*": truncated record at byte \d+ .*tapegate cassette recover/);
  });

  it('exits 2 for a name that escapes --cassette-dir, naming both', async () => {
    const cassette = await writeTempCassette(seedExchanges());
    cleanups.push(cassette.remove);
    const inner = join(cassette.dir, 'inner');
    const replay = run(['replay', '--cassette-dir', inner, '--cassette', '../replay.cassette']);
    expect(await replay.exit).toBe(2);
    expect(replay.stderr()).toContain(`tapegate: Failed to resolve cassette "../replay.cassette": it resolves to "${cassette.file}", outside the cassette folder "${inner}"`);
  });

  it.each([
    [['--port', '70000'], 'Failed to parse "--port": expected an integer from 0 to 65535, got "70000"'],
    [['--port', '1.5'], 'Failed to parse "--port": expected an integer from 0 to 65535, got "1.5"'],
    [['--host', 'http://127.0.0.1'], 'Failed to parse "--host": expected an IP address or a host name'],
    [['--max-body', 'lots'], 'Failed to parse "--max-body": expected a positive size'],
  ])('exits 2 for bad options %j', async (options, message) => {
    const replay = run(['replay', '--cassette', 'any.cassette', ...options]);
    expect(await replay.exit).toBe(2);
    expect(replay.stderr()).toContain(message);
  });
});
