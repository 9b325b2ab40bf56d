import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BLOB_MIN_BYTES } from '../cassettes/format/blobs.js';
import type { Body, Exchange } from '../core/exchange.js';
import { KnownBodies } from './known-bodies.js';

function exchange(seq: number, request: Body, response: Body = { kind: 'empty' }): Exchange {
  return {
    seq,
    operation: 's3.PutObject',
    request: { method: 'PUT', path: `/b/${seq}`, query: {}, headers: {}, body: request },
    response: { status: 200, headers: {}, body: response },
    timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
  };
}

describe('KnownBodies', () => {
  it('holds the large request bodies kept as bytes, by length, each memory once', () => {
    const object = randomBytes(BLOB_MIN_BYTES + 10);
    const sameLength = randomBytes(object.length);
    const known = new KnownBodies([
      exchange(0, { kind: 'bytes', bytes: object }),
      // The cassette names one blob twice: the decoder gives the same view both times.
      exchange(1, { kind: 'bytes', bytes: object }),
      exchange(2, { kind: 'bytes', bytes: sameLength }),
      // Not what a client sends: a small body, a body stored decompressed, JSON, an answer.
      exchange(3, { kind: 'bytes', bytes: randomBytes(BLOB_MIN_BYTES - 1) }),
      exchange(4, { kind: 'bytes', bytes: randomBytes(BLOB_MIN_BYTES + 20), encoding: 'gzip' }),
      exchange(5, { kind: 'json', value: { a: 'x'.repeat(BLOB_MIN_BYTES) } }),
      exchange(6, { kind: 'empty' }, { kind: 'bytes', bytes: randomBytes(BLOB_MIN_BYTES + 30) }),
    ]);
    const [first, second, ...more] = known.withLength(object.length);
    expect([first === object, second === sameLength, more.length]).toEqual([true, true, 0]);
    for (const length of [BLOB_MIN_BYTES - 1, BLOB_MIN_BYTES + 20, BLOB_MIN_BYTES + 30, 0]) expect(known.withLength(length)).toHaveLength(0);
  });
});
