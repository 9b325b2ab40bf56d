/**
 * The value a finding's (or a change's) JSON Pointer names in a recorded exchange: `/status`,
 * `/headers/<lower-case name>`, `/query/<name>` (its list of values) and `/body/...`, on the
 * request or the response side. Verify shows it next to a finding; drift reports it as the
 * before or after of a change. `/path/<label>` is not read: labels exist only once routed.
 */
import type { Exchange } from './exchange.js';
import { parsePointer, walkPointer } from './json-pointer.js';
import type { Side } from './findings.js';

export interface ExchangeValue {
  /** The pointer's segments, unescaped; the first names the part (`body`, `headers`, ...). */
  segments: string[];
  /** Undefined when nothing is there. A body that is not JSON is its bytes, for the caller to show. */
  value: unknown;
  /** Per segment: true when it indexed an array (the part itself never does). */
  throughArray: boolean[];
}

/** Null when the pointer is malformed or names no part of that side. */
export function exchangeValueAt(exchange: Pick<Exchange, 'request' | 'response'>, side: Side, pointer: string): ExchangeValue | null {
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return null;
  }
  const [part, ...rest] = segments;
  const message = side === 'request' ? exchange.request : exchange.response;
  let root: unknown;
  if (part === 'body') {
    const body = message.body;
    root = body.kind === 'json' ? body.value : body.kind === 'bytes' ? body.bytes : undefined;
  } else if (part === 'headers') root = message.headers;
  else if (part === 'query' && side === 'request') root = exchange.request.query;
  else if (part === 'status' && side === 'response') root = exchange.response.status;
  else return null;
  // Bytes are a leaf: `/body/x` into a body that is not JSON names nothing.
  const walk = root instanceof Uint8Array && rest.length > 0 ? { value: undefined, throughArray: rest.map(() => false) } : walkPointer(root, rest);
  return { segments, value: walk.value, throughArray: [false, ...walk.throughArray] };
}
