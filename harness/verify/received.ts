/**
 * The recorded value a finding's JSON Pointer names (`/body/patchOperations/0/path`,
 * `/status`, `/headers/x-amzn-errortype`), for the JSON report: what came, next to the
 * message that says what was expected. Undefined when nothing is there (a missing member).
 */
import type { Body, Exchange } from '../../core/exchange.js';
import { parsePointer } from '../../core/json-pointer.js';
import type { Finding } from '../../core/findings.js';

/** How much of a non-JSON body the report quotes. */
const BYTES_SHOWN = 512;

function bodyValue(body: Body): unknown {
  if (body.kind === 'json') return body.value;
  if (body.kind === 'empty') return undefined;
  // Bytes that should have been JSON: what they read as (the start of it: an HTML error page
  // can be large, and the cassette holds the rest).
  const text = Buffer.from(body.bytes.subarray(0, BYTES_SHOWN)).toString('utf8');
  return body.bytes.length > BYTES_SHOWN ? `${text}...` : text;
}

export function receivedValue(exchange: Exchange, finding: Finding): unknown {
  let segments: string[];
  try {
    segments = parsePointer(finding.path);
  } catch {
    return undefined;
  }
  const message = finding.side === 'request' ? exchange.request : exchange.response;
  const [part, ...rest] = segments;
  let current: unknown;
  if (part === 'body') current = bodyValue(message.body);
  else if (part === 'headers') current = message.headers;
  else if (part === 'query' && finding.side === 'request') current = exchange.request.query;
  else if (part === 'status' && finding.side === 'response') current = exchange.response.status;
  else return undefined;
  for (const segment of rest) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
