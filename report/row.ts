/**
 * The one row type every report is made of: a finding of `tapegate verify` or a change of
 * `tapegate drift`. Where (operation, side, JSON Pointer), what (code, sentence, values),
 * how bad (a severity on the one scale that reports rank, count and fail by), and in which
 * recorded exchanges it was seen.
 */
import type { Severity } from '../core/findings.js';

/** A recorded exchange a row was seen in. */
export interface Place {
  /** The cassette as named on the command line, or relative to the folder named there. */
  cassette: string;
  seq: number;
}

/** The message the pointer points into: the request, the success response, or an error response. */
export type RowSide = 'request' | 'response' | 'error';

export interface ReportRow {
  /** `service.Operation`; null when no operation matched (grouped as UNROUTED). */
  operation: string | null;
  /** Drift's `breaking` is `error` here; each report names the levels its own way (ReportStyle). */
  severity: Severity;
  code: string;
  side: RowSide;
  /** For `side: 'error'`: the error type (`NotFoundException`). */
  errorType?: string;
  /** RFC 6901 pointer into the message; `""` is the whole message. */
  pointer: string;
  /** One sentence: what was expected and what came, or what a change means for a client. */
  message: string;
  /** Exchanges it was seen in: every one, or the first few when `count` is larger; empty when not about recordings. */
  places: Place[];
  /** How many exchanges show it in all (0 when not about recordings). */
  count: number;
  /** A change: what A had there and what B has (null: nothing). */
  before?: unknown;
  after?: unknown;
  /** A finding: the recorded value at the pointer, when there is one. */
  received?: unknown;
}

/** The name rows without an operation are grouped under. */
export const UNROUTED = '(no operation)';

export function operationOf(row: ReportRow): string {
  return row.operation ?? UNROUTED;
}

/** `request /body/x`, `error NotFoundException /body/c`, or just the side for the whole message. */
export function where(row: ReportRow): string {
  const side = row.side === 'error' ? `error ${row.errorType ?? ''}`.trim() : row.side;
  return row.pointer ? `${side} ${row.pointer}` : side;
}
