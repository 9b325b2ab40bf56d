/** Raw schema differences → DriftChanges: severity by the direction rules, a sentence for clients. */
import { severityFor } from './classify.js';
import type { RawChange } from './keyword-rules.js';
import { schemaMessage } from './messages.js';
import type { DriftChange, DriftOptions, DriftSide } from './types.js';

export function classifyChange(change: RawChange, context: { operation: string; side: DriftSide; errorType?: string; options: DriftOptions }): DriftChange {
  const result: DriftChange = {
    operation: context.operation,
    side: context.side,
    pointer: change.pointer,
    before: change.before,
    after: change.after,
    severity: severityFor(context.side, change.direction, context.options),
    code: change.code,
    message: schemaMessage(context.side, change, context.errorType),
  };
  if (context.errorType !== undefined) result.errorType = context.errorType;
  return result;
}
