/**
 * json-schema-diff's verdict (did the accepted set grow, shrink, or both?) on a simplified
 * pair, asked piece by piece. A closed object is a product of its members: each member is
 * absent (when optional) or one of its values, independently of the others. A product grows
 * exactly when some factor grows, and shrinks exactly when some factor shrinks (every factor
 * being non-empty, as generated schemas are). So an object pair splits into one question per
 * member, a list pair into its items, a map pair into its values, and json-schema-diff
 * answers the small questions at the leaves: the same verdict it gives on the whole pair,
 * without its set algebra multiplying every changed member by every other (a request with
 * thirty changes deep in it took 10 s as one question, milliseconds as thirty).
 * Anything that is not a plain product (other keywords, different shells) goes to
 * json-schema-diff whole.
 */
import type { JsonSchema } from '../contracts/types.js';
import { jsonOf } from './json-of.js';
import { setDiff } from './schema-diff.js';
import { isObject, type SchemaNode } from './schema-side.js';

export interface Verdict {
  added: boolean;
  removed: boolean;
  /** How many questions json-schema-diff answered. */
  calls: number;
}

/** Keywords of a node that a split leaves as they are: both sides must have the same values for them. */
const SPLIT_INTO = new Set(['properties', 'required', 'items', 'additionalProperties']);

export async function splitVerdict(x: SchemaNode, y: SchemaNode): Promise<Verdict> {
  return verdictOf(x, y, new Map());
}

/**
 * `answers` remembers every question already answered, by the text of the pair: a
 * definition shared by thousands of places (QuickSight's ColumnIdentifier) comes back as
 * the same question (and, from simplifyPair, as the same objects, whose text is cached).
 */
async function verdictOf(x: SchemaNode, y: SchemaNode, answers: Map<string, Verdict>): Promise<Verdict> {
  const left = jsonOf(x);
  const right = jsonOf(y);
  if (left === right) return { added: false, removed: false, calls: 0 };
  const key = `${left}\u0000${right}`;
  const known = answers.get(key);
  if (known) return { ...known, calls: 0 };
  const verdict = await freshVerdict(x, y, answers);
  answers.set(key, verdict);
  return verdict;
}

async function freshVerdict(x: SchemaNode, y: SchemaNode, leaves: Map<string, Verdict>): Promise<Verdict> {
  if (isObject(x) && isObject(y) && sameShell(x, y)) {
    if (isClosedObject(x) && isClosedObject(y)) return objectVerdict(x, y, leaves);
    if (isList(x) && isList(y)) return verdictOf(x.items as SchemaNode, y.items as SchemaNode, leaves);
    if (isMap(x) && isMap(y)) return verdictOf(x.additionalProperties as SchemaNode, y.additionalProperties as SchemaNode, leaves);
  }
  const whole = await setDiff(x, y);
  return { added: whole.added, removed: whole.removed, calls: 1 };
}

async function objectVerdict(x: JsonSchema, y: JsonSchema, leaves: Map<string, Verdict>): Promise<Verdict> {
  const px = (x.properties ?? {}) as Record<string, SchemaNode>;
  const py = (y.properties ?? {}) as Record<string, SchemaNode>;
  const requiredX = new Set(Array.isArray(x.required) ? (x.required as string[]) : []);
  const requiredY = new Set(Array.isArray(y.required) ? (y.required as string[]) : []);
  const verdict: Verdict = { added: false, removed: false, calls: 0 };
  for (const name of new Set([...Object.keys(px), ...Object.keys(py)])) {
    // Both ways found: no further member can change the answer.
    if (verdict.added && verdict.removed) break;
    const inX = Object.hasOwn(px, name);
    const inY = Object.hasOwn(py, name);
    // A member's factor: "absent" when it is optional, plus its values when it is declared.
    const absentX = !inX || !requiredX.has(name);
    const absentY = !inY || !requiredY.has(name);
    const values = inX && inY ? await verdictOf(px[name]!, py[name]!, leaves) : { added: inY, removed: inX, calls: 0 };
    verdict.added ||= values.added || (absentY && !absentX);
    verdict.removed ||= values.removed || (absentX && !absentY);
    verdict.calls += values.calls;
  }
  return verdict;
}

/** Equal keywords apart from the ones a split looks into. */
function sameShell(x: JsonSchema, y: JsonSchema): boolean {
  const shell = (node: JsonSchema) =>
    JSON.stringify(
      Object.entries(node)
        .filter(([keyword]) => !SPLIT_INTO.has(keyword))
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  return shell(x) === shell(y);
}

function isClosedObject(node: JsonSchema): boolean {
  const allowed = new Set(['type', 'properties', 'required', 'additionalProperties']);
  return node.type === 'object' && node.additionalProperties === false && Object.keys(node).every((keyword) => allowed.has(keyword));
}

/** A list whose length is unbounded or at least may be non-empty: its items are a factor. */
function isList(node: JsonSchema): boolean {
  const allowed = new Set(['type', 'items', 'minItems', 'maxItems']);
  return node.type === 'array' && node.maxItems !== 0 && isObjectOrBoolean(node.items) && Object.keys(node).every((keyword) => allowed.has(keyword));
}

/** A map without named members: its values are a factor. */
function isMap(node: JsonSchema): boolean {
  const allowed = new Set(['type', 'additionalProperties', 'propertyNames', 'minProperties', 'maxProperties']);
  return (
    node.type === 'object' &&
    node.maxProperties !== 0 &&
    isObjectOrBoolean(node.additionalProperties) &&
    node.additionalProperties !== false &&
    Object.keys(node).every((keyword) => allowed.has(keyword))
  );
}

function isObjectOrBoolean(value: unknown): value is SchemaNode {
  return typeof value === 'boolean' || isObject(value);
}
