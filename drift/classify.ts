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
