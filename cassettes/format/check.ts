/**
 * Shape checks for cassette headers and exchanges, shared by the binary reader (a record
 * whose checksum is right but whose content is not an exchange) and the JSON importer
 * (hand-edited files). Each check reports the first bad field as a JSON Pointer.
 *
 * Checks are strict about field names: the versioning policy bumps the format version
 * for any change to these shapes, so an unknown field is a mistake (or a typo in an
 * imported file), never something an older tapegate may silently drop on rewrite.
 */
import { jsonValueTooDeep, tooDeepText } from '../../core/json-depth.js';
import { CASSETTE_FORMAT } from './format.js';

export interface CheckFailure {
  /** JSON Pointer (RFC 6901) of the first bad field, relative to the checked value. */
  pointer: string;
  message: string;
}

/** How `bytes` bodies look: `Uint8Array` in memory and on disk, base64 text in the JSON form. */
export type BytesForm = 'binary' | 'base64';

/** Thrown inside the checks and caught by `run`, which turns it into a `CheckFailure`: it never leaves this file. */
class Bad extends Error {
  override readonly name = 'CheckFailureError';
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
  }
}

type Obj = Record<string, unknown>;

function escapeToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function object(value: unknown, at: string, allowed?: ReadonlySet<string>): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) {
    throw new Bad(at, 'must be an object');
  }
  if (allowed) {
    for (const key in value) {
      if (!allowed.has(key)) throw new Bad(`${at}/${escapeToken(key)}`, 'is not a known field');
    }
  }
  return value as Obj;
}

function string(value: unknown, at: string, nonEmpty = false): string {
  if (typeof value !== 'string') throw new Bad(at, 'must be a string');
  if (nonEmpty && value.length === 0) throw new Bad(at, 'must not be empty');
  return value;
}

function integer(value: unknown, at: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Bad(at, max === Number.MAX_SAFE_INTEGER ? `must be an integer >= ${min}` : `must be an integer from ${min} to ${max}`);
  }
  return value;
}

const headerKeys = new Set(['format', 'formatVersion', 'toolVersion', 'createdAt', 'services', 'redaction']);
const redactionKeys = new Set(['accountIds']);
const serviceKeys = new Set(['service', 'apiVersion', 'contractSha256']);
const exchangeKeys = new Set(['seq', 'operation', 'service', 'unsigned', 'request', 'response', 'timing']);
const requestKeys = new Set(['method', 'path', 'addressing', 'query', 'headers', 'body']);
const responseKeys = new Set(['status', 'headers', 'body']);
const SERVICE_NAME = /^[a-z0-9-]{1,64}$/;
const timingKeys = new Set(['startedAt', 'durationMs']);
const bodyKeys = {
  empty: new Set(['kind']),
  json: new Set(['kind', 'value', 'raw', 'encoding']),
  bytes: new Set(['kind', 'bytes', 'encoding', 'frames']),
  base64: new Set(['kind', 'base64', 'encoding', 'frames']),
};
const framesKeys = new Set(['lengths', 'atMs', 'problem']);
const encodings = new Set(['gzip', 'deflate', 'br']);
const base64Text = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * What HTTP (RFC 9110) and Node's http module accept, so that a cassette can always be
 * replayed: a replay that writes a header Node refuses throws in the middle of a request.
 * Method and header names are tokens; header values hold no control characters but tab
 * (no CR or LF that would split the header, no NUL) and nothing beyond Latin-1; a path is
 * origin-form without spaces; a status is a final one (1xx are interim answers, never the
 * recorded one; 600 and up are not HTTP).
 */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
// eslint-disable-next-line no-control-regex -- refusing control characters in a path is the point of this pattern
const ORIGIN_PATH = /^\/[^\s\x00-\x1f\x7f]*$/;
const TOKEN_TEXT = "an HTTP token (letters, digits and !#$%&'*+-.^_`|~)";

/** Header names already found valid: a cassette repeats the same dozen names in every exchange. */
const validNames = new Set<string>();
const MAX_VALID_NAMES = 4096;

function validHeaderName(name: string): boolean {
  if (validNames.has(name)) return true;
  if (!TOKEN.test(name)) return false;
  if (validNames.size < MAX_VALID_NAMES) validNames.add(name);
  return true;
}

