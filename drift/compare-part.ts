/**
 * One part of an operation (request path, query, headers or body; response headers or
 * body; an error's headers or body), diff schema against diff schema: the walker says
 * where, json-schema-diff checks the verdict (asked member by member: split-verdict.ts),
 * and anything it finds that the walker did not place is still reported, at the part itself.
 */
import type { JsonSchema } from '../contracts/types.js';
import { classifyChange } from './change.js';
import type { RawChange } from './keyword-rules.js';
import { walkSchemas } from './keyword-walker.js';
import { simplifyPair } from './schema-diff.js';
import { splitVerdict } from './split-verdict.js';
import type { SchemaSide } from './schema-side.js';
import type { DriftChange, DriftOptions, DriftSide } from './types.js';

export interface DiffStats {
  /** Parts whose schemas differ, so json-schema-diff was asked. */
  setDiffCalls: number;
  setDiffMs: number;
  /** Parts where json-schema-diff and the walker disagree on a direction (`op pointer`). */
  disagreements: string[];
}

export function emptyStats(): DiffStats {
  return { setDiffCalls: 0, setDiffMs: 0, disagreements: [] };
}

/** Codes of keywords json-schema-diff does not read: its verdict cannot confirm them. */
const UNSEEN_BY_SET_DIFF = new Set([
  'enum-value-added',
  'enum-value-removed',
  'enum-constraint-added',
  'enum-constraint-removed',
  'const-changed',
  'pattern-changed',
  'format-changed',
]);

export interface PartContext {
  operation: string;
  side: DriftSide;
  errorType?: string;
  sides: { before: SchemaSide; after: SchemaSide };
  options: DriftOptions;
  stats: DiffStats;
}

export async function comparePart(before: JsonSchema, after: JsonSchema, pointer: string, context: PartContext): Promise<DriftChange[]> {
  const { sides, stats } = context;
  if (sides.before.fingerprint(before) === sides.after.fingerprint(after)) return [];
  const raw = walkSchemas(before, after, sides, pointer);

  const started = performance.now();
  const [x, y] = simplifyPair(before, after, sides);
  const verdict = await splitVerdict(x, y);
  stats.setDiffCalls += 1;
  stats.setDiffMs += performance.now() - started;

  const seen = raw.filter((change) => !UNSEEN_BY_SET_DIFF.has(change.code));
  const placedAdded = seen.some((change) => change.direction !== 'removed');
  const placedRemoved = seen.some((change) => change.direction !== 'added');
  if (verdict.added && !placedAdded) raw.push({ pointer, code: 'schema-widened', before: null, after: null, direction: 'added' });
  if (verdict.removed && !placedRemoved) raw.push({ pointer, code: 'schema-narrowed', before: null, after: null, direction: 'removed' });
  if ((placedAdded && !verdict.added) || (placedRemoved && !verdict.removed)) {
    stats.disagreements.push(`${context.operation} ${context.side}${context.errorType ? ` ${context.errorType}` : ''} ${pointer}`);
  }
  return raw.map((change: RawChange) => classifyChange(change, context));
}
