/**
 * One small comparer per part of a request, in the order an explanation lists them.
 * Each reports its differences the way the key sees the part (decoded path, sorted
 * query, allow-listed headers, canonical body), so an explanation never blames a
 * difference the key ignores. Used on misses only; the hit path hashes instead.
 */
import type { Body, RecordedRequest } from '../../core/exchange.js';
import { canonicalMethod, canonicalPath, isEmptyObject } from './canonical.js';
import { diffJson, type DifferenceCollector } from './explain-diff.js';
import { appendPointer } from '../../core/json-pointer.js';
import { ownValue } from '../../core/own.js';
import { headerValue, keyService, type KeyOptions } from './key.js';
import { amzTargetOf } from '../../core/aws-service.js';

export interface RequestView {
  operation: string | null;
  /** A recorded exchange's SigV4 service; for a live request, when its Authorization is gone. */
  service?: string | null;
  request: RecordedRequest;
}

export interface FieldComparer {
  /** The pointer prefix this comparer reports under. */
  readonly field: string;
  explain(recorded: RequestView, received: RequestView, options: KeyOptions, out: DifferenceCollector): void;
}

const operationField: FieldComparer = {
  field: '/operation',
  explain(recorded, received, _options, out) {
    if (recorded.operation !== received.operation) out.add('/operation', recorded.operation, received.operation);
  },
};

/** For requests no operation names: the SigV4 service and X-Amz-Target, which then take part in the key. */
const identityField: FieldComparer = {
  field: '/service',
  explain(recorded, received, _options, out) {
    if (recorded.operation !== null || received.operation !== null) return;
    const a = keyService(recorded.request, recorded.service ?? null);
    const b = keyService(received.request, received.service);
    if (a !== b) out.add('/service', a, b);
    const targetA = amzTargetOf(recorded.request.headers);
    const targetB = amzTargetOf(received.request.headers);
    if (targetA !== targetB) out.add('/headers/x-amz-target', targetA, targetB);
  },
};

const methodField: FieldComparer = {
  field: '/method',
  explain(recorded, received, _options, out) {
    const a = canonicalMethod(recorded.request.method);
    const b = canonicalMethod(received.request.method);
    if (a !== b) out.add('/method', a, b);
  },
};

const pathField: FieldComparer = {
  field: '/path',
  explain(recorded, received, _options, out) {
    if (canonicalPath(recorded.request.path) !== canonicalPath(received.request.path)) {
      out.add('/path', recorded.request.path, received.request.path);
    }
  },
};

/** One value reads as a string, several as an array, none as absent. */
function queryValue(values: string[] | undefined): string | string[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return values.length === 1 ? values[0] : values;
}

const queryField: FieldComparer = {
  field: '/query',
  explain(recorded, received, _options, out) {
    const a = recorded.request.query;
    const b = received.request.query;
    const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const name of names) {
      // Own values only: `constructor` is a query name like any other, not Object's property.
      const left = ownValue(a, name) ?? [];
      const right = ownValue(b, name) ?? [];
      const same = left.length === right.length && left.every((value, i) => value === right[i]);
      if (!same) out.add(appendPointer('/query', name), queryValue(left), queryValue(right));
    }
  },
};

const headersField: FieldComparer = {
  field: '/headers',
  explain(recorded, received, options, out) {
    for (const name of options.matchHeaders) {
      const a = headerValue(recorded.request.headers, name);
      const b = headerValue(received.request.headers, name);
      if (a !== b) out.add(appendPointer('/headers', name), a, b);
    }
  },
};

/** Empty bytes and a JSON `{}` count as an empty body, as in the key. */
function bodyKind(body: Body): Body['kind'] {
  if (body.kind === 'json') return isEmptyObject(body.value) ? 'empty' : 'json';
  return body.kind === 'bytes' && body.bytes.length === 0 ? 'empty' : body.kind;
}

const PREVIEW_BYTES = 120;

/** What an explanation shows of a body that is not JSON: text when it reads as text. */
function bodyPreview(body: Body): unknown {
  if (body.kind === 'empty') return undefined;
  if (body.kind === 'json') return body.value;
  if (body.bytes.length === 0) return undefined;
  const text = Buffer.from(body.bytes.buffer, body.bytes.byteOffset, Math.min(body.bytes.length, PREVIEW_BYTES)).toString('utf8');
  // U+FFFD at the very end may be a character cut by the preview limit; elsewhere it means binary.
  // eslint-disable-next-line no-control-regex -- finding control characters (binary data) is the point of this pattern
  const printable = !/[\u0000-\u0008\u000e-\u001f]|\ufffd(?!$)/.test(text);
  return printable ? text : `<${body.bytes.length} bytes>`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

const bodyField: FieldComparer = {
  field: '/body',
  explain(recorded, received, options, out) {
    const a = recorded.request.body;
    const b = received.request.body;
    const kindA = bodyKind(a);
    const kindB = bodyKind(b);
    if (kindA === 'json' && kindB === 'json' && a.kind === 'json' && b.kind === 'json') {
      diffJson(a.value, b.value, '/body', options.ignoreFor(received.operation), out);
    } else if (a.kind === 'bytes' && b.kind === 'bytes' && kindA === 'bytes' && kindB === 'bytes') {
      if (!sameBytes(a.bytes, b.bytes)) out.add('/body', bodyPreview(a), bodyPreview(b));
    } else if (kindA !== kindB) {
      out.add('/body', bodyPreview(a), bodyPreview(b));
    }
  },
};

/** The comparers in report order: the coarse parts first, the body last. */
export const FIELD_COMPARERS: readonly FieldComparer[] = [operationField, identityField, methodField, pathField, queryField, headersField, bodyField];

/** All differences between two requests, up to the collector's limit. */
export function compareRequests(recorded: RequestView, received: RequestView, options: KeyOptions, out: DifferenceCollector): void {
  for (const comparer of FIELD_COMPARERS) {
    if (out.full) return;
    comparer.explain(recorded, received, options, out);
  }
}