// Pointers for map entries are built only on failure: these run for every exchange read.
function headers(value: unknown, at: string): void {
  const map = object(value, at);
  for (const name in map) {
    const text = map[name];
    if (typeof text !== 'string') throw new Bad(`${at}/${escapeToken(name)}`, 'must be a string');
    if (!validHeaderName(name)) throw new Bad(`${at}/${escapeToken(name)}`, `is not a valid header name: it must be ${TOKEN_TEXT}`);
    if (!HEADER_VALUE.test(text)) {
      throw new Bad(`${at}/${escapeToken(name)}`, 'must hold no CR, LF, NUL or other control character but tab, and nothing beyond Latin-1');
    }
  }
}

function method(value: unknown, at: string): void {
  if (!TOKEN.test(string(value, at, true))) throw new Bad(at, `must be an HTTP method: ${TOKEN_TEXT}`);
}

function path(value: unknown, at: string): void {
  if (!ORIGIN_PATH.test(string(value, at))) throw new Bad(at, 'must start with "/" and hold no spaces or control characters');
}

/** A virtual-hosted S3 request is kept path-style: its path must start with the bucket the Host named. */
function addressing(value: unknown, requestPath: string): void {
  if (value !== 'virtual-hosted') throw new Bad('/request/addressing', 'must be "virtual-hosted" when present');
  if (requestPath.length < 2 || requestPath[1] === '/') throw new Bad('/request/path', 'must start with the bucket (/bucket/key) when addressing is "virtual-hosted"');
}

function query(value: unknown, at: string): void {
  const map = object(value, at);
  for (const name in map) {
    const values = map[name];
    if (Array.isArray(values) && values.every((item) => typeof item === 'string')) continue;
    const here = `${at}/${escapeToken(name)}`;
    if (!Array.isArray(values)) throw new Bad(here, 'must be an array of strings');
    values.forEach((item, index) => string(item, `${here}/${index}`));
  }
}

