/**
 * The scanner reads byte bodies decoded: a key id inside `gzip, gzip`, raw deflate, br or
 * UTF-16 text is found (issue 10 planted exactly these), and a compression bomb costs a
 * bounded amount.
 */
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../core/exchange.js';
import { MAX_DECODED_BYTES, textViews, WINDOW_BYTES } from './body-views.js';
import { scanForSecrets } from './secret-scan.js';
import { createRng, randomAccessKeyId, randomInt, randomSecretAccessKey } from '../../test/support/samples/secret-samples.js';

const rng = createRng(0xb0d1e5);

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

const encodings: [string, (text: string) => Buffer, string | undefined][] = [
  ['gzip, gzip', (t) => gzipSync(gzipSync(Buffer.from(t))), 'gzip, gzip'],
  ['gzip twice, labelled once', (t) => gzipSync(gzipSync(Buffer.from(t))), 'gzip'],
  ['raw deflate', (t) => deflateRawSync(Buffer.from(t)), 'deflate'],
  ['zlib deflate then gzip', (t) => gzipSync(deflateSync(Buffer.from(t))), 'deflate, gzip'],
  ['br', (t) => brotliCompressSync(Buffer.from(t)), 'br'],
  ['br, gzip', (t) => gzipSync(brotliCompressSync(Buffer.from(t))), 'br, gzip'],
  ['UTF-16 LE with a BOM', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]), undefined],
  ['UTF-16 LE without a BOM', (t) => Buffer.from(t, 'utf16le'), undefined],
  ['UTF-16 BE with a BOM', (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(t)]), undefined],
  ['UTF-16 BE without a BOM', (t) => utf16be(t), undefined],
  ['UTF-16 BE, then gzip, unlabelled', (t) => gzipSync(utf16be(t)), undefined],
];

function exchangeWith(bytes: Buffer, encoding: string | undefined): Exchange {
  const headers: Record<string, string> = encoding === undefined ? {} : { 'content-encoding': encoding };
  return {
    seq: 0,
    operation: 'apigateway.GetExport',
    request: { method: 'GET', path: '/restapis/a1/stages/prod/exports/oas30', query: {}, headers: {}, body: { kind: 'empty' } },
    response: { status: 200, headers, body: { kind: 'bytes', bytes: new Uint8Array(bytes) } },
    timing: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 1 },
  };
}

describe('body views', () => {
  it.each(encodings)('finds a key id in a body sent as %s', (_, encode, header) => {
    const id = randomAccessKeyId(rng);
    const bytes = encode(`{"note": "deployed by ${id}", "padding": "${'abc '.repeat(100)}"}`);
    expect(Buffer.from(bytes).toString('latin1')).not.toContain(id);
    expect(textViews(bytes, header).some((text) => text.includes(id))).toBe(true);
    expect(scanForSecrets(exchangeWith(bytes, header)).map((hit) => `${hit.kind} ${hit.pointer}`)).toEqual(['access-key-id /response/body']);
  });

  it('stops a compression bomb at the cap instead of inflating it whole', () => {
    const bomb = gzipSync(Buffer.alloc(MAX_DECODED_BYTES + 1024 * 1024));
    const views = textViews(bomb, 'gzip');
    // The capped inflate fails, so the bomb is seen as its compressed bytes only.
    expect(views.every((text) => text.length <= MAX_DECODED_BYTES * 2)).toBe(true);
  });

  it('leaves bytes it cannot decode as one latin1 view (plus UTF-16 when there are NULs)', () => {
    expect(textViews(Buffer.from('plain text'), 'gzip')).toEqual(['plain text']);
    expect(textViews(Buffer.from([0x61, 0x00]), undefined)).toHaveLength(3);
  });
});

describe('large byte bodies (an S3 object), read in windows', () => {
  const MiB = 1024 * 1024;
  /** Random binary, NUL bytes and all, with `planted` written at `at`. */
  function objectWith(planted: Buffer, at: number, size = 3 * MiB): Buffer {
    const bytes = Buffer.from(Array.from({ length: size / 4 }, () => randomInt(rng, 2 ** 32)).flatMap((n) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24]));
    planted.copy(bytes, at);
    return bytes;
  }

  it.each([
    ['a key id across the first window edge', () => Buffer.from(` ${randomAccessKeyId(rng)} `), WINDOW_BYTES - 9],
    ['a key id just after it', () => Buffer.from(` ${randomAccessKeyId(rng)} `), WINDOW_BYTES + 3],
    ['a named secret key across a window edge', () => Buffer.from(` aws_secret_access_key=${randomSecretAccessKey(rng)} `), 2 * WINDOW_BYTES - 4096 - 30],
    ['a UTF-16 key id deep in the binary', () => Buffer.from(` ${randomAccessKeyId(rng)} `, 'utf16le'), 2 * MiB + 1000],
  ])('still finds %s', (_, planted, at) => {
    const hits = scanForSecrets(exchangeWith(objectWith(planted(), at), undefined));
    expect(hits.map((hit) => hit.pointer)).toEqual(['/response/body']);
  });

  it('finds nothing in plain random binary, and never holds the whole body as text', () => {
    const bytes = objectWith(Buffer.alloc(0), 0);
    expect(scanForSecrets(exchangeWith(bytes, undefined))).toEqual([]);
    const views = textViews(bytes, undefined);
    // Windows of WINDOW_BYTES and a little overlap; no UTF-16 reading of binary that holds no UTF-16 text.
    expect(views.length).toBeGreaterThanOrEqual(bytes.length / WINDOW_BYTES);
    expect(views.every((text) => text.length <= WINDOW_BYTES)).toBe(true);
    expect(views.reduce((sum, text) => sum + text.length, 0)).toBeLessThanOrEqual(bytes.length + views.length * 4096);
  });
});
