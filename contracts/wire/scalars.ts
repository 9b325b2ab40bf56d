/**
 * Scalars between their wire text and the neutral value. The neutral forms are the ones a
 * JSON Schema checks: strings, numbers, booleans; timestamps as ISO 8601 strings (normalized,
 * so a cassette and a contract compare values, not spellings), blobs as their base64 text.
 * Reading accepts every timestamp spelling AWS uses (ISO 8601, RFC 822, epoch seconds), as
 * botocore does; writing uses the format the model asks for.
 */
import { TapegateError } from '../../core/errors.js';
import type { Shape, TimestampFormat } from './model.js';

export type ScalarRead = { ok: true; value: unknown } | { ok: false; reason: string };

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Non-finite floats travel as these words in every AWS protocol; JSON has no number for them. */
const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i;
const EPOCH = /^\d+(\.\d+)?$/;

/** The neutral timestamp: ISO 8601 in UTC, whole seconds without `.000`, as the SDKs write it. */
export function isoTimestamp(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

function readTimestamp(text: string): ScalarRead {
  const trimmed = text.trim();
  let ms = Number.NaN;
  if (ISO_8601.test(trimmed)) ms = Date.parse(trimmed);
  else if (EPOCH.test(trimmed)) ms = Math.round(Number(trimmed) * 1000);
  // RFC 822 / RFC 7231 dates (`Tue, 29 Apr 2014 18:30:38 GMT`), what S3 puts in headers.
  else if (/^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC|[+-]\d{4})$/.test(trimmed)) ms = Date.parse(trimmed);
  if (Number.isNaN(ms)) return { ok: false, reason: 'expected a timestamp (ISO 8601, RFC 822 or epoch seconds)' };
  return { ok: true, value: isoTimestamp(new Date(ms)) };
}

/** Reads the text of a scalar of `shape`'s type. */
export function readScalar(shape: Shape, text: string): ScalarRead {
  switch (shape.type) {
    case 'string':
      return { ok: true, value: text };
    case 'integer':
    case 'long': {
      const trimmed = text.trim();
      return INTEGER.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false, reason: `expected an integer (${shape.type})` };
    }
    case 'float':
    case 'double': {
      const trimmed = text.trim();
      if (NON_FINITE.has(trimmed)) return { ok: true, value: trimmed };
      return DECIMAL.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false, reason: `expected a number (${shape.type})` };
    }
    case 'boolean': {
      const trimmed = text.trim();
      if (trimmed === 'true') return { ok: true, value: true };
      if (trimmed === 'false') return { ok: true, value: false };
      return { ok: false, reason: 'expected "true" or "false"' };
    }
    case 'timestamp':
      return readTimestamp(text);
    case 'blob': {
      const trimmed = text.trim();
      return BASE64.test(trimmed) ? { ok: true, value: trimmed } : { ok: false, reason: 'expected base64' };
    }
    default:
      return { ok: false, reason: `a ${shape.type} is not a scalar` };
  }
}

function badValue(pointer: string, expected: string, value: unknown): never {
  const got = typeof value === 'string' ? JSON.stringify(value) : typeof value;
  throw new TapegateError(`Failed to encode "${pointer || '/'}": expected ${expected}, got ${got}`, 2);
}

function toDate(value: unknown, pointer: string): Date {
  let ms = Number.NaN;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value * 1000;
  else if (typeof value === 'string') {
    const read = readTimestamp(value);
    if (read.ok) ms = Date.parse(read.value as string);
  }
  if (Number.isNaN(ms)) badValue(pointer, 'a timestamp', value);
  return new Date(ms);
}

/** The wire text of a neutral scalar; a value of the wrong type is the caller's bug (a TapegateError). */
export function writeScalar(shape: Shape, value: unknown, pointer: string, format: TimestampFormat = 'iso8601'): string {
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string') badValue(pointer, 'a string', value);
      return value;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) badValue(pointer, 'an integer', value);
      return String(value);
    case 'float':
    case 'double':
      if (typeof value === 'string' && NON_FINITE.has(value)) return value;
      if (typeof value !== 'number') badValue(pointer, 'a number', value);
      // String() spells the non-finite ones as AWS does: NaN, Infinity, -Infinity.
      return String(value);
    case 'boolean':
      if (typeof value !== 'boolean') badValue(pointer, 'a boolean', value);
      return value ? 'true' : 'false';
    case 'timestamp': {
      const date = toDate(value, pointer);
      if (format === 'rfc822') return date.toUTCString();
      if (format === 'unixTimestamp') return String(date.getTime() / 1000);
      return isoTimestamp(date);
    }
    case 'blob':
      if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
      if (typeof value !== 'string' || !BASE64.test(value)) badValue(pointer, 'base64 text', value);
      return value;
    default:
      return badValue(pointer, `a ${shape.type}`, value);
  }
}
