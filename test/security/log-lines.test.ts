/**
 * The lines the proxies print about a request name its method and path only. Issue 10 found
 * the full URL (query string included) in the 413, aborted-request and no-scope refusal
 * lines, `user:password@` in the absolute-form line, and received values in replay's miss
 * lines. The 403 for a request not meant for the proxy is here too. Each of those situations here, with a secret in every place a line could take it
 * from; the credentials provider is a tripwire, so nothing ever leaves 127.0.0.1.
 */
import { connect } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startProxy, writeCassette } from '../../index.js';
import { createHeader } from '../../cassettes/format/format.js';
import { requestLabel, hostLabel } from '../../cassettes/redact/request-label.js';
import { createRng, randomAccessKeyId, randomString } from '../support/samples/secret-samples.js';
import { randomJwt } from '../support/samples/token-samples.js';

const rng = createRng(0x10961);
const secret = (): string => randomString(rng, 'abcdefghijklmnopqrstuvwxyz0123456789', 32);
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Sends raw bytes; resolves with the answer when the server closes, or with '' when `abort` cuts the request. */
function raw(port: number, text: string, abort = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(text);
      if (abort) setTimeout(() => socket.destroy(), 50);
    });
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error) => (abort ? resolve('') : reject(error)));
  });
}

/** Waits until `lines` holds a line matching `pattern` (the aborted line comes after the socket closed). */
async function lineMatching(lines: string[], pattern: RegExp): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const found = lines.find((line) => pattern.test(line));
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no line matches ${pattern}; lines: ${lines.join(' | ')}`);
}

describe('requestLabel', () => {
  it('keeps method and path; drops query, fragment, scheme, authority and userinfo; masks secret-shaped segments', () => {
    const [s, id] = [secret(), randomAccessKeyId(rng)];
    expect(requestLabel('get', `/restapis/a1?access_token=${s}#x`)).toBe('GET /restapis/a1');
    expect(requestLabel('GET', `http://user:${s}@evil.example:8080/v2/apis?x=${s}`)).toBe('GET /v2/apis');
    expect(requestLabel('GET', `/restapis/${id}/stages`)).toBe('GET /restapis/<hidden>/stages');
    expect(requestLabel(undefined, undefined)).toBe('? /');
    expect(requestLabel('GET', '/a\r\nforged: line')).toBe('GET /a forged: line');
    expect(hostLabel(`user:${s}@evil.example:8080`)).toBe('evil.example:8080');
  });
});

describe("the recording proxy's lines", () => {
  it('413, aborted, no credential scope, absolute form with userinfo, a failed signer: no query value, no userinfo, no secret-shaped path', async () => {
    const lines: string[] = [];
    const proxy = await startProxy({
      mode: 'record',
      cassette: join(await tempDir(), 'x.cassette'),
      maxBodyBytes: 64,
      credentials: async () => Promise.reject(new Error('tripwire: no credentials in this test')),
      log: (line) => lines.push(line),
    });
    cleanups.push(() => proxy.close());
    const planted = Array.from({ length: 6 }, secret);
    const [jwt, keyId] = [randomJwt(rng), randomAccessKeyId(rng)];
    const scope = 'Authorization: AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=00\r\n';

    expect(
      await raw(proxy.port, `POST /restapis?access_token=${planted[0]} HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n`),
    ).toMatch(/^HTTP\/1\.1 413 /);
    await raw(proxy.port, `POST /restapis?password=${planted[1]} HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\n${scope}Content-Length: 50\r\n\r\n{"name":`, true);
    expect(await raw(proxy.port, `GET /restapis/a1?token=${planted[2]}&jwt=${jwt} HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nConnection: close\r\n\r\n`)).toMatch(
      /^HTTP\/1\.1 400 /,
    );
    expect(
      await raw(
        proxy.port,
        `GET http://admin:${planted[3]}@evil.example/restapis?key=${planted[4]} HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\n${scope}Connection: close\r\n\r\n`,
      ),
    ).toMatch(/^HTTP\/1\.1 500 /);
    expect(await raw(proxy.port, `GET /restapis/${keyId}?sig=${planted[5]} HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400 /);
    // Refused before anything is read: a browser's request (Origin), a foreign Host.
    expect(
      await raw(
        proxy.port,
        `POST http://admin:${planted[3]}@127.0.0.1/restapis?access_token=${planted[0]} HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nOrigin: https://evil.example\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      ),
    ).toMatch(/^HTTP\/1\.1 403 /);

    expect(await lineMatching(lines, /^tapegate: aborted /)).toBe('tapegate: aborted POST /restapis: aborted');
    const text = lines.join('\n');
    expect(text).toContain('tapegate: Failed to read "POST /restapis": the request body declares 1000 bytes');
    expect(text).toContain('tapegate: Failed to forward "GET /restapis/a1": the request carries no SigV4 credential scope');
    expect(text).toContain('tapegate: ignored the host "evil.example" in the request target');
    expect(text).toContain('tapegate: Failed to sign "GET /restapis": ');
    expect(text).toContain('tapegate: Failed to forward "GET /restapis/<hidden>": ');
    expect(text).toContain('tapegate: Failed to accept "POST /restapis": it carries an Origin header');
    for (const value of [...planted, jwt, keyId, 'admin']) expect(text).not.toContain(value);
  });
});

describe("the replay proxy's lines", () => {
  it('413, aborted and miss lines: method and path, differing fields by pointer, no value', async () => {
    const dir = await tempDir();
    const cassette = join(dir, 'one.cassette');
    await writeCassette(cassette, createHeader({ toolVersion: '0.1.0', services: [{ service: 'apigateway', apiVersion: '2015-07-09' }] }), [
      {
        seq: 0,
        operation: 'apigateway.CreateRestApi',
        request: { method: 'POST', path: '/restapis', query: { mode: ['a'] }, headers: {}, body: { kind: 'json', value: { name: 'recorded', description: 'recorded' } } },
        response: { status: 201, headers: { 'content-type': 'application/json' }, body: { kind: 'json', value: { id: 'a1' } } },
        timing: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 1 },
      },
    ]);
    const lines: string[] = [];
    const proxy = await startProxy({ cassette, maxBodyBytes: 200, log: (line) => lines.push(line) });
    cleanups.push(() => proxy.close());
    const planted = Array.from({ length: 5 }, secret);

    expect(
      await raw(proxy.port, `POST /restapis?access_token=${planted[0]} HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n`),
    ).toMatch(/^HTTP\/1\.1 413 /);
    await raw(proxy.port, `POST /restapis?password=${planted[1]} HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nContent-Length: 50\r\n\r\n{"name":`, true);
    const body = JSON.stringify({ name: planted[2], description: planted[3] });
    const miss = await raw(
      proxy.port,
      `POST /restapis?mode=${planted[4]} HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(miss).toMatch(/^HTTP\/1\.1 400 /);
    // The client that sent the values gets them back in its error; the log does not.
    expect(miss).toContain(planted[2]);

    expect(await lineMatching(lines, /^tapegate: aborted /)).toBe('tapegate: aborted POST /restapis: aborted');
    const text = lines.join('\n');
    expect(text).toContain('tapegate: Failed to read "POST /restapis": the request body declares 1000 bytes');
    expect(text).toContain(
      'tapegate: miss: No recorded exchange matches apigateway.CreateRestApi POST /restapis. Closest: #0 (same operation). Differences at /query/mode, /body/description, /body/name.',
    );
    for (const value of planted) expect(text).not.toContain(value);
  });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tapegate-log-lines-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
