/**
 * A wire change as the comparisons find it, before it is a DriftChange: where (a pointer into
 * the message as the contracts check it, and the member's model path for the sentence), what
 * (the code, before and after, and how each is spelled on the wire), and which schema changes
 * it explains. A renamed header is one fact, not a header removed and another added: the
 * schema diff's rows at the old and the new name are dropped in favour of the wire change.
 */
import { fixedSeverity, wireSeverity } from './classify.js';
import { wireMessage } from './wire-messages.js';
import type { DriftChange, DriftCode, DriftSide, WireCode } from './types.js';

export interface RawWireChange {
  code: WireCode;
  /** Into the message as the contracts check it: `/body/Owner/ID`, `/headers/etag`, `/query/prefix`; `*` for any item or map key. */
  pointer: string;
  /** The member by its model names (`*` for a list item or map value), for the sentence; empty for the message itself. */
  path: string[];
  before: unknown;
  after: unknown;
  /** How `before` and `after` read on the wire (`<Key>`, `header "ETag"`), when they are names or places. */
  spelled?: { before: string; after: string };
  /** error-code-changed: the error shape whose code changed. */
  shape?: string;
  /** Pointers (same side) where the schema diff reports what this change is the cause of. */
  explains?: string[];
}

export interface WireContext {
  operation: string;
  side: DriftSide;
  errorType?: string;
}

export function wireChange(raw: RawWireChange, context: WireContext): DriftChange {
  const code = raw.code;
  const severity = code === 'xml-namespace-changed' || code === 'query-compatible-changed' ? wireSeverity(code, context.side, raw.after) : fixedSeverity(code)!;
  const change: DriftChange = {
    operation: context.operation,
    side: context.side,
    pointer: raw.pointer,
    before: raw.before,
    after: raw.after,
    severity,
    code,
    message: wireMessage(raw, context.side, context.errorType),
  };
  if (context.errorType !== undefined) change.errorType = context.errorType;
  return change;
}

/** Schema changes a rename, a move or a new timestamp format causes at the places it names. */
const EXPLAINED_CODES: ReadonlySet<DriftCode> = new Set([
  'member-added',
  'required-member-added',
  'member-removed',
  'member-required',
  'member-optional',
  'type-changed',
  'pattern-changed',
  'format-changed',
]);

/** `side errorType pointer`; `*` for the error type when a change holds for every error. */
export function explainedKey(side: DriftSide, errorType: string | undefined, pointer: string): string {
  return `${side} ${errorType ?? ''} ${pointer}`;
}

/** The schema changes that no wire change explains. */
export function withoutExplained(changes: DriftChange[], explained: ReadonlySet<string>): DriftChange[] {
  if (explained.size === 0) return changes;
  return changes.filter(
    (change) =>
      !EXPLAINED_CODES.has(change.code) ||
      !(explained.has(explainedKey(change.side, change.errorType, change.pointer)) || explained.has(explainedKey(change.side, '*', change.pointer))),
  );
}
