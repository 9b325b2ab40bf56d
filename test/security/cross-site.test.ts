/**
 * Issue 10, item 4: the recording proxy signed for anyone who could reach its port. A
 * browser's "simple" cross-site POST (text/plain, Origin and Host of the attacker's site)
 * was re-signed with the operator's credentials and created a REST API; without
 * --upstream, an X-Amz-Credential query parameter alone chose the signing scope; --host
 * 0.0.0.0 was accepted silently. Each attack here is refused before anything is signed (the
 * upstream sees no request), and a normal request is served after it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startProxy } from '../../index.js';
import { TapegateError } from '../../core/errors.js';
import { Cleanups, randomCredentials } from '../record-fixtures.js';
import { V2_IR_COLLECTION } from '../replay-fixtures.js';
import { send, SIGNED } from './support/http.js';
import { MODES, startMode } from './support/proxies.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

const CROSS_SITE = {
  'content-type': 'text/plain',
  origin: 'http://evil.example',
};

describe('a request not meant for the proxy', () => {
  it.each(MODES)('%s: a foreign Origin gets 403, the upstream sees nothing, the next request is served', async (mode) => {
    const { proxy, upstream, lines } = await startMode(mode, cleanups);
    const attacked = await send(proxy.url, { method: 'POST', path: '/restapis', headers: { ...SIGNED, ...CROSS_SITE }, body: '{"name":"pwned"}' });
    expect(attacked.status).toBe(403);
    expect(attacked.headers['x-amzn-errortype']).toBe('TapegateForbidden');
    expect(upstream?.received.length ?? 0).toBe(0);
    expect(lines.join('\n')).toContain('Origin');

    const normal = await send(proxy.url, { path: V2_IR_COLLECTION, headers: SIGNED });
    expect(normal.status).not.toBe(403);
    expect(proxy.stats().rejected).toBe(1);
  });

  it.each(MODES)('%s: a Host naming another server gets 403 (DNS rebinding), the upstream sees nothing', async (mode) => {
    const { proxy, upstream } = await startMode(mode, cleanups);
    for (const host of ['evil.example', `evil.example:${proxy.port}`, `127.0.0.1:${proxy.port + 1 > 65535 ? 1 : proxy.port + 1}`]) {
      const attacked = await send(proxy.url, { method: 'POST', path: '/restapis', headers: { ...SIGNED, host, 'content-type': 'application/json' }, body: '{"name":"pwned"}' });
      expect(attacked.status, host).toBe(403);
    }
    expect(upstream?.received.length ?? 0).toBe(0);
    for (const host of [`127.0.0.1:${proxy.port}`, `localhost:${proxy.port}`, 'localhost']) {
      const normal = await send(proxy.url, { path: V2_IR_COLLECTION, headers: { ...SIGNED, host } });
      expect(normal.status, host).not.toBe(403);
    }
  });

  it('accepts an S3 bucket label in front of localhost or an allowed name (virtual-hosted), on the proxy port only', async () => {
    const { proxy, upstream } = await startMode('record', cleanups, { allowedHosts: ['host.docker.internal'] });
    const other = proxy.port + 1 > 65535 ? 1 : proxy.port + 1;
    for (const host of [`bucket-a.localhost:${other}`, `bucket-a.evil.example:${proxy.port}`, `bucket-a.127.0.0.1:${proxy.port}`, `x.localhost:${proxy.port}`]) {
      const refused = await send(proxy.url, { path: '/key', headers: { ...SIGNED, host } });
      expect(refused.status, host).toBe(403);
    }
    expect(upstream?.received.length ?? 0).toBe(0);
    for (const host of [`bucket-a.localhost:${proxy.port}`, `my.bucket.host.docker.internal:${proxy.port}`]) {
      const admitted = await send(proxy.url, { path: '/key', headers: { ...SIGNED, host } });
      expect(admitted.status, host).not.toBe(403);
    }
  });

  it('accepts a Host on the allow-list', async () => {
    const { proxy } = await startMode('record', cleanups, { allowedHosts: ['host.docker.internal'] });
    const answer = await send(proxy.url, { path: V2_IR_COLLECTION, headers: { ...SIGNED, host: `host.docker.internal:${proxy.port}` } });
    expect(answer.status).toBe(200);
  });

  it('never takes the signing scope from an X-Amz-Credential query parameter alone', async () => {
    let asked = 0;
    const proxy = await startProxy({
      mode: 'passthrough',
      log: false,
      credentials: () => {
        asked++;
        return Promise.resolve(randomCredentials());
      },
    });
    cleanups.add(() => proxy.close());
    const query = '?X-Amz-Credential=AKIDSECURITYTEST%2F20260101%2Fus-east-1%2Fapigateway%2Faws4_request&X-Amz-Signature=00';
    const answer = await send(proxy.url, { path: `/restapis${query}` });
    expect(answer.status).toBe(400);
    expect(asked).toBe(0);
    // The refusal names the path only: never the query that carried a signature.
    expect(JSON.stringify(answer.json)).not.toContain('X-Amz-Signature');
  });

  it('refuses a non-loopback --host unless allowed', async () => {
    await expect(startProxy({ mode: 'replay', cassette: 'none.cassette', host: '0.0.0.0' })).rejects.toThrow(TapegateError);
    await expect(startProxy({ mode: 'replay', cassette: 'none.cassette', host: '0.0.0.0' })).rejects.toThrow(
      /Failed to parse "host": 0\.0\.0\.0 is not a loopback address.*allowRemote: true/,
    );
  });
});
