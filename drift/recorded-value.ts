/**
 * The value a finding's pointer names in a recorded exchange, and the pointer with array
 * indices turned into `*`, so that the same field in the 1st and the 7th list item is one fact.
 */
import type { Body, Exchange } from '../core/exchange.js';
import { formatPointer, parsePointer } from '../core/json-pointer.js';

export interface RecordedValue {
  pointer: string;
  value: unknown;
}

function bodyValue(body: Body): unknown {
  return body.kind === 'json' ? body.value : body.kind === 'empty' ? undefined : `<${body.bytes.length} bytes>`;
}

export function recordedValue(exchange: Exchange, side: 'request' | 'response' | 'error', pointer: string): RecordedValue {
  const message = side === 'request' ? exchange.request : exchange.response;
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return { pointer, value: undefined };
  }
  const [part, ...rest] = segments;
  let current: unknown;
  if (part === 'body') current = bodyValue(message.body);
  else if (part === 'headers') current = message.headers;
  else if (part === 'query' && side === 'request') current = exchange.request.query;
  else if (part === 'status' && side !== 'request') current = exchange.response.status;
  else return { pointer, value: undefined };
  const normalised: string[] = [part];
  for (const segment of rest) {
    if (Array.isArray(current)) {
      current = /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
      normalised.push('*');
    } else if (typeof current === 'object' && current !== null) {
      current = (current as Record<string, unknown>)[segment];
      normalised.push(segment);
    } else {
      current = undefined;
      normalised.push(segment);
    }
  }
  return { pointer: formatPointer(normalised), value: current ?? null };
}
