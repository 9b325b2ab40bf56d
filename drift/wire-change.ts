/**
 * A wire change as the comparisons find it (RawWireChange, types.ts: where, what, and which
 * schema changes it explains) made a DriftChange, with its severity and its sentence. A renamed
 * header is one fact, not a header removed and another added: the schema diff's rows at the old
 * and the new name are dropped in favour of the wire change.
 */
import { fixedSeverity, wireSeverity } from './classify.js';
import { wireMessage } from './wire-messages.js';
import type { DriftChange, DriftCode, DriftSide, RawWireChange } from './types.js';

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
