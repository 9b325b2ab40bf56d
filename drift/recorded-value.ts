/**
 * A finding's pointer in a recorded exchange as drift reports it: the value there (null when
 * nothing; a body that is not JSON as `<N bytes>`), and the pointer with array indices turned
 * into `*`, so that the same field in the 1st and the 7th list item is one fact.
 */
import type { Exchange } from '../core/exchange.js';
import { exchangeValueAt } from '../core/exchange-value.js';
import { formatPointer } from '../core/json-pointer.js';
import type { DriftSide } from './types.js';

export interface RecordedValue {
  pointer: string;
  value: unknown;
}

export function recordedValue(exchange: Exchange, side: DriftSide, pointer: string): RecordedValue {
  const found = exchangeValueAt(exchange, side === 'request' ? 'request' : 'response', pointer);
  if (!found) return { pointer, value: undefined };
  const value = found.value instanceof Uint8Array ? `<${found.value.length} bytes>` : found.value;
  return {
    pointer: formatPointer(found.segments.map((segment, i) => (found.throughArray[i] ? '*' : segment))),
    value: value ?? null,
  };
}
