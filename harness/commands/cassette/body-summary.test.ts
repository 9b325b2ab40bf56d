/**
 * `cassette show` prints a large or event stream body as what it is (size, type, SHA-256,
 * frames and their events), never megabytes of base64; the export keeps every byte.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHeader } from '../../../cassettes/format/format.js';
import type { Exchange } from '../../../core/exchange.js';
import { eventMessage } from '../../../test/support/fake-lambda-stream.js';
import { cassetteJsonText } from './json-text.js';

const object = randomBytes(200 * 1024);
const chunk = eventMessage('PayloadChunk', Buffer.from('a'), 'application/octet-stream');
const stream = Buffer.concat([chunk, eventMessage('InvokeComplete', Buffer.from('{}'), 'application/json')]);
/** The second message cut short. */
const half = stream.length - 3;

const exchanges: Exchange[] = [
  {
    seq: 0,
    operation: null,
    request: { method: 'PUT', path: '/b/object.bin', query: {}, headers: { 'content-type': 'application/octet-stream' }, body: { kind: 'bytes', bytes: object } },
    response: { status: 200, headers: {}, body: { kind: 'empty' } },
    timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
  },
  {
    seq: 1,
    operation: null,
    request: { method: 'POST', path: '/2021-11-15/functions/f/response-streaming-invocations', query: {}, headers: {}, body: { kind: 'bytes', bytes: Buffer.from('{}!') } },
    response: {
      status: 200,
      headers: { 'content-type': 'application/vnd.amazon.eventstream' },
      body: { kind: 'bytes', bytes: stream.subarray(0, half), frames: { lengths: [chunk.length], atMs: [1.5], problem: 'message 2 (at byte 38) is cut short' } },
    },
    timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
  },
];
const cassette = { header: createHeader({ toolVersion: '0.1.0', services: [] }), exchanges };

describe('cassette show', () => {
  it('summarises large and event stream bodies, and the export keeps their bytes', () => {
    const shown = JSON.parse([...cassetteJsonText(cassette, true)].join('')) as { exchanges: Exchange[] };
    expect(shown.exchanges[0]!.request.body).toEqual({
      kind: 'bytes',
      size: object.length,
      contentType: 'application/octet-stream',
      sha256: createHash('sha256').update(object).digest('hex'),
      shown: 'in short: `tapegate cassette export --json` has the bytes',
    });
    expect(shown.exchanges[1]!.response.body).toMatchObject({
      size: half,
      contentType: 'application/vnd.amazon.eventstream',
      frames: { count: 1, events: ['PayloadChunk'], atMs: [1.5], problem: 'message 2 (at byte 38) is cut short' },
    });
    // A small body is still shown whole.
    expect(shown.exchanges[1]!.request.body).toEqual({ kind: 'bytes', base64: Buffer.from('{}!').toString('base64') });

    const exported = JSON.parse([...cassetteJsonText(cassette)].join('')) as { exchanges: { request: { body: { base64: string } } }[] };
    expect(Buffer.from(exported.exchanges[0]!.request.body.base64, 'base64').equals(object)).toBe(true);
  });
});
