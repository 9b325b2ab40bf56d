/**
 * The direction rules of DESIGN.md, in one place. Requests are what AWS accepts, responses
 * and errors what it sends:
 *  - request: fewer accepted (removal) → breaking, more accepted (addition) → info;
 *  - response/error: more sent (addition) → warn, or breaking for strict consumers that
 *    refuse what they do not know; fewer sent (removal) → info;
 *  - an operation's method, URI or success status changed → breaking; a new error → warn;
 *    an operation added → info, removed → breaking.
 * A change that moves both ways takes the worse of the two.
 */
import type { Direction, DriftCode, DriftOptions, DriftSeverity, DriftSide } from './types.js';

export function severityFor(side: DriftSide, direction: Direction, options: DriftOptions = {}): DriftSeverity {
  if (side === 'request') return direction === 'added' ? 'info' : 'breaking';
  if (direction === 'removed') return 'info';
  return options.strictResponses ? 'breaking' : 'warn';
}

/** Operation-level changes have a fixed severity whatever the side. */
const FIXED: Partial<Record<DriftCode, DriftSeverity>> = {
  'operation-added': 'info',
  'operation-removed': 'breaking',
  'method-changed': 'breaking',
  'uri-changed': 'breaking',
  'success-status-changed': 'breaking',
  'error-added': 'warn',
  // Code that handles an error AWS no longer declares is dead, not wrong.
  'error-removed': 'info',
  // Clients tell errors apart by type, not status; a new status still surprises a few.
  'error-status-changed': 'warn',
  'operation-unknown': 'breaking',
  // Unchecked is not known to be fine: CI should not pass on it.
  'exchange-unchecked': 'breaking',
  'status-changed': 'breaking',
  'error-type-changed': 'breaking',
  'exchange-gone': 'info',
  'exchange-new': 'info',
  // Wire changes leave the neutral schema as it was and move the spelling: an old client and a
  // new server disagree (a request member AWS no longer reads, an answer member the client no
  // longer finds, an exception the client no longer recognises), whichever side it is on.
  'protocol-changed': 'breaking',
  'target-prefix-changed': 'breaking',
  'wire-name-changed': 'breaking',
  'location-changed': 'breaking',
  'flattened-changed': 'breaking',
  'xml-attribute-changed': 'breaking',
  'timestamp-format-changed': 'breaking',
  'error-code-changed': 'breaking',
};

export function fixedSeverity(code: DriftCode): DriftSeverity | undefined {
  return FIXED[code];
}

/**
 * Two recordings have no schema that widens or narrows, only values seen. In responses: a
 * field that stopped coming (or was renamed) is missed by a client that reads it, a new field
 * or enum-like value is a response addition, a value of another JSON type breaks a parser.
 * Requests differ only because the client changed between recordings: info.
 */
export function observedSeverity(side: DriftSide, code: DriftCode, options: DriftOptions = {}): DriftSeverity {
  const fixed = fixedSeverity(code);
  if (fixed) return fixed;
  if (side === 'request') return 'info';
  if (code === 'value-type-changed') return 'breaking';
  if (code === 'field-added' || code === 'enum-like-value-changed') return severityFor(side, 'added', options);
  return 'warn';
}

/**
 * The two wire changes whose weight depends on the side. An XML namespace: botocore's and the
 * JavaScript SDK's parsers read answers without looking at namespaces (info), a request keeps
 * the old one, which a server may or may not check (warn). `awsQueryCompatible` switched off:
 * clients that took the error code from `x-amzn-query-error` now see another code (breaking);
 * switched on, the header is one more the old client ignores (info).
 */
export function wireSeverity(code: 'xml-namespace-changed' | 'query-compatible-changed', side: DriftSide, after: unknown): DriftSeverity {
  if (code === 'xml-namespace-changed') return side === 'request' ? 'warn' : 'info';
  return after === true ? 'info' : 'breaking';
}
