/**
 * Issue 10, minor: an upstream answering a status no HTTP response has (999) made the
 * recorder fail with "Failed to append to journal" (the cassette refuses the status) and
 * the client a 500. Such an answer is an upstream failure: 502 TapegateUpstreamError naming
 * the status, nothing recorded, and the next request served and recorded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readCassette } from '../../cassettes/format/store.js';
import { Cleanups } from '../record-fixtures.js';
import { V1_IR_PATH } from '../replay-fixtures.js';
import { send, SIGNED } from './support/http.js';
import { startMode } from './support/proxies.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

describe.each(['record', 'auto', 'passthrough'] as const)('%s', (mode) => {
  it.each([999, 600, 700])('an upstream status %i is a 502, not recorded; the next answer is', async (status) => {
    const { proxy, upstream, cassette, lines } = await startMode(mode, cleanups);
    upstream!.answer = { status, body: '{"odd":true}' };
    const odd = await send(proxy.url, { path: `${V1_IR_PATH}?odd=1`, headers: SIGNED });
    expect(odd.status).toBe(502);
    expect(odd.headers['x-amzn-errortype']).toBe('TapegateUpstreamError');
    expect((odd.json as { message: string }).message).toContain(`answered with status ${status}, which is not a final HTTP status (200 to 599)`);

    upstream!.answer = { status: 200, body: '{"statusCode":"200"}' };
    const normal = await send(proxy.url, { path: `${V1_IR_PATH}?normal=1`, headers: SIGNED });
    expect(normal.status).toBe(200);
    const stats = await proxy.close();
    expect(stats).toMatchObject({ upstreamFailures: 1 });
    expect(lines.some((line) => line.includes('Failed to append to journal') || line.includes('Failed to record'))).toBe(false);
    if (cassette === null) return;
    const { exchanges } = await readCassette(cassette);
    expect(exchanges.filter((e) => e.request.query.odd !== undefined)).toEqual([]);
    expect(exchanges.filter((e) => e.request.query.normal !== undefined)).toHaveLength(1);
  });
});
