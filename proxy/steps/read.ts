/**
 * Step 1, read. Node's IncomingMessage → RecordedRequest, the shape the router, the matcher and the
 * validator read. The body is read up to a size limit and never beyond it: a declared
 * `content-length` over the limit is refused before a byte is read, a chunked body is
 * refused as soon as it passes the limit, and the rest is discarded, not buffered. Within
 * the limit it is held once (body-collector.ts).
 */
import type { IncomingMessage } from 'node:http';
import { bodyFromWire } from '../../cassettes/format/body.js';
import type { RecordedRequest } from '../../core/exchange.js';
import { BodyCollector } from '../body-collector.js';
import type { KnownBodies } from '../known-bodies.js';
import { originForm } from '../request-target.js';

export type IncomingResult =
  /** `bytes`: the body exactly as received (empty when there was none), for forwarding. */
  | { ok: true; request: RecordedRequest; bytes: Uint8Array }
  /** `bytes`: the declared length, or how many had arrived when the limit was passed. */
  | { ok: false; reason: 'too-large'; bytes: number; declared: boolean }
  /** The client went away (or the stream failed) before the body was complete. */
  | { ok: false; reason: 'aborted'; detail: string }
  /** The request target is neither a path nor an absolute URL. */
  | { ok: false; reason: 'bad-target' }
  /** Turning what came into a request failed (a bug, or input no bound foresaw): that request alone is refused. */
  | { ok: false; reason: 'unreadable'; detail: string };

/** Decodes one query component; a malformed escape (`%zz`) is kept as sent. */
function decodeComponent(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Splits a request target into the path (as sent, percent-encoding kept) and decoded query
 * parameters, repeated names keeping every value in order. `+` stays a plus sign (RFC 3986;
 * AWS SDKs encode a space as `%20`), and `a` without `=` is the name `a` with value "".
 */
export function splitTarget(target: string): { path: string; query: Record<string, string[]> } {
  const mark = target.indexOf('?');
  const query: Record<string, string[]> = {};
  if (mark === -1) return { path: target, query };
  const search = target.slice(mark + 1);
  for (const part of search.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decodeComponent(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : decodeComponent(part.slice(eq + 1));
    // Own properties only: a parameter named `constructor` or `__proto__` must not reach the prototype.
    const values = Object.hasOwn(query, name) ? query[name] : undefined;
    if (values !== undefined) values.push(value);
    else if (name === '__proto__') Object.defineProperty(query, name, { value: [value], enumerable: true, writable: true, configurable: true });
    else query[name] = [value];
  }
  return { path: target.slice(0, mark), query };
}

/** Header values as single strings (Node gives `set-cookie` as an array). */
function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers = req.headers as Record<string, string | string[] | undefined>;
  for (const name in headers) {
    if (typeof headers[name] !== 'string') return copyFlat(headers);
  }
  return headers as Record<string, string>;
}

function copyFlat(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function toRequest(req: IncomingMessage, bytes: Uint8Array | null): RecordedRequest {
  const { path, query } = splitTarget(req.url ?? '/');
  const headers = flatHeaders(req);
  const body: RecordedRequest['body'] = bytes === null ? { kind: 'empty' } : bodyFromWire(bytes, headers);
  return { method: req.method ?? 'GET', path, query, headers, body };
}

const EMPTY = new Uint8Array(0);

/** Runs inside stream callbacks, where a throw would take the process down: a failure is a result. */
function readOf(req: IncomingMessage, bytes: Uint8Array, body: Uint8Array | null): IncomingResult {
  try {
    return { ok: true, request: toRequest(req, body), bytes };
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Reads `req` and calls `done` exactly once. A request without a body (no content-length,
 * or 0, and no transfer-encoding) is answered synchronously, without waiting for `end`.
 * `known`: the recorded request bodies (replay, auto); a body equal to one of them is not
 * read into memory a second time (body-collector.ts).
 */
export function readIncoming(req: IncomingMessage, maxBodyBytes: number, done: (result: IncomingResult) => void, known: KnownBodies | null = null): void {
  const declaredText = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  const declared = declaredText === undefined ? undefined : Number(declaredText);
  if (!chunked && (declared === undefined || declared === 0)) {
    done(readOf(req, EMPTY, null));
    return;
  }
  if (declared !== undefined && declared > maxBodyBytes) {
    done({ ok: false, reason: 'too-large', bytes: declared, declared: true });
    return;
  }
  const length = declared !== undefined && !chunked ? declared : null;
  const body = new BodyCollector(length, maxBodyBytes, length === null || known === null ? [] : known.withLength(length));
  let finished = false;
  const finish = (result: IncomingResult): void => {
    if (finished) return;
    finished = true;
    req.off('data', onData);
    done(result);
  };
  const onData = (chunk: Buffer): void => {
    if (body.add(chunk) === 'too-large') {
      finish({ ok: false, reason: 'too-large', bytes: body.size + chunk.length, declared: false });
      // Keep the stream flowing with no listener: the rest is read and dropped, so the
      // connection stays usable for the next request.
      req.resume();
    }
  };
  req.on('data', onData);
  req.on('end', () => {
    const bytes = body.bytes();
    finish(readOf(req, bytes, bytes));
  });
  // A client that goes away mid-body surfaces here (Node reports it as an `aborted` error).
  req.on('error', (error) => finish({ ok: false, reason: 'aborted', detail: error.message }));
}

/**
 * Reads a request whose target may be in absolute form (`GET http://host/path`, as an
 * HTTP proxy client sends it): the authority is dropped (tapegate alone decides where a
 * request goes) and `req.url` becomes the origin form. `ignored` gets that authority's
 * host, without any `user:password@`, for the log.
 */
export function readRequest(
  req: IncomingMessage,
  maxBodyBytes: number,
  ignored: (host: string) => void,
  done: (result: IncomingResult) => void,
  known: KnownBodies | null = null,
): void {
  const url = req.url ?? '/';
  if (url.charCodeAt(0) !== 47 /* '/' */) {
    const target = originForm(url);
    if (target === null) {
      req.resume();
      done({ ok: false, reason: 'bad-target' });
      return;
    }
    if (target.ignoredAuthority !== null) ignored(target.ignoredAuthority.replace(/^.*@/, ''));
    req.url = target.target;
  }
  readIncoming(req, maxBodyBytes, done, known);
}
