import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../../test/support/loopback-server.js';
import { KnownBodies } from '../known-bodies.js';
import { readIncoming, splitTarget, type IncomingResult } from './read.js';

describe('splitTarget', () => {
  it('keeps the path as sent and decodes the query, repeats in order', () => {
    expect(splitTarget('/v2/apis/a%2Fb?maxResults=5&nextToken=a%20b%2Bc&tag=x&tag=y&flag&=v')).toEqual({
      path: '/v2/apis/a%2Fb',
      query: { maxResults: ['5'], nextToken: ['a b+c'], tag: ['x', 'y'], flag: [''], '': ['v'] },
    });
  });

  it('keeps + as a plus, malformed escapes as sent, and never touches the prototype', () => {
    const { query } = splitTarget('/p?a=1+2&b=%zz&__proto__=x&constructor=y');
    expect(query.a).toEqual(['1+2']);
    expect(query.b).toEqual(['%zz']);
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
    expect(Object.keys(query)).toEqual(['a', 'b', '__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(query, '__proto__')?.value).toEqual(['x']);
    expect(query.constructor).toEqual(['y']);
  });

  it('gives an empty query without a ?', () => {
    expect(splitTarget('/restapis')).toEqual({ path: '/restapis', query: {} });
  });
});

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A real server that reads each request with `readIncoming` and reports the result. */
async function reader(
  limit: number,
  known: KnownBodies | null = null,
): Promise<{ send: (options: { method: string; path: string; headers?: Record<string, string>; body?: Buffer | string; chunks?: Buffer[] }) => Promise<IncomingResult> }> {
  const results: IncomingResult[] = [];
  server = await startLoopbackServer((req, res) => {
    readIncoming(
      req,
      limit,
      (result) => {
        results.push(result);
        res.end('ok');
      },
      known,
    );
  });
  const { port } = server;
  return {
    send: (options) =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers }, (res) => {
          res.resume();
          res.on('end', () => resolve(results.shift() as IncomingResult));
        });
        req.on('error', reject);
        for (const chunk of options.chunks ?? []) req.write(chunk);
        req.end(options.body);
      }),
  };
}

describe('readIncoming', () => {
  it('reads method, path, query, lower-case headers and an empty body', async () => {
    const { send } = await reader(1024);
    const result = await send({ method: 'GET', path: '/v2/apis?maxResults=2', headers: { 'X-Custom': 'A' } });
    expect(result).toMatchObject({ ok: true, request: { method: 'GET', path: '/v2/apis', query: { maxResults: ['2'] }, body: { kind: 'empty' } } });
    if (result.ok) expect(result.request.headers['x-custom']).toBe('A');
  });

  it('stores JSON parsed, other bytes as bytes, and undoes gzip', async () => {
    const { send } = await reader(1024);
    expect(await send({ method: 'POST', path: '/x', headers: { 'content-type': 'application/json' }, body: '{"a":[1,2]}' })).toMatchObject({
      ok: true,
      request: { body: { kind: 'json', value: { a: [1, 2] } } },
    });
    const bytes = await send({ method: 'POST', path: '/x', body: Buffer.from([0xff, 0x00, 0x7b]) });
    expect(bytes.ok && bytes.request.body).toEqual({ kind: 'bytes', bytes: Buffer.from([0xff, 0x00, 0x7b]) });
    expect(await send({ method: 'POST', path: '/x', headers: { 'content-encoding': 'gzip' }, body: gzipSync('{"z":true}') })).toMatchObject({
      ok: true,
      request: { body: { kind: 'json', value: { z: true }, encoding: 'gzip' } },
    });
  });

  it('reads a chunked body up to the limit exactly', async () => {
    const { send } = await reader(10);
    const result = await send({ method: 'POST', path: '/x', chunks: [Buffer.from('abcde'), Buffer.from('fghij')] });
    expect(result.ok && result.request.body).toEqual({ kind: 'bytes', bytes: Buffer.from('abcdefghij') });
  });

  it('reads a body equal to a recorded one as that recorded body, and any other as its own bytes', async () => {
    const recorded = randomBytes(3 * 1024 * 1024);
    const exchange = {
      seq: 0,
      operation: 's3.PutObject',
      request: { method: 'PUT', path: '/b/k', query: {}, headers: {}, body: { kind: 'bytes' as const, bytes: recorded } },
      response: { status: 200, headers: {}, body: { kind: 'empty' as const } },
      timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
    };
    const { send } = await reader(4 * 1024 * 1024, new KnownBodies([exchange]));
    // A copy on the client's side: the server compares what came over the socket.
    const same = await send({ method: 'PUT', path: '/b/k', body: Buffer.from(recorded) });
    expect(same.ok && same.bytes.buffer === recorded.buffer && same.bytes.byteOffset === recorded.byteOffset).toBe(true);
    expect(same.ok && same.request.body.kind === 'bytes' && same.request.body.bytes.buffer === recorded.buffer).toBe(true);
    const other = Buffer.from(recorded);
    other[other.length - 1] = (other[other.length - 1]! + 1) % 256;
    const differs = await send({ method: 'PUT', path: '/b/k', body: other });
    expect(differs.ok && Buffer.from(differs.bytes).equals(other)).toBe(true);
    expect(differs.ok && differs.bytes.buffer !== recorded.buffer).toBe(true);
  });

  it('refuses a declared length over the limit before reading, and a chunked body once it passes it', async () => {
    const { send } = await reader(10);
    expect(await send({ method: 'POST', path: '/x', body: 'x'.repeat(11) })).toEqual({ ok: false, reason: 'too-large', bytes: 11, declared: true });
    const chunked = await send({ method: 'POST', path: '/x', chunks: [Buffer.from('123456'), Buffer.from('789012'), Buffer.from('zzz')] });
    expect(chunked).toMatchObject({ ok: false, reason: 'too-large', declared: false });
    if (!chunked.ok && chunked.reason === 'too-large') expect(chunked.bytes).toBeGreaterThan(10);
    // The connection's next request still reads fine.
    expect(await send({ method: 'GET', path: '/after' })).toMatchObject({ ok: true, request: { path: '/after' } });
  });
});
