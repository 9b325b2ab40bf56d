/**
 * Wire bytes <-> `Body`. Bodies are stored decompressed and, when they are JSON, parsed,
 * so that cassettes diff and validate well; `bodyToWire` gives back bytes that replay
 * byte for byte (for compressed bodies: bytes that decompress to exactly the original).
 */
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync, deflateSync, inflateSync } from 'node:zlib';
import type { Body, ContentEncoding } from '../../core/exchange.js';
import { jsonTextTooDeep } from '../../core/json-depth.js';
import { ownValue } from '../../core/own.js';

export type WireHeaders = Record<string, string | string[] | undefined>;

function headerValue(headers: WireHeaders, lowerName: string): string | undefined {
  let value = ownValue(headers, lowerName);
  if (value === undefined) {
    const key = Object.keys(headers).find((name) => name.toLowerCase() === lowerName);
    value = key === undefined ? undefined : headers[key];
  }
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The one encoding we can undo and redo, or null to keep the bytes exactly as they came. */
function encodingOf(headers: WireHeaders): ContentEncoding | null {
  const value = headerValue(headers, 'content-encoding')?.trim().toLowerCase();
  if (value === 'gzip' || value === 'x-gzip') return 'gzip';
  if (value === 'deflate') return 'deflate';
  if (value === 'br') return 'br';
  // identity, none, or a chain like "gzip, br": stored as received.
  return null;
}

/**
 * The most a compressed body may inflate to before tapegate stops decoding it (a compression
 * bomb: 1 MB of gzip can claim a gigabyte). Beyond it the body is kept exactly as received,
 * still compressed: recorded, matched and replayed byte for byte, never expanded.
 */
export const MAX_INFLATED_BYTES = 32 * 1024 * 1024;

function decompress(bytes: Uint8Array, encoding: ContentEncoding): Buffer | null {
  const bounded = { maxOutputLength: MAX_INFLATED_BYTES };
  try {
    if (encoding === 'gzip') return gunzipSync(bytes, bounded);
    // Only zlib-wrapped deflate (RFC 1950, what HTTP means); raw deflate stays as received.
    if (encoding === 'deflate') return inflateSync(bytes, bounded);
    return brotliDecompressSync(bytes, bounded);
  } catch {
    // Not what the header claims, or more than the bound: keep the bytes untouched so replay is still exact.
    return null;
  }
}

function compress(bytes: Uint8Array, encoding: ContentEncoding): Buffer {
  if (encoding === 'gzip') return gzipSync(bytes);
  if (encoding === 'deflate') return deflateSync(bytes);
  return brotliCompressSync(bytes);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** An escaped lone surrogate in JSON.stringify output: msgpack cannot carry it. */
const loneSurrogate = /\\u[dD][89a-fA-F]/;

const isSpace = (byte: number): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
/** What a JSON number is written with: digits, `-`, `+`, `.`, `e`, `E`. */
const isNumberByte = (byte: number): boolean => (byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x2b || byte === 0x2e || byte === 0x65 || byte === 0x45;
const LITERALS = new Map([
  [0x74, 'true'],
  [0x66, 'false'],
  [0x6e, 'null'],
]);

/**
 * False when `bytes` cannot be one JSON text, judged without decoding it: an object or array
 * must close with `}` or `]`, a string with `"`, a number holds nothing but number bytes,
 * and true, false and null are exactly those words. Every JSON text passes; most other text
 * does not, and is then never decoded into a string only for JSON.parse to refuse it (a
 * 50 MB CSV or log file that starts with a digit, a quote or a brace, say).
 */
function mayBeJson(bytes: Uint8Array): boolean {
  let start = 0;
  let end = bytes.length;
  while (start < end && isSpace(bytes[start] as number)) start++;
  while (end > start && isSpace(bytes[end - 1] as number)) end--;
  if (start === end) return false;
  const first = bytes[start] as number;
  const last = bytes[end - 1] as number;
  if (first === 0x7b) return last === 0x7d;
  if (first === 0x5b) return last === 0x5d;
  if (first === 0x22) return last === 0x22 && end - start >= 2;
  const literal = LITERALS.get(first);
  if (literal !== undefined) return end - start === literal.length;
  if (first !== 0x2d && !(first >= 0x30 && first <= 0x39)) return false;
  for (let i = start; i < end; i++) if (!isNumberByte(bytes[i] as number)) return false;
  return true;
}

/**
 * The parsed JSON and, when re-serialising would not give the same text, the text. JSON
 * nested beyond MAX_JSON_DEPTH stays bytes: JSON.stringify below, and every walker after
 * it (keys, redaction, scanning, msgpack, validation), recurses once per level.
 */
function parseJson(bytes: Uint8Array): { value: unknown; raw?: string } | null {
  if (!mayBeJson(bytes)) return null;
  if (jsonTextTooDeep(bytes)) return null;
  let text: string;
  let value: unknown;
  try {
    text = utf8.decode(bytes);
    value = JSON.parse(text);
  } catch {
    return null;
  }
  // msgpackr renames a `__proto__` key on decode; keep such bodies as bytes, exactly.
  if (text.includes('"__proto__"')) return null;
  const canonical = JSON.stringify(value);
  if (canonical.includes('\\u') && loneSurrogate.test(canonical)) return null;
  return canonical === text ? { value } : { value, raw: text };
}

/**
 * The `Body` for bytes as they travelled, given the message's headers (any case; Node's
 * `IncomingHttpHeaders` will do). `Content-Encoding` gzip/x-gzip, deflate or br is undone
 * and noted in `encoding`; JSON (by content type or because it parses) is stored parsed.
 */
export function bodyFromWire(bytes: Uint8Array, headers: WireHeaders): Body {
  if (bytes.length === 0) return { kind: 'empty' };
  const encoding = encodingOf(headers);
  const plain = encoding ? decompress(bytes, encoding) : null;
  if (encoding && plain) {
    const json = plain.length > 0 ? parseJson(plain) : null;
    if (json) return { kind: 'json', ...json, encoding };
    return { kind: 'bytes', bytes: plain, encoding };
  }
  const json = parseJson(bytes);
  if (json) return { kind: 'json', ...json };
  return { kind: 'bytes', bytes: ownBytes(bytes) };
}

/** Below this a body is copied; from it on the body is the caller's buffer itself. */
const COPY_BELOW_BYTES = 64 * 1024;

/**
 * Small bodies are copied: the bytes Node hands out may be a slice of a larger socket
 * buffer, which a view would keep alive for as long as the exchange lives. A large body
 * is a buffer of its own (the proxy reads it into one), or in replay the cassette's copy of
 * the same bytes, and copying it would hold it twice: it is kept as it is, and nothing may
 * write to it afterwards.
 */
function ownBytes(bytes: Uint8Array): Buffer {
  if (bytes.length < COPY_BELOW_BYTES) return Buffer.from(bytes);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The bytes to send for a recorded body: exactly the recorded bytes, or for an `encoding`
 * a fresh compression of them. Compressed output may differ from what AWS sent (other
 * compressor, level, gzip header fields) but decompresses to the same bytes.
 */
export function bodyToWire(body: Body): Buffer {
  if (body.kind === 'empty') return Buffer.alloc(0);
  const plain = body.kind === 'json' ? Buffer.from(body.raw ?? JSON.stringify(body.value), 'utf8') : Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength);
  return body.encoding ? compress(plain, body.encoding) : plain;
}
