import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BodyCollector, RESERVE_AFTER_BYTES } from './body-collector.js';

const KiB = 1024;

/** `bytes` in chunks of `size` (the last one shorter), as a socket hands them out. */
function chunksOf(bytes: Buffer, size = 64 * KiB): Buffer[] {
  const chunks: Buffer[] = [];
  // Copies: a chunk is its own buffer, never a view of what it is compared with.
  for (let at = 0; at < bytes.length; at += size) chunks.push(Buffer.from(bytes.subarray(at, at + size)));
  return chunks;
}

function collect(collector: BodyCollector, chunks: Buffer[]): Buffer {
  for (const chunk of chunks) expect(collector.add(chunk)).toBe('ok');
  return collector.bytes();
}

/** True when `a` and `b` are the same memory, not merely the same bytes. */
const sameMemory = (a: Uint8Array, b: Uint8Array): boolean => a.buffer === b.buffer && a.byteOffset === b.byteOffset && a.byteLength === b.byteLength;

describe('BodyCollector', () => {
  it('reads a declared length into one buffer of that size', () => {
    const body = randomBytes(300 * KiB + 7);
    const chunks = chunksOf(body);
    const got = collect(new BodyCollector(body.length, 1024 * KiB), chunks);
    expect(got.equals(body)).toBe(true);
    expect(chunks.some((chunk) => chunk.buffer === got.buffer)).toBe(false);
  });

  it('gives the recorded body itself for bytes equal to it: the cassette holds them already', () => {
    const recorded = randomBytes(200 * KiB);
    const other = randomBytes(200 * KiB);
    const shorter = Buffer.from(recorded.subarray(0, 100 * KiB));
    const got = collect(new BodyCollector(recorded.length, 1024 * KiB, [shorter, other, recorded]), chunksOf(recorded));
    expect(sameMemory(got, recorded)).toBe(true);
  });

  it.each([
    ['in the first byte', 0],
    ['in the middle of a chunk', 100 * KiB + 5],
    ['at a chunk edge', 128 * KiB],
    ['in the last byte', 200 * KiB - 1],
  ])('reads bytes that differ from the recorded body %s into their own buffer, exactly', (_, at) => {
    const recorded = randomBytes(200 * KiB);
    const before = Buffer.from(recorded);
    const body = Buffer.from(recorded);
    body[at] = (body[at]! + 1) % 256;
    const got = collect(new BodyCollector(body.length, 1024 * KiB, [recorded]), chunksOf(body));
    expect(got.equals(body)).toBe(true);
    expect(got.buffer).not.toBe(recorded.buffer);
    expect(recorded.equals(before)).toBe(true);
  });

  it('follows whichever recorded body of the length still equals the bytes', () => {
    const first = randomBytes(200 * KiB);
    const second = Buffer.from(first);
    second[150 * KiB] = (second[150 * KiB]! + 1) % 256;
    const got = collect(new BodyCollector(second.length, 1024 * KiB, [first, second]), chunksOf(second));
    expect(sameMemory(got, second)).toBe(true);
  });

  it('gives a copy of what arrived when a body equal so far is cut short', () => {
    const recorded = randomBytes(200 * KiB);
    const collector = new BodyCollector(recorded.length, 1024 * KiB, [recorded]);
    collect(collector, chunksOf(recorded.subarray(0, 100 * KiB)));
    const got = collector.bytes();
    expect(got.equals(recorded.subarray(0, 100 * KiB))).toBe(true);
    expect(got.buffer).not.toBe(recorded.buffer);
  });

  it('joins a small chunked body once, and copies a large one into one buffer as it arrives', () => {
    const small = randomBytes(10 * KiB);
    expect(collect(new BodyCollector(null, 1024 * KiB), chunksOf(small, 3 * KiB)).equals(small)).toBe(true);

    const large = randomBytes(RESERVE_AFTER_BYTES + 300 * KiB);
    const collector = new BodyCollector(null, 4 * RESERVE_AFTER_BYTES);
    const got = collect(collector, chunksOf(large));
    expect(got.equals(large)).toBe(true);
    // Not joined from its chunks when asked: the same memory every time.
    expect(sameMemory(collector.bytes(), got)).toBe(true);
  });

  it('refuses a chunk past the limit, or past the declared length', () => {
    const chunked = new BodyCollector(null, 10);
    expect(chunked.add(Buffer.from('123456'))).toBe('ok');
    expect(chunked.add(Buffer.from('78901'))).toBe('too-large');
    expect(chunked.size).toBe(6);
    const declared = new BodyCollector(4, 10);
    expect(declared.add(Buffer.from('12345'))).toBe('too-large');
  });
});
