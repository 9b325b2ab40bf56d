/**
 * Canonical text forms of the parts of a request, so that requests that mean the same
 * thing produce the same text whatever the SDK's serializer did: JSON member order,
 * query parameter order and percent-encoding choices do not matter; array order,
 * values and bytes do. Everything here runs on the replay hit path: no clones, one pass.
 */
import * as crypto from 'node:crypto';
import type { Body } from '../../core/exchange.js';
import type { PointerNode } from './json-pointer-set.js';
import { canonicalForm, canonicalXml, isFormContentType, looksLikeXml, MAX_CANONICAL_TEXT } from './canonical-text-bodies.js';

/**
 * Stands for an ignored array element. It is not valid JSON, so it cannot collide with
 * any real value; the element still takes its place, so later indices keep their meaning.
 */
export const IGNORED_ELEMENT = '?';

export function canonicalMethod(method: string): string {
  return method.toUpperCase();
}

/** Decodes one path segment; a malformed escape (`%zz`) keeps the segment as sent. */
export function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The path split on `/` (before decoding, so an encoded `%2F` stays inside its segment). */
export function decodePathSegments(path: string): string[] {
  return path.split('/').map(decodeSegment);
}

const PLAIN_PATH = /^[A-Za-z0-9\-_.!~*'()/]*$/;

/**
 * The path with each segment decoded and re-encoded one fixed way, so `%7B`, `%7b` and
 * `{` (AWS SDKs disagree on what to escape) all give the same text. A segment with a
 * malformed escape is kept raw; it cannot collide with a re-encoded one, which would
 * carry `%25` for its `%`.
 */
export function canonicalPath(path: string): string {
  // Most paths hold only characters that neither decoding nor encodeURIComponent changes.
  if (PLAIN_PATH.test(path)) return path;
  const segments = path.split('/');
  let out = '';
  for (let i = 0; i < segments.length; i++) {
    const raw = segments[i] as string;
    const decoded = decodeSegment(raw);
    const canonical = decoded === raw && raw.includes('%') ? raw : encodeURIComponent(decoded);
    out += i === 0 ? canonical : '/' + canonical;
  }
  return out;
}

/**
 * Query parameters sorted by name, each name's values in their order, encoded. A name
 * with no values is the same as an absent name (the wire cannot tell them apart).
 */
export function canonicalQuery(query: Record<string, string[]>): string {
  const names = Object.keys(query).sort();
  let out = '';
  for (const name of names) {
    const values = query[name] ?? [];
    const encodedName = encodeURIComponent(name);
    for (const value of values) {
      out += (out === '' ? '' : '&') + encodedName + '=' + encodeURIComponent(value);
    }
  }
  return out;
}

/**
 * JSON text with object members sorted by name and no whitespace. Members under an
 * ignored pointer are left out (absent and present-but-ignored match); ignored array
 * elements become `IGNORED_ELEMENT`.
 */
export function canonicalJson(value: unknown, ignore?: PointerNode): string {
  if (ignore?.terminal) return IGNORED_ELEMENT;
  if (value === null || typeof value !== 'object') return scalarJson(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += canonicalJson(value[i], ignore?.child(String(i)));
    }
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const names = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const name of names) {
    const member = record[name];
    if (member === undefined) continue;
    const below = ignore?.child(name);
    if (below?.terminal) continue;
    out += (first ? '' : ',') + JSON.stringify(name) + ':' + canonicalJson(member, below);
    first = false;
  }
  return out + '}';
}

function scalarJson(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  // JSON.stringify turns undefined into undefined; an array slot holding it reads as null.
  return JSON.stringify(value) ?? 'null';
}

/** True for a JSON `{}`: for a JSON operation, what an SDK sends for an input without members. */
export function isEmptyObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const _ in value) return false;
  return true;
}

/**
 * One line per body: its kind, then its canonical content. Empty bytes are an empty body,
 * and so is a JSON `{}`: for an input with no members the SDKs send either (the JS SDK v3
 * `{}`, botocore often nothing), and they mean the same request.
 * A JSON body's `raw` text and any body's `encoding` do not count: the same value or the
 * same bytes, however they were spaced or compressed on the wire, is the same body.
 */
export function canonicalBody(body: Body, ignore?: PointerNode, contentType?: string): string {
  switch (body.kind) {
    case 'empty':
      return 'empty';
    case 'json':
      return isEmptyObject(body.value) ? 'empty' : 'json ' + canonicalJson(body.value, ignore);
    case 'bytes':
      if (body.bytes.length === 0) return 'empty';
      return canonicalTextBody(body.bytes, contentType) ?? 'bytes ' + digest(body.bytes);
  }
}

/**
 * A query-protocol form or an XML body (canonical-text-bodies.ts): the same parameters in
 * another order, the same XML laid out otherwise, are the same body. Null for other bytes.
 */
function canonicalTextBody(bytes: Uint8Array, contentType: string | undefined): string | null {
  if (bytes.length > MAX_CANONICAL_TEXT) return null;
  const form = isFormContentType(contentType);
  if (!form && !looksLikeXml(bytes)) return null;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (form) return 'form ' + digest(canonicalForm(text));
  const xml = canonicalXml(text);
  return xml === null ? null : 'xml ' + digest(xml);
}

type OneShotHash = (algorithm: string, data: string | Uint8Array, encoding: 'base64url') => string;
// crypto.hash (Node 20.12+) skips the Hash object; older Node 20 falls back to createHash.
const oneShot = (crypto as { hash?: OneShotHash }).hash;

/** sha1, base64url: a short, cheap digest for keys and byte bodies (not a security use). */
export function digest(data: string | Uint8Array): string {
  if (oneShot !== undefined) return oneShot('sha1', data, 'base64url');
  return crypto.createHash('sha1').update(data).digest('base64url');
}
