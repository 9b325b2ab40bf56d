import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCassette, writeCassette } from '../cassettes/format/store.js';
import type { Exchange } from '../core/exchange.js';
import { PROJECT_ROOT, runCli } from './support/cli.js';

const SEED = 'cassettes/examples/seed-scenario.cassette';
const dir = mkdtempSync(join(tmpdir(), 'tapegate-exec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The ids the seed scenario recorded, read from the cassette rather than written down twice. */
async function seedIds(): Promise<string[]> {
  const { exchanges } = await readCassette(SEED, { recoverJournal: false });
  const path = (operation: string) => exchanges.find((e) => e.operation === operation)!.request.path.split('/');
  const v1 = path('apigateway.GetIntegrationResponse');
  const v2 = path('apigatewayv2.GetIntegrationResponse');
  return [v1[2]!, v1[4]!, v2[3]!, v2[5]!, v2[7]!];
}

describe('tapegate exec', () => {
  it('runs a Node SDK v3 script with no endpoint in its code against the replay proxy, offline', async () => {
    const result = runCli(['exec', '--cassette', SEED, '--', process.execPath, 'test/fixtures/exec/sdk-v3-no-endpoint.mjs', ...(await seedIds())], {
      env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', AWS_REGION: '', AWS_DEFAULT_REGION: '', AWS_ENDPOINT_URL: '' },
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      v1: { 'application/json': '{"ok": true}' },
      v2: { $default: '{"route": "$context.routeKey"}' },
      endpoint: true,
    });
    expect(result.stderr).toMatch(/tapegate replay summary: 2 served, 0 missed/);
  });

  it("exits with the command's status", () => {
    expect(runCli(['exec', '--cassette', SEED, '--', process.execPath, '-e', 'process.exit(3)']).status).toBe(3);
  });

  it('gives the command the endpoint variables, throw-away credentials and a region in replay', () => {
    const script =
      'const e = process.env; console.log(JSON.stringify([e.AWS_ENDPOINT_URL === e.AWS_ENDPOINT_URL_API_GATEWAY, e.AWS_ENDPOINT_URL === e.AWS_ENDPOINT_URL_APIGATEWAYV2, e.AWS_ACCESS_KEY_ID, e.AWS_REGION, e.TAPEGATE_MODE]))';
    const result = runCli(['exec', '--cassette', SEED, '--', process.execPath, '-e', script], {
      env: { AWS_ACCESS_KEY_ID: '', AWS_PROFILE: '', AWS_REGION: '', AWS_DEFAULT_REGION: '' },
    });
    expect(JSON.parse(result.stdout)).toEqual([true, true, 'TAPEGATEEXECREPLAY', 'us-east-1', 'replay']);
  });

  it('exits 1 under --fail-on when the command passed but recorded traffic breaks the contract', async () => {
    const { header, exchanges } = await readCassette(SEED, { recoverJournal: false });
    const broken: Exchange[] = exchanges.map((exchange) =>
      exchange.operation === 'apigateway.GetIntegrationResponse' && exchange.response.status === 200
        ? { ...exchange, response: { ...exchange.response, body: { kind: 'json', value: { statusCode: '200', contentHandling: 'CONVERT_TO_JSON' } } } }
        : exchange,
    );
    const cassette = join(dir, 'broken.cassette');
    await writeCassette(cassette, header, broken);
    const args = ['exec', '--cassette', cassette, '--fail-on', 'warn', '--', process.execPath, 'test/fixtures/exec/sdk-v3-no-endpoint.mjs', ...(await seedIds())];
    const failing = runCli(args);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toMatch(/1 warn/);
    const lenient = runCli(args.map((arg) => (arg === 'warn' ? 'error' : arg)));
    expect(lenient.status).toBe(0);
  });

  it('refuses a missing command, an unknown program and a bad option with exit 2', () => {
    const none = runCli(['exec', '--cassette', SEED]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/exec needs a command after --/);
    const unknown = runCli(['exec', '--cassette', SEED, '--', 'no-such-program-tapegate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Failed to exec "no-such-program-tapegate": command not found/);
    const badPort = runCli(['exec', '--cassette', SEED, '--port', 'eighty', '--', 'true']);
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toMatch(/--port/);
    const noCassette = runCli(['exec', '--', 'true']);
    expect(noCassette.status).toBe(2);
    expect(noCassette.stderr).toBe('tapegate: exec needs --cassette FILE, or --sessions --cassette-dir DIR for a cassette per test\n');
    const noDir = runCli(['exec', '--sessions', '--', 'true']);
    expect(noDir.status).toBe(2);
    expect(noDir.stderr).toBe('tapegate: Failed to parse "--cassette-dir": sessions need a cassette folder: every session\'s cassette is a name inside it\n');
  });

  it('with --sessions, names the proxy in TAPEGATE_URL and puts the pytest plugin on PYTHONPATH', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tapegate-exec-sessions-'));
    try {
      const run = runCli(
        [
          'exec',
          '--sessions',
          '--cassette-dir',
          dir,
          '--',
          process.execPath,
          '-e',
          'console.log(JSON.stringify([process.env.TAPEGATE_URL, process.env.AWS_ENDPOINT_URL, process.env.PYTHONPATH]))',
        ],
        {
          env: { PYTHONPATH: 'mine' },
        },
      );
      expect(run.status, run.stderr).toBe(0);
      const [url, endpoint, pythonPath] = JSON.parse(run.stdout) as string[];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(endpoint).toBe(url);
      expect(pythonPath).toBe([join(PROJECT_ROOT, 'harness', 'pytest'), 'mine'].join(delimiter));
      expect(existsSync(join(PROJECT_ROOT, 'harness', 'pytest', 'tapegate_pytest.py'))).toBe(true);
      expect(run.stderr).toMatch(/^tapegate sessions summary: 0 sessions/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('--mode record refuses an existing cassette as tapegate record does, naming it and the ways out; --force overwrites it', async () => {
    const cassette = join(dir, 'existing.cassette');
    copyFileSync(SEED, cassette);
    const before = readFileSync(cassette);
    // Nothing is forwarded: the command makes no request (the upstream is a closed loopback port).
    const record = ['exec', '--mode', 'record', '--upstream', 'http://127.0.0.1:9', '--cassette', cassette];
    const refused = runCli([...record, '--', 'true']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      `tapegate: Failed to record "${cassette}": the cassette exists; pass --force to overwrite it, or use another mode: auto adds to it, once replays it`,
    );
    expect(readFileSync(cassette).equals(before)).toBe(true);

    const forced = runCli([...record, '--force', '--', 'true']);
    expect(forced.status, forced.stderr).toBe(0);
    expect((await readCassette(cassette)).exchanges).toEqual([]);
  });

  it('names the first five unused exchanges and counts the rest; --verbose lists every one', () => {
    const quiet = runCli(['exec', '--cassette', SEED, '--', 'true']);
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toContain('never used: 21 exchanges\n');
    expect(quiet.stderr.match(/^ {2}#\d+ /gm)).toHaveLength(5);
    expect(quiet.stderr).toContain('  ... and 16 more (--verbose lists them all)\n');

    const verbose = runCli(['exec', '--verbose', '--cassette', SEED, '--', 'true']);
    expect(verbose.stderr.match(/^ {2}#\d+ /gm)).toHaveLength(21);
    expect(verbose.stderr).not.toContain('more');
  });

  it("passes the command's arguments as written, options and number-like strings included", () => {
    const result = runCli(['exec', '--cassette', SEED, '--', process.execPath, '-e', 'console.log(JSON.stringify(process.argv.slice(1)))', '007', '-c', '1e3']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(['007', '-c', '1e3']);
  });

  it('shows an example in --help', () => {
    const help = runCli(['exec', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Examples:[\s\S]*-- pytest/);
  });
});
