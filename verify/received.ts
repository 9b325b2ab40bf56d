/**
 * The recorded value a finding's JSON Pointer names (`/body/patchOperations/0/path`,
 * `/status`, `/headers/x-amzn-errortype`), for the JSON report: what came, next to the
 * message that says what was expected. Undefined when nothing is there (a missing member).
 */
import type { Exchange } from '../core/exchange.js';
import { exchangeValueAt } from '../core/exchange-value.js';
import type { Finding } from '../core/findings.js';

/** How much of a non-JSON body the report quotes. */
const BYTES_SHOWN = 512;

export function receivedValue(exchange: Exchange, finding: Finding): unknown {
  const value = exchangeValueAt(exchange, finding.side, finding.path)?.value;
  if (!(value instanceof Uint8Array)) return value;
  // Bytes that should have been JSON: what they read as (the start of it: an HTML error page
  // can be large, and the cassette holds the rest).
  const text = Buffer.from(value.subarray(0, BYTES_SHOWN)).toString('utf8');
  return value.length > BYTES_SHOWN ? `${text}...` : text;
}
