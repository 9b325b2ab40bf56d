/**
 * tapegate.config.json as the proxy commands read it: the built CLI spawned in a temp folder
 * holding a config, real requests with fetch, and the same run without the config (or with a
 * flag) beside it, so each test shows the file made the difference. The last block runs
 * `useCassette` in this process with `config` pointing at a file.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../core/exchange.js';
import { createHeader } from '../cassettes/format/format.js';
import { readCassette, writeCassette } from '../cassettes/format/store.js';
import { useCassette } from '../harness/vitest/index.js';
import { assertBuilt, CLI, Cleanups, isolatedEnv, PROJECT_ROOT, randomCredentials, secretsOf } from './record-fixtures.js';
import { exchange, json, request, V1_IR_PATH, V2_IR_COLLECTION, v1IntegrationResponse, v2CreatedResponse } from './replay-fixtures.js';
import { startCaptureServer } from './support/capture-server.js';
import { runCliAsync } from './support/cli.js';

beforeAll(() => assertBuilt(['harness/commands/proxy-config.ts', 'harness/commands/replay.ts', 'harness/commands/record.ts', 'harness/commands/exec.ts']));

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

/** A fresh temp folder with these files (a config is given as an object and written as JSON). */
async function folder(files: Record<string, unknown> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tapegate-config-proxy-'));
  cleanups.add(() => rm(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

async function cassetteIn(dir: string, exchanges: Exchange[], name = 'replay.cassette'): Promise<string> {
  const file = join(dir, name);
  const header = createHeader({
    toolVersion: '0.1.0',
    services: [
      { service: 'apigateway', apiVersion: '2015-07-09' },
      { service: 'apigatewayv2', apiVersion: '2018-11-29' },
    ],
  });
  await writeCassette(
    file,
    header,
    exchanges.map((e, seq) => ({ ...e, seq })),
  );
  return file;
}

interface Served {
  url: string;
  /** SIGTERM, then the exit code, stdout and stderr of the whole run. */
  stop(): Promise<{ status: number | null; stdout: string; stderr: string }>;
}

/** Spawns the built CLI in `cwd` and waits for its `listening URL` line. */
async function serve(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Served> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.add(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (part: string) => (stderr += part));
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout += `${line}\n`;
      if (line.startsWith('listening ')) resolve(line.slice('listening '.length));
    });
    exit.then((status) => reject(new Error(`tapegate exited ${status} before listening; stderr: ${stderr}`)), reject);
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      const status = await exit;
      return { status, stdout, stderr };
    },
  };
}

/** Status and AWS error type of one request to the proxy. */
async function send(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string | null; body: unknown }> {
  const init: RequestInit = { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(url + path, init);
  const text = await response.text();
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), body: text === '' ? null : (JSON.parse(text) as unknown) };
}

const CREATE_IR = 'apigatewayv2.CreateIntegrationResponse';
const getIr = (headers: Record<string, string> = {}): Exchange => {
  const recorded = request('GET', V1_IR_PATH);
  return exchange(0, 'apigateway.GetIntegrationResponse', { ...recorded, headers: { ...recorded.headers, ...headers } }, 200, json(v1IntegrationResponse));
};

