/**
 * The identity of a request for replay: operation (else the SigV4 service and X-Amz-Target),
 * method, canonical path, canonical query, allow-listed headers and canonical body, hashed. The recorder uses `keyOf` too
 * (auto mode asks "is this already recorded?", drift pairs exchanges by key).
 */
import type { RecordedRequest } from '../../core/exchange.js';
import { amzTargetOf, signingServiceOf } from '../../core/aws-service.js';
import { ownValue } from '../../core/own.js';
import { canonicalBody, canonicalMethod, canonicalPath, canonicalQuery, digest } from './canonical.js';
import { compilePointerSet, type PointerNode } from './json-pointer-set.js';
import { isVolatileHeader } from './volatile.js';

export interface MatchKeyOptions {
  /** Header names (any case) that take part in the key. Volatile headers are dropped. */
  matchHeaders?: readonly string[];
  /**
   * Body members to leave out of the key, by operation id (`apigatewayv2.CreateApi`):
   * RFC 6901 pointers into the JSON body, `*` as a segment for any index or key.
   */
  ignoreBody?: Readonly<Record<string, readonly string[]>>;
}

/** Options checked and compiled once: header names normalized, pointers as tries. */
export class KeyOptions {
  /** Lower-case, sorted, without duplicates or volatile names. */
  readonly matchHeaders: readonly string[];
  /** Allow-listed names that were dropped because they are volatile (worth a warning). */
  readonly droppedHeaders: readonly string[];
  private readonly ignoreByOperation = new Map<string, PointerNode>();

  constructor(options: MatchKeyOptions = {}) {
    const names = new Set((options.matchHeaders ?? []).map((name) => name.toLowerCase()));
    this.matchHeaders = [...names].filter((name) => !isVolatileHeader(name)).sort();
    this.droppedHeaders = [...names].filter(isVolatileHeader).sort();
    for (const [operation, pointers] of Object.entries(options.ignoreBody ?? {})) {
      const root = compilePointerSet(pointers, `ignoreBody["${operation}"]`);
      if (root !== undefined) this.ignoreByOperation.set(operation, root);
    }
  }

  /** The ignored body members for an operation, if any. */
  ignoreFor(operation: string | null): PointerNode | undefined {
    return operation === null ? undefined : this.ignoreByOperation.get(operation);
  }
}

const compiledCache = new WeakMap<MatchKeyOptions, KeyOptions>();
const noOptions = new KeyOptions();

/** Compiles options once per options object (the recorder may call `keyOf` per request). */
export function compileKeyOptions(options?: MatchKeyOptions | KeyOptions): KeyOptions {
  if (options === undefined) return noOptions;
  if (options instanceof KeyOptions) return options;
  let compiled = compiledCache.get(options);
  if (compiled === undefined) {
    compiled = new KeyOptions(options);
    compiledCache.set(options, compiled);
  }
  return compiled;
}

/** A header's value by lower-case name; stored names are lower-case, others are tolerated. */
export function headerValue(headers: Record<string, string>, lowerName: string): string | undefined {
  const direct = ownValue(headers, lowerName);
  if (direct !== undefined) return direct.trim();
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase() === lowerName) return headers[name]?.trim();
  }
  return undefined;
}

/**
 * The service a request is for, as the key sees it: `service` when the caller knows it (a
 * recorded exchange's `service`, null when it has none), else the SigV4 credential scope of
 * the request's own `Authorization` (a live request).
 */
export function keyService(request: RecordedRequest, service?: string | null): string | null {
  return service !== undefined ? service : signingServiceOf(request.headers);
}

/**
 * The readable canonical form that `keyOf` hashes: one line per part. Every line but the
 * last is free of newlines (JSON or percent-encoded), so the form is unambiguous.
 *
 * A request no operation names (the contracts do not cover its service) has one more line,
 * the SigV4 service and the `X-Amz-Target`: without them, every JSON-protocol call (`POST /`)
 * with the same body is the same request, whatever service and action it is for (a DynamoDB
 * DeleteTable served a cognito CreateUserPool). The line count follows from the first line.
 */
export function canonicalRequest(operation: string | null, request: RecordedRequest, options?: MatchKeyOptions | KeyOptions, service?: string | null): string {
  const compiled = compileKeyOptions(options);
  let headers = '';
  if (compiled.matchHeaders.length > 0) {
    headers = JSON.stringify(compiled.matchHeaders.map((name) => [name, headerValue(request.headers, name) ?? null]));
  }
  const identity = operation === null ? JSON.stringify([keyService(request, service), amzTargetOf(request.headers)]) + '\n' : '';
  return (
    JSON.stringify(operation) +
    '\n' +
    identity +
    canonicalMethod(request.method) +
    '\n' +
    canonicalPath(request.path) +
    '\n' +
    canonicalQuery(request.query) +
    '\n' +
    headers +
    '\n' +
    canonicalBody(request.body, compiled.ignoreFor(operation), headerValue(request.headers, 'content-type'))
  );
}

/** The replay key: a digest of `canonicalRequest`. Equal keys mean interchangeable requests. */
export function keyOf(operation: string | null, request: RecordedRequest, options?: MatchKeyOptions | KeyOptions, service?: string | null): string {
  return digest(canonicalRequest(operation, request, options, service));
}

/**
 * Longest canonical form used as an index key as is. A GET's is about 130 characters; longer
 * ones (bodies) are hashed, so a key never holds more than this whatever the bodies.
 */
const MAX_LITERAL_KEY = 192;

/**
 * The key of an in-memory index (the matcher's queues): the canonical form itself when it is
 * short, so a replay hit hashes nothing (sha1 cost about 3.5 µs of CPU per response on a
 * 100,000-exchange cassette, some 5 % of the proxy's; the price is memory, about 27 MiB more
 * for 100,000 GET keys), and its digest when long. The two cannot collide: a canonical
 * form has newlines, a digest never does. Equal for the same requests as `keyOf`, but not
 * the same text: never persist it or compare it across processes.
 */
export function indexKey(operation: string | null, request: RecordedRequest, options?: MatchKeyOptions | KeyOptions, service?: string | null): string {
  const text = canonicalRequest(operation, request, options, service);
  return text.length <= MAX_LITERAL_KEY ? text : digest(text);
}
