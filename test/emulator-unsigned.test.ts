/**
 * Recording against an emulator (issue 11, item 4): with --upstream set, the user named the
 * target, so a request that is no AWS operation and carries no signature (an emulator's own
 * `POST /moto-api/reset`, `GET /_localstack/health`) is forwarded as it came, unsigned, and
 * recorded; the summary counts them. Without --upstream it is still refused, and a request
 * that carries a signature is still signed or refused as before.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCassette } from '../cassettes/format/store.js';
import { startProxy } from '../index.js';
import { formatSummary } from '../proxy/summary.js';
import { Cleanups, randomCredentials, tempDir } from './record-fixtures.js';
import { send } from './security/support/http.js';
import { startRawUpstream } from './security/support/upstream.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

describe("an emulator's own unsigned calls", () => {
  it('go to --upstream as they came, are recorded, and are counted in the summary', async () => {
    const upstream = await startRawUpstream({ status: 200, body: '{"reset":true}' });
    cleanups.add(() => upstream.close());
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const cassette = join(dir, 'emulator.cassette');
    let asked = 0;
    const proxy = await startProxy({
      mode: 'record',
      cassette,
      upstream: upstream.url,
      log: false,
      credentials: () => {
        asked++;
        return Promise.resolve(randomCredentials());
      },
    });
    const reset = await send(proxy.url, { method: 'POST', path: '/moto-api/reset', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(reset.status).toBe(200);
    expect(upstream.received).toHaveLength(1);
    // Nothing was signed for it.
    expect(asked).toBe(0);
    const stats = await proxy.close();
    expect(stats).toMatchObject({ forwarded: 1, unsigned: 1, recorded: 1 });
    expect(formatSummary(stats)).toContain('1 of them unsigned (no AWS operation, passed to --upstream as they came)');
    const { exchanges } = await readCassette(cassette);
    expect(exchanges.map((e) => `${e.request.method} ${e.request.path} ${e.operation}`)).toEqual(['POST /moto-api/reset null']);
    // Marked as such, so it is one unsigned-call info, never an unknown-operation error.
    expect(exchanges[0]!.unsigned).toBe(true);
    expect(stats.findings.map((f) => [f.severity, f.code])).toEqual([['info', 'unsigned-call']]);

    // Replayed offline like any other exchange.
    const replay = await startProxy({ mode: 'replay', cassette, log: false });
    cleanups.add(() => replay.close());
    const replayed = await send(replay.url, { method: 'POST', path: '/moto-api/reset', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(replayed.status).toBe(200);
    expect(replayed.json).toEqual({ reset: true });
  });

  it('are refused without --upstream, and a signed request without a usable scope still is', async () => {
    const proxy = await startProxy({ mode: 'passthrough', log: false, credentials: randomCredentials() });
    cleanups.add(() => proxy.close());
    expect((await send(proxy.url, { method: 'POST', path: '/moto-api/reset' })).status).toBe(400);
    const upstream = await startRawUpstream();
    cleanups.add(() => upstream.close());
    const withUpstream = await startProxy({ mode: 'passthrough', upstream: upstream.url, log: false, credentials: randomCredentials() });
    cleanups.add(() => withUpstream.close());
    const sigV2 = await send(withUpstream.url, { method: 'POST', path: '/moto-api/reset', headers: { authorization: 'AWS AKIDEXAMPLE:c2lnbmF0dXJl' } });
    expect(sigV2.status).toBe(400);
    expect(upstream.received).toHaveLength(0);
  });
});