describe('tapegate replay with tapegate.config.json', () => {
  it('ignoreBody: a request whose ignored member differs still matches (and misses without the config)', async () => {
    const recorded = exchange(
      0,
      CREATE_IR,
      request('POST', V2_IR_COLLECTION, json({ integrationResponseKey: '/200/', templateSelectionExpression: '$default' })),
      201,
      json(v2CreatedResponse),
    );
    const dir = await folder({ 'tapegate.config.json': { ignoreBody: { [CREATE_IR]: ['/templateSelectionExpression'] } } });
    const cassette = await cassetteIn(dir, [recorded]);
    const changed = { integrationResponseKey: '/200/', templateSelectionExpression: '$request.body.action' };

    const withConfig = await serve(['replay', '--cassette', cassette], dir);
    expect(await send(withConfig.url, 'POST', V2_IR_COLLECTION, changed)).toEqual({ status: 201, type: null, body: v2CreatedResponse });
    expect((await withConfig.stop()).status).toBe(0);

    const without = await serve(['replay', '--cassette', cassette], await folder());
    expect(await send(without.url, 'POST', V2_IR_COLLECTION, changed)).toMatchObject({ status: 400, type: 'TapegateNoMatch' });
    await without.stop();
  });

  it('matchHeaders: the named header takes part in the identity', async () => {
    const dir = await folder({ 'tapegate.config.json': { matchHeaders: ['X-Tenant'] } });
    const cassette = await cassetteIn(dir, [getIr({ 'x-tenant': 'acme' })]);
    const replay = await serve(['replay', '--cassette', cassette], dir);
    expect(await send(replay.url, 'GET', V1_IR_PATH, undefined, { 'x-tenant': 'acme' })).toMatchObject({ status: 200 });
    expect(await send(replay.url, 'GET', V1_IR_PATH, undefined, { 'x-tenant': 'other' })).toMatchObject({ status: 400, type: 'TapegateNoMatch' });
    await replay.stop();
  });

  it('repeat "error": the second identical request is a miss; --repeat last on the command line wins', async () => {
    const dir = await folder({ 'tapegate.config.json': { repeat: 'error' } });
    const cassette = await cassetteIn(dir, [getIr()]);

    const strict = await serve(['replay', '--cassette', cassette], dir);
    expect((await send(strict.url, 'GET', V1_IR_PATH)).status).toBe(200);
    expect(await send(strict.url, 'GET', V1_IR_PATH)).toMatchObject({ status: 400, type: 'TapegateNoMatch' });
    const { stdout } = await strict.stop();
    expect(stdout).toContain('tapegate replay summary: 1 served, 1 missed, 0 rejected');

    const flag = await serve(['replay', '--cassette', cassette, '--repeat', 'last'], dir);
    expect((await send(flag.url, 'GET', V1_IR_PATH)).status).toBe(200);
    expect((await send(flag.url, 'GET', V1_IR_PATH)).status).toBe(200);
    await flag.stop();
  });

  it('maxBodyBytes "1KiB": a 2 KiB body is answered 413; --max-body 4KiB lets it through to the matcher', async () => {
    const dir = await folder({ 'tapegate.config.json': { maxBodyBytes: '1KiB' } });
    const cassette = await cassetteIn(dir, [getIr()]);
    const big = { integrationResponseKey: '/200/', description: 'x'.repeat(2048) };

    const limited = await serve(['replay', '--cassette', cassette], dir);
    expect(await send(limited.url, 'POST', V2_IR_COLLECTION, big)).toMatchObject({ status: 413, type: 'TapegateRequestTooLarge' });
    await limited.stop();

    const flag = await serve(['replay', '--cassette', cassette, '--max-body', '4KiB'], dir);
    expect(await send(flag.url, 'POST', V2_IR_COLLECTION, big)).toMatchObject({ status: 400, type: 'TapegateNoMatch' });
    await flag.stop();
  });

  it('contracts: the folders the file names load beside the bundled ones, a service there replacing the bundled one', async () => {
    // The project's own API Gateway v1 contracts, in which GetIntegrationResponse has another path:
    // the v1 request then routes to no operation, so it cannot match the recorded v1 exchange.
    const dir = await folder({ 'tapegate.config.json': { contracts: ['own'] } });
    await mkdir(join(dir, 'own'));
    const v1 = await readFile(join(PROJECT_ROOT, 'contracts', 'generated', 'apigateway-2015-07-09.json'), 'utf8');
    const at = '"GetIntegrationResponse":{"http":{"method":"GET","uri":"';
    const moved = v1.replace(
      `${at}/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration/responses/{status_code}"`,
      `${at}/moved/{restapi_id}/{status_code}"`,
    );
    expect(moved).not.toBe(v1);
    await writeFile(join(dir, 'own', 'apigateway-2015-07-09.json'), moved);
    const cassette = await cassetteIn(dir, [getIr()]);

    const replaced = await serve(['replay', '--cassette', cassette], dir);
    expect(await send(replaced.url, 'GET', V1_IR_PATH)).toMatchObject({ status: 400, type: 'TapegateNoMatch' });
    const { stderr } = await replaced.stop();
    expect(stderr).toContain('tapegate: contracts: the bundled contracts and own (apigateway); apigateway replaces the bundled one\n');

    const bundled = await serve(['replay', '--cassette', cassette], await folder());
    expect((await send(bundled.url, 'GET', V1_IR_PATH)).status).toBe(200);
    await bundled.stop();
  });

  it('--config FILE is read instead of the one in the current folder', async () => {
    const dir = await folder({ 'tapegate.config.json': { repeat: 'last' }, 'strict.json': { repeat: 'error' } });
    const cassette = await cassetteIn(dir, [getIr()]);
    const replay = await serve(['replay', '--cassette', cassette, '--config', 'strict.json'], dir);
    expect((await send(replay.url, 'GET', V1_IR_PATH)).status).toBe(200);
    expect((await send(replay.url, 'GET', V1_IR_PATH)).status).toBe(400);
    await replay.stop();
  });

  it('a config with mistakes: exit 2 before listening, every wrong key named', async () => {
    const dir = await folder({ 'tapegate.config.json': { repeat: 'twice', matchHeader: ['x-tenant'] } });
    const cassette = await cassetteIn(dir, [getIr()]);
    const result = await runCliAsync(['replay', '--cassette', cassette], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('tapegate: Failed to read config "tapegate.config.json": ');
    expect(result.stderr).toContain('/repeat must be one of last, error (got "twice")');
    expect(result.stderr).toContain('/matchHeader is not a known key (did you mean matchHeaders?)');
  });

  it('a config that is not JSON: exit 2 with the line and column', async () => {
    const dir = await folder({ 'tapegate.config.json': '{\n  "repeat": "error",\n}\n' });
    const result = await runCliAsync(['replay', '--cassette', await cassetteIn(dir, [getIr()])], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Failed to read config "tapegate\.config\.json": not valid JSON at line 3, column 1/);
  });
});

describe('tapegate record with tapegate.config.json', () => {
  /** A PutIntegration whose `type` breaks the contract (an error finding), answered with an account id inside. */
  async function recordOnce(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
    const recording = await serve(args, cwd, env);
    const path = '/restapis/a1b2c3d4e5/resources/r3s0urc3/methods/GET/integration';
    const sent = await send(recording.url, 'PUT', path, { type: 'NOPE' }, { 'x-tenant': 'acme', 'x-trace': 't-1', 'x-keep': 'kept' });
    expect(sent.status).toBe(200);
    return recording.stop();
  }

  it('upstream, redaction and failOn come from the file; flags add headers to redact and override the rest', async () => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:f';
    const upstream = await startCaptureServer(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: json({ type: 'AWS', uri: arn }) }));
    cleanups.add(() => upstream.close());
    const dir = await folder({
      'tapegate.config.json': { upstream: upstream.url, redaction: { accountIds: true, extraHeaders: ['X-Tenant'] }, failOn: 'error' },
      'no-fail-on.json': { upstream: upstream.url },
    });
    const credentials = randomCredentials();
    const env = isolatedEnv(dir, { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey });

    // The file's settings, plus one more header from the flag.
    const first = await recordOnce(['record', '--cassette', 'a.cassette', '--redact-headers', 'x-trace'], dir, env);
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(/^finding: error apigateway\.PutIntegration request \/body\/type /m);
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]!.headers).toMatchObject({ 'x-tenant': 'acme', 'x-trace': 't-1' });
    const [written] = (await readCassette(join(dir, 'a.cassette'))).exchanges;
    expect(written!.request.headers['x-keep']).toBe('kept');
    expect(written!.request.headers).not.toHaveProperty('x-tenant');
    expect(written!.request.headers).not.toHaveProperty('x-trace');
    const bytes = (await readFile(join(dir, 'a.cassette'))).toString('latin1');
    expect(bytes).not.toContain('123456789012');
    for (const secret of secretsOf(credentials)) expect(bytes).not.toContain(secret);

    // Flags win: no account-id redaction, findings do not fail the run.
    const second = await recordOnce(['record', '--cassette', 'b.cassette', '--no-redact-account-ids', '--fail-on', 'never'], dir, env);
    expect(second.status).toBe(0);
    expect((await readFile(join(dir, 'b.cassette'))).toString('latin1')).toContain('123456789012');

    // A file without failOn leaves the proxies' own default, never (verify's would be error).
    const third = await recordOnce(['record', '--cassette', 'c.cassette', '--config', 'no-fail-on.json'], dir, env);
    expect(third.status).toBe(0);
    expect(third.stderr).toMatch(/^finding: error apigateway\.PutIntegration/m);
    expect(upstream.requests).toHaveLength(3);
  });

  it("an upstream in the file that has a path: exit 2 naming /upstream; an --upstream flag means the file's is never used", async () => {
    const dir = await folder({ 'tapegate.config.json': { upstream: 'http://127.0.0.1:9/prefix' } });
    const result = await runCliAsync(['record', '--cassette', 'x.cassette'], { cwd: dir, env: isolatedEnv(dir) });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Failed to read config "tapegate\.config\.json": \/upstream must be an http or https origin with no path/);

    const flag = await serve(['record', '--cassette', 'x.cassette', '--upstream', 'http://127.0.0.1:9'], dir, isolatedEnv(dir));
    expect((await flag.stop()).status).toBe(0);
  });
});

