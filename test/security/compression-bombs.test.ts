/**
 * Issue 10, item 6: no limit after decompression. A 1 MB gzip request inflating to 1 GB
 * blocked replay's event loop for seconds at 2 GB of memory; a 500 KB gzip upstream answer
 * wrote a 524 MB cassette; upstream answers had no size cap at all. Bodies now inflate to at
 * most MAX_INFLATED_BYTES (beyond it they stay as the compressed bytes that came) and an
 * upstream answer over --max-response is a 502 that is not recorded.
 */
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromWire, MAX_INFLATED_BYTES } from '../../cassettes/format/body.js';
import { readCassette } from '../../cassettes/format/store.js';
import { Cleanups } from '../record-fixtures.js';
import { V2_IR_COLLECTION } from '../replay-fixtures.js';
import { send, SIGNED } from './support/http.js';
import { MODES, startMode } from './support/proxies.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

/** ~1 MB of gzip that inflates to 1 GiB of zeros (built in pieces: never a gigabyte in memory here). */
const BOMB = (() => {
  const piece = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
  return Buffer.concat(Array.from({ length: 16 }, () => piece));
})();

describe('a compression bomb', () => {
  it('is never inflated past the bound', () => {
    const started = performance.now();
    const body = bodyFromWire(BOMB, { 'content-encoding': 'gzip' });
    expect(body.kind).toBe('bytes');
    expect(body.kind === 'bytes' && body.encoding).toBeFalsy();
    expect(body.kind === 'bytes' && body.bytes.byteLength).toBe(BOMB.length);
    expect(MAX_INFLATED_BYTES).toBeLessThanOrEqual(64 * 1024 * 1024);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it.each(MODES)('%s: as a request body, is answered and the next request served', async (mode) => {
    const { proxy, cassette } = await startMode(mode, cleanups, { maxBodyBytes: 4 * 1024 * 1024 });
    const before = process.memoryUsage.rss();
    const attacked = await send(proxy.url, {
      method: 'POST',
      path: V2_IR_COLLECTION,
      headers: { ...SIGNED, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: BOMB,
      timeoutMs: 20_000,
    });
    expect(attacked.status).toBeGreaterThanOrEqual(200);
    expect(process.memoryUsage.rss() - before).toBeLessThan(512 * 1024 * 1024);
    const normal = await send(proxy.url, { path: V2_IR_COLLECTION, headers: SIGNED });
    expect(normal.status).toBeGreaterThanOrEqual(200);
    await proxy.close();
    if (cassette !== null && mode !== 'replay') expect((await stat(cassette)).size).toBeLessThan(16 * 1024 * 1024);
  });

  it('as an upstream answer, is recorded compressed, as it came', async () => {
    const { proxy, upstream, cassette } = await startMode('record', cleanups);
    upstream!.answer = { status: 200, headers: { 'content-encoding': 'gzip' }, body: BOMB };
    const answer = await send(proxy.url, { path: V2_IR_COLLECTION, headers: SIGNED, timeoutMs: 20_000 });
    expect(answer.status).toBe(200);
    expect(answer.body.equals(BOMB)).toBe(true);
    await proxy.close();
    expect((await readFile(cassette!)).length).toBeLessThan(BOMB.length + 64 * 1024);
  });
});

describe('an upstream answer over --max-response', () => {
  it('is a 502 that is not recorded; the next answer is', async () => {
    const { proxy, upstream, cassette } = await startMode('record', cleanups, { maxResponseBytes: '1MiB' });
    upstream!.answer = { status: 200, body: Buffer.alloc(2 * 1024 * 1024, 0x61) };
    const big = await send(proxy.url, { path: V2_IR_COLLECTION, headers: SIGNED });
    expect(big.status).toBe(502);
    expect(JSON.stringify(big.json)).toContain('--max-response');
    upstream!.answer = { status: 200, body: '{}' };
    const normal = await send(proxy.url, { path: V2_IR_COLLECTION, headers: SIGNED });
    expect(normal.status).toBe(200);
    await proxy.close();
    expect((await readCassette(cassette!)).exchanges).toHaveLength(1);
  });
});
