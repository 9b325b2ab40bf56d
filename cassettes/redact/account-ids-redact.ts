/**
 * Applies an `AccountIdMap` to a request or a response: path, query names and values,
 * header values, JSON bodies (keys and strings, at any depth) and text inside byte bodies.
 *
 * Placeholders are assigned in a canonical order (path, then query by sorted name, then
 * headers by sorted name, then the body with object members by sorted name, request before
 * response), not in the order the SDK happened to serialise things: two runs of the same
 * scenario get the same numbering even if an SDK reorders JSON members or query parameters,
 * which the matcher ignores too. The output keeps the input's order.
 */
import type { AccountIdMap } from './account-ids.js';
import type { Body, RecordedRequest, RecordedResponse } from '../../core/exchange.js';

/** Rebuilds `record` in its own key order after redacting its entries in sorted-key order. */
function mapRecord<V>(record: Record<string, V>, redactEntry: (key: string, value: V) => [string, V]): Record<string, V> {
  const keys = Object.keys(record);
  const done = new Map<string, [string, V]>();
  let changed = false;
  for (const key of [...keys].sort()) {
    const value = record[key] as V;
    const entry = redactEntry(key, value);
    if (entry[0] !== key || entry[1] !== value) changed = true;
    done.set(key, entry);
  }
  if (!changed) return record;
  // fromEntries defines own properties, so even a `__proto__` member stays a member.
  return Object.fromEntries(keys.map((key) => done.get(key) as [string, V]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `name` is the nearest member name above `value` (array elements inherit it). */
function redactJson(value: unknown, name: string | undefined, map: AccountIdMap): unknown {
  if (typeof value === 'string') return map.redactNamedValue(name, value);
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((element: unknown) => {
      const redacted = redactJson(element, name, map);
      if (redacted !== element) changed = true;
      return redacted;
    });
    return changed ? out : value;
  }
  if (isPlainObject(value)) {
    return mapRecord(value, (key, member) => [map.redactText(key), redactJson(member, key, map)]);
  }
  return value;
}

const isDigit = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x30 && byte <= 0x39;

/**
 * True when `bytes` holds `length` ASCII digits in a row. Such a run covers one of every
 * `length` positions, so only those are looked at, and around them only when they are a digit.
 */
export function hasDigitRun(bytes: Uint8Array, length: number): boolean {
  for (let probe = length - 1; probe < bytes.length; probe += length) {
    if (!isDigit(bytes[probe])) continue;
    let start = probe;
    while (isDigit(bytes[start - 1])) start--;
    let end = probe + 1;
    while (isDigit(bytes[end])) end++;
    if (end - start >= length) return true;
  }
  return false;
}

function redactBody(body: Body, map: AccountIdMap): Body {
  if (body.kind === 'empty') return body;
  if (body.kind === 'bytes') {
    // Every id is 12 digits: a body without 12 in a row (an S3 object) is not read as text at all.
    if (!hasDigitRun(body.bytes, 12)) return body;
    // latin1 maps each byte to one character and back, so bytes outside the ids are untouched.
    const text = Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength).toString('latin1');
    const redacted = map.redactText(text);
    if (redacted === text) return body;
    return { ...body, bytes: new Uint8Array(Buffer.from(redacted, 'latin1')) };
  }
  const value = redactJson(body.value, undefined, map);
  if (value === body.value) return body;
  const { raw, ...rest } = body;
  const out: Body = { ...rest, value };
  if (raw !== undefined) {
    // Keep the original spacing when the same replacements, made in the text, give the same
    // value; otherwise (an id was only recognised by its field name, say) drop the text.
    const redactedRaw = map.redactText(raw);
    if (sameJson(redactedRaw, value)) out.raw = redactedRaw;
  }
  return out;
}

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

function redactHeaders(headers: Record<string, string>, map: AccountIdMap): Record<string, string> {
  return mapRecord(headers, (name, value) => [name, map.redactNamedValue(name, value)]);
}

export function redactRequestAccountIds(request: RecordedRequest, map: AccountIdMap): RecordedRequest {
  const path = map.redactText(request.path);
  const query = mapRecord(request.query, (name, values) => {
    let changed = false;
    const out = values.map((value) => {
      const redacted = map.redactNamedValue(name, value);
      if (redacted !== value) changed = true;
      return redacted;
    });
    return [map.redactText(name), changed ? out : values];
  });
  const headers = redactHeaders(request.headers, map);
  const body = redactBody(request.body, map);
  return { ...request, path, query, headers, body };
}

export function redactResponseAccountIds(response: RecordedResponse, map: AccountIdMap): RecordedResponse {
  const headers = redactHeaders(response.headers, map);
  const body = redactBody(response.body, map);
  return { ...response, headers, body };
}