function body(value: unknown, at: string, bytesForm: BytesForm): void {
  const kind = object(value, at).kind;
  if (kind === 'empty') {
    object(value, at, bodyKeys.empty);
    return;
  }
  if (kind === 'json') {
    const json = object(value, at, bodyKeys.json);
    if (!('value' in json) || json.value === undefined) throw new Bad(`${at}/value`, 'is required for a json body');
    // Everything that reads a cassette walks its bodies recursively: a deeper value would
    // overflow the stack there (a recorded body that deep is kept as bytes, never parsed).
    if (jsonValueTooDeep(json.value)) throw new Bad(`${at}/value`, `is ${tooDeepText()}; store a body that deep as bytes`);
    if (json.raw !== undefined) string(json.raw, `${at}/raw`);
  } else if (kind === 'bytes') {
    const bytes = object(value, at, bytesForm === 'binary' ? bodyKeys.bytes : bodyKeys.base64);
    let size: number;
    if (bytesForm === 'binary') {
      if (!(bytes.bytes instanceof Uint8Array)) throw new Bad(`${at}/bytes`, 'must be binary data');
      size = bytes.bytes.length;
    } else {
      const text = string(bytes.base64, `${at}/base64`);
      if (text.length % 4 !== 0 || !base64Text.test(text)) throw new Bad(`${at}/base64`, 'must be base64 text');
      size = (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
    }
    if (bytes.frames !== undefined) frames(bytes.frames, `${at}/frames`, size);
  } else {
    throw new Bad(`${at}/kind`, 'must be one of "empty", "json", "bytes"');
  }
  const encoding = (value as Obj).encoding;
  if (encoding !== undefined && !encodings.has(encoding as string)) {
    throw new Bad(`${at}/encoding`, 'must be one of "gzip", "deflate", "br"');
  }
}

/** An event stream's frames: whole messages that fit in the body's `size` bytes, each with its time. */
function frames(value: unknown, at: string, size: number): void {
  const map = object(value, at, framesKeys);
  const { lengths, atMs } = map;
  if (!Array.isArray(lengths)) throw new Bad(`${at}/lengths`, 'must be an array of message lengths');
  if (!Array.isArray(atMs) || atMs.length !== lengths.length) throw new Bad(`${at}/atMs`, 'must be an array with one time per message');
  let total = 0;
  lengths.forEach((length, index) => {
    total += integer(length, `${at}/lengths/${index}`, 16, 0xffff_ffff);
  });
  if (total > size) throw new Bad(`${at}/lengths`, `must add up to at most the body's ${size} bytes, not ${total}`);
  atMs.forEach((ms, index) => {
    if (typeof ms !== 'number' || !(ms >= 0) || !Number.isFinite(ms)) throw new Bad(`${at}/atMs/${index}`, 'must be a number >= 0');
  });
  if (map.problem !== undefined) string(map.problem, `${at}/problem`, true);
}

function exchange(value: unknown, bytesForm: BytesForm): void {
  const ex = object(value, '', exchangeKeys);
  integer(ex.seq, '/seq', 0, Number.MAX_SAFE_INTEGER);
  if (ex.operation !== null) string(ex.operation, '/operation', true);
  if (ex.service !== undefined && !SERVICE_NAME.test(string(ex.service, '/service', true))) {
    throw new Bad('/service', 'must be a SigV4 service name (lower-case letters, digits and -)');
  }
  if (ex.unsigned !== undefined && ex.unsigned !== true) throw new Bad('/unsigned', 'must be true when present');
  const request = object(ex.request, '/request', requestKeys);
  method(request.method, '/request/method');
  path(request.path, '/request/path');
  if (request.addressing !== undefined) addressing(request.addressing, request.path as string);
  query(request.query, '/request/query');
  headers(request.headers, '/request/headers');
  body(request.body, '/request/body', bytesForm);
  const response = object(ex.response, '/response', responseKeys);
  integer(response.status, '/response/status', 200, 599);
  headers(response.headers, '/response/headers');
  body(response.body, '/response/body', bytesForm);
  const timing = object(ex.timing, '/timing', timingKeys);
  string(timing.startedAt, '/timing/startedAt', true);
  if (typeof timing.durationMs !== 'number' || !(timing.durationMs >= 0) || !Number.isFinite(timing.durationMs)) {
    throw new Bad('/timing/durationMs', 'must be a number >= 0');
  }
}

function header(value: unknown): void {
  const head = object(value, '', headerKeys);
  if (head.format !== CASSETTE_FORMAT) throw new Bad('/format', `must be "${CASSETTE_FORMAT}"`);
  integer(head.formatVersion, '/formatVersion', 1, Number.MAX_SAFE_INTEGER);
  string(head.toolVersion, '/toolVersion', true);
  string(head.createdAt, '/createdAt', true);
  if (!Array.isArray(head.services)) throw new Bad('/services', 'must be an array');
  head.services.forEach((use, index) => {
    const at = `/services/${index}`;
    const service = object(use, at, serviceKeys);
    string(service.service, `${at}/service`, true);
    string(service.apiVersion, `${at}/apiVersion`, true);
    if (service.contractSha256 !== undefined && !/^[0-9a-f]{64}$/.test(string(service.contractSha256, `${at}/contractSha256`))) {
      throw new Bad(`${at}/contractSha256`, 'must be 64 lower-case hex digits');
    }
  });
  if (head.redaction !== undefined) {
    const redaction = object(head.redaction, '/redaction', redactionKeys);
    if (typeof redaction.accountIds !== 'boolean') throw new Bad('/redaction/accountIds', 'must be a boolean');
  }
}

function run(check: () => void): CheckFailure | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof Bad) return { pointer: error.pointer, message: error.message };
    throw error;
  }
}

export function checkHeader(value: unknown): CheckFailure | null {
  return run(() => header(value));
}

export function checkExchange(value: unknown, bytesForm: BytesForm): CheckFailure | null {
  return run(() => exchange(value, bytesForm));
}

/** `/response/status must be an integer from 200 to 599`, with `prefix` put before the pointer. */
export function describeFailure(failure: CheckFailure, prefix = ''): string {
  const pointer = prefix + failure.pointer;
  return `${pointer === '' ? 'the value' : pointer} ${failure.message}`;
}