describe('tapegate exec with tapegate.config.json', () => {
  it('the command\'s proxy replays as the file says (repeat "error": the second request misses)', async () => {
    const dir = await folder({ 'tapegate.config.json': { repeat: 'error' } });
    await cassetteIn(dir, [getIr()], 'exec.cassette');
    const script = `for (let i = 0; i < 2; i++) console.log((await fetch(process.env.AWS_ENDPOINT_URL + ${JSON.stringify(V1_IR_PATH)})).status);`;
    const command = ['--', process.execPath, '--input-type=module', '-e', script];
    const strict = await runCliAsync(['exec', '--cassette', 'exec.cassette', ...command], { cwd: dir });
    expect(strict).toMatchObject({ status: 0, stdout: '200\n400\n' });
    const flag = await runCliAsync(['exec', '--cassette', 'exec.cassette', '--repeat', 'last', ...command], { cwd: dir });
    expect(flag).toMatchObject({ status: 0, stdout: '200\n200\n' });
  });
});

// useCassette reads the config when its beforeAll runs; its folder must exist when the suite is collected.
const vitestDir = mkdtempSync(join(tmpdir(), 'tapegate-config-vitest-'));
afterAll(() => rmSync(vitestDir, { recursive: true, force: true }));

describe('useCassette and tapegate.config.json in process.cwd()', () => {
  const previous = process.cwd();
  // Registered before the useCassette calls, so this runs before their hooks start the proxies.
  beforeAll(async () => {
    await writeFile(join(vitestDir, 'tapegate.config.json'), JSON.stringify({ repeat: 'error', matchHeaders: ['x-tenant'] }));
    await writeFile(join(vitestDir, 'lenient.json'), JSON.stringify({ repeat: 'last' }));
    await cassetteIn(vitestDir, [getIr({ 'x-tenant': 'acme' })], 'config.cassette');
    process.chdir(vitestDir);
  });
  afterAll(() => process.chdir(previous));
  const found = useCassette('config', { mode: 'replay', dir: vitestDir });
  const ignored = useCassette('config', { mode: 'replay', dir: vitestDir, config: false });
  const named = useCassette('config', { mode: 'replay', dir: vitestDir, config: 'lenient.json' });
  const optionWins = useCassette('config', { mode: 'replay', dir: vitestDir, repeat: 'last' });

  const status = async (endpoint: string, tenant: string): Promise<number> => (await send(endpoint, 'GET', V1_IR_PATH, undefined, { 'x-tenant': tenant })).status;

  it('finds the file: matchHeaders and repeat "error" apply', async () => {
    expect(await status(found.endpoint, 'other')).toBe(400);
    expect(await status(found.endpoint, 'acme')).toBe(200);
    expect(await status(found.endpoint, 'acme')).toBe(400);
    expect(found.stats()).toMatchObject({ mode: 'replay', served: 1, missed: 2 });
  });

  it('config: false ignores it; config: FILE reads that one instead', async () => {
    for (const tape of [ignored, named]) {
      expect(await status(tape.endpoint, 'other')).toBe(200);
      expect(await status(tape.endpoint, 'other')).toBe(200);
    }
  });

  it('an option wins over the file (repeat), the rest of the file still applies (matchHeaders)', async () => {
    expect(await status(optionWins.endpoint, 'acme')).toBe(200);
    expect(await status(optionWins.endpoint, 'acme')).toBe(200);
    expect(await status(optionWins.endpoint, 'other')).toBe(400);
  });
});
