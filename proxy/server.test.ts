/**
 * startProxy's own options, through real HTTP on loopback: key options reach the
 * matcher, the listen address is checked, close is idempotent and ends keep-alive sockets.
 */
import { Agent, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../core/exchange.js';
import { TapegateError } from '../core/errors.js';
import { exchange, json, request as recorded, writeTempCassette } from '../test/replay-fixtures.js';
import { startProxy, type TapegateProxy as ReplayProxy } from './start.js';

let cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

const CREATE_API = 'apigatewayv2.CreateApi';

function createApi(seq: number, body: unknown, headers: Record<string, string> = {}): Exchange {
  const ex = exchange(seq, CREATE_API, recorded('POST', '/v2/apis', json(body)), 201, json({ apiId: `api${seq}` }));
  ex.request.headers = { ...ex.request.headers, ...headers };
  return ex;
}

async function start(exchanges: Exchange[], options: Partial<Parameters<typeof startProxy>[0]> = {}): Promise<ReplayProxy> {
  const cassette = await writeTempCassette(exchanges);
  cleanups.push(cassette.remove);
  const proxy = await startProxy({ mode: 'replay', cassette: cassette.file, log: false, ...options });
  cleanups.push(() => proxy.close());
  return proxy;
}

function post(url: string, body: unknown, headers: Record<string, string> = {}, agent?: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/v2/apis`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, agent }, (res) => {
      let text = '';
      res.on('data', (part: Buffer) => (text += part.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('startProxy', () => {
  it('listens on 127.0.0.1 by default and reports its URL and port', async () => {
    const proxy = await start([createApi(0, { name: 'a' })]);
    expect(proxy.url).toBe(`http://127.0.0.1:${proxy.port}`);
    expect(proxy.port).toBeGreaterThan(0);
  });

  it('passes ignoreBody and matchHeaders to the matcher', async () => {
    const proxy = await start([createApi(0, { name: 'a', clientToken: 'one' }, { 'x-tenant': 't1' })], {
      ignoreBody: { [CREATE_API]: ['/clientToken'] },
      matchHeaders: ['X-Tenant'],
    });
    expect((await post(proxy.url, { name: 'a', clientToken: 'two' }, { 'x-tenant': 't1' })).status).toBe(201);
    const miss = await post(proxy.url, { name: 'a', clientToken: 'two' }, { 'x-tenant': 't2' });
    expect(miss.status).toBe(400);
    expect(JSON.parse(miss.body)).toMatchObject({
      reason: 'no-match',
      operation: CREATE_API,
      closest: { seq: 0, operation: CREATE_API, relation: 'same operation' },
      differences: [{ pointer: '/headers/x-tenant', recorded: 't1', received: 't2' }],
    });
  });

  it('says once at startup that volatile headers cannot take part in matching', async () => {
    const lines: string[] = [];
    await start([createApi(0, {})], { matchHeaders: ['X-Amz-Date', 'x-tenant'], log: (line) => lines.push(line) });
    expect(lines).toEqual(['tapegate: matchHeaders ignores x-amz-date: they change on every request (signing, SDK bookkeeping)']);
  });

  it('refuses a port in use, naming the address', async () => {
    const first = await start([createApi(0, {})]);
    const error = await start([createApi(0, {})], { port: first.port }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TapegateError);
    expect((error as Error).message).toBe(`Failed to listen on "127.0.0.1:${first.port}": the port is in use`);
  });

  it('refuses bad programmatic options before reading anything', async () => {
    await expect(startProxy({ mode: 'replay', cassette: 'none', port: 70000 })).rejects.toThrow('Failed to parse "port": expected an integer from 0 to 65535, got 70000');
    await expect(startProxy({ mode: 'replay', cassette: 'none', maxBodyBytes: 0 })).rejects.toThrow('Failed to parse "maxBodyBytes"');
    await expect(startProxy({ mode: 'replay', cassette: 'none', host: 'not a host' })).rejects.toThrow('Failed to parse "host"');
  });

  it('closes with open keep-alive connections, once, returning the same final stats', async () => {
    const proxy = await start([createApi(0, { name: 'a' })]);
    const agent = new Agent({ keepAlive: true });
    cleanups.push(() => agent.destroy());
    expect((await post(proxy.url, { name: 'a' }, {}, agent)).status).toBe(201);
    const [one, two] = await Promise.all([proxy.close(), proxy.close()]);
    expect(one).toBe(two);
    expect(one).toMatchObject({ exchanges: 1, served: 1, missed: 0, rejected: 0, unused: [] });
    await expect(post(proxy.url, { name: 'a' })).rejects.toThrow(/ECONNREFUSED/);
  });
});
