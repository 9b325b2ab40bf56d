import { brotliCompressSync, deflateRawSync, deflateSync, gunzipSync, gzipSync, inflateSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../core/json-depth.js';
import { bodyFromWire, bodyToWire } from './body.js';

const json = { 'content-type': 'application/json' };
const bytesOf = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('bodyFromWire / bodyToWire', () => {
  it('stores an empty body as empty and sends nothing back', () => {
    const body = bodyFromWire(new Uint8Array(0), json);
    expect(body).toEqual({ kind: 'empty' });
    expect(bodyToWire(body).length).toBe(0);
  });

  it('stores canonical JSON parsed, without raw', () => {
    const wire = bytesOf('{"statusCode":"200","responseTemplates":{"application/json":"{}"}}');
    const body = bodyFromWire(wire, json);
    expect(body).toEqual({ kind: 'json', value: { statusCode: '200', responseTemplates: { 'application/json': '{}' } } });
    expect(bodyToWire(body).equals(wire)).toBe(true);
  });

  it('keeps raw when re-serialising would change the bytes (whitespace, numbers, big integers)', () => {
    for (const text of ['{ "a": 1 }\n', '{"n":1.0}', '{"big":12345678901234567890}', '[1e3]', '"\\u00e9"']) {
      const body = bodyFromWire(bytesOf(text), json);
      expect(body).toMatchObject({ kind: 'json', raw: text });
      expect(bodyToWire(body).toString('utf8')).toBe(text);
    }
  });

  it('parses JSON with whitespace around it whatever it starts with, and keeps text that only starts like JSON as bytes', () => {
    for (const text of [' {"a":1}\n', '[1] ', '"x"\r\n', '-12', '\ttrue', 'false\n', 'null']) expect(bodyFromWire(bytesOf(text), json).kind, text).toBe('json');
    // A CSV of numbers starts like a JSON number, a quoted CSV like a string, JSON lines like an object.
    for (const text of ['1,2,3\n4,5,6\n', '"quoted",plain\n', '{"a":1}\n{"b":2}x', '[1,2', 'nullish']) {
      const body = bodyFromWire(bytesOf(text), json);
      expect(body.kind, text).toBe('bytes');
      expect(bodyToWire(body).toString('utf8')).toBe(text);
    }
  });

  it('parses JSON under any content type, and keeps non-JSON as bytes', () => {
    expect(bodyFromWire(bytesOf('[1,2]'), { 'Content-Type': 'text/plain' })).toEqual({ kind: 'json', value: [1, 2] });
    const html = bytesOf('<html>nope</html>');
    const body = bodyFromWire(html, { 'content-type': 'text/html' });
    expect(body.kind).toBe('bytes');
    expect(bodyToWire(body).equals(html)).toBe(true);
  });

  it('keeps bytes that only look like JSON: invalid UTF-8, a BOM, bad JSON, a __proto__ key, a lone surrogate', () => {
    const cases = [
      Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytesOf('{}')]),
      bytesOf('{"a":'),
      bytesOf('{"__proto__":{"x":1}}'),
      bytesOf('["\\ud800"]'),
    ];
    for (const wire of cases) {
      const body = bodyFromWire(wire, json);
      expect(body.kind).toBe('bytes');
      expect(bodyToWire(body).equals(wire)).toBe(true);
    }
  });

  it.each([
    ['gzip', gzipSync, gunzipSync],
    ['x-gzip', gzipSync, gunzipSync],
    ['deflate', deflateSync, inflateSync],
    ['br', brotliCompressSync, brotliDecompressSync],
  ] as const)('undoes content-encoding %s and redoes it to the same plain bytes', (name, squeeze, unsqueeze) => {
    const plain = bytesOf('{"items":[{"id":"abc","name":"x"}]}');
    const body = bodyFromWire(squeeze(plain), { 'content-encoding': name, 'content-type': 'application/json' });
    expect(body).toEqual({ kind: 'json', value: { items: [{ id: 'abc', name: 'x' }] }, encoding: name === 'x-gzip' ? 'gzip' : name });
    expect(unsqueeze(bodyToWire(body)).equals(plain)).toBe(true);

    const binary = Buffer.from([0, 1, 2, 250, 251, 252]);
    const bytes = bodyFromWire(squeeze(binary), { 'content-encoding': [name] });
    expect(bytes.kind).toBe('bytes');
    expect(unsqueeze(bodyToWire(bytes)).equals(binary)).toBe(true);
  });

  it('keeps a compressed empty body compressed, so the replay still carries a valid gzip stream', () => {
    const body = bodyFromWire(gzipSync(Buffer.alloc(0)), { 'content-encoding': 'gzip' });
    expect(body).toMatchObject({ kind: 'bytes', encoding: 'gzip' });
    expect(gunzipSync(bodyToWire(body)).length).toBe(0);
  });

  it('keeps bytes as received when the encoding cannot be undone exactly (raw deflate, a chain, a lie)', () => {
    const plain = bytesOf('{"a":1}');
    const cases: [Buffer, string][] = [
      [deflateRawSync(plain), 'deflate'],
      [brotliCompressSync(gzipSync(plain)), 'gzip, br'],
      [plain, 'gzip'],
    ];
    for (const [wire, encoding] of cases) {
      const body = bodyFromWire(wire, { 'content-encoding': encoding });
      expect(body).not.toHaveProperty('encoding');
      expect(bodyToWire(body).equals(wire)).toBe(true);
    }
  });

  it('keeps JSON nested beyond MAX_JSON_DEPTH as bytes (plain or compressed), exactly', () => {
    const deep = bytesOf('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1));
    const plain = bodyFromWire(deep, json);
    expect(plain.kind).toBe('bytes');
    expect(bodyToWire(plain).equals(deep)).toBe(true);
    const gzipped = bodyFromWire(gzipSync(deep), { ...json, 'content-encoding': 'gzip' });
    expect(gzipped).toMatchObject({ kind: 'bytes', encoding: 'gzip' });
    expect(gunzipSync(bodyToWire(gzipped)).equals(deep)).toBe(true);
    expect(bodyFromWire(bytesOf('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)), json).kind).toBe('json');
  });
});
