/**
 * json-schema-diff, fed simple schemas. It answers one question per part: did the set of
 * messages grow (additions), shrink (removals), or both? Two things keep it fast:
 *  - the pair it gets is simplified: subtrees with equal fingerprints become `true` on both
 *    sides (they cannot contribute a difference), the keywords it ignores anyway (enum,
 *    pattern, format, ...) are stripped, refs are inlined, so no document carries more
 *    than the path to its differences;
 *  - the public `diffSchemas` validates both schemas against the draft-07 meta-schema with
 *    a fresh Ajv on every call (about 80 ms, nearly all of a call); our schemas are
 *    generated, so we run the same set operations it runs (parse, intersect, complement)
 *    through its own modules, and fall back to the public API if their layout changes.
 */
import { createRequire } from 'node:module';
import jsonSchemaDiff from 'json-schema-diff';
import { TapegateError } from '../core/errors.js';
import type { JsonSchema } from '../contracts/types.js';
import { closed } from './keyword-walker.js';
import { jsonOf } from './json-of.js';
import { Once } from './recursion-once.js';
import { isObject, type SchemaNode, type SchemaSide } from './schema-side.js';

export interface SetDiff {
  added: boolean;
  removed: boolean;
  /** The values added / removed, as json-schema-diff describes them. */
  addedSchema: unknown;
  removedSchema: unknown;
}

/** Keywords json-schema-diff does not read (KEYWORDS.md): stripped before it sees a schema. */
const IGNORED = new Set([
  'enum',
  'const',
  'pattern',
  'format',
  'contentEncoding',
  'contentMediaType',
  'multipleOf',
  'uniqueItems',
  '$comment',
  'description',
  'title',
  'default',
  'examples',
  '$id',
  '$schema',
  'readOnly',
  'writeOnly',
]);
/** Subschema keywords walked in pairs; the others (anyOf, not, ...) are inlined whole on each side. */
const PAIRED = new Set(['properties', 'items', 'additionalProperties', 'propertyNames']);
const UNPAIRED = new Set(['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'contains', 'additionalItems', 'patternProperties', 'dependencies']);
const SUBSCHEMA = new Set([...PAIRED, ...UNPAIRED, 'definitions']);
/** Keywords whose value maps names to schemas. */
const MAPS_OF_SCHEMAS = new Set(['properties', 'patternProperties', 'dependencies']);

const MAX_DEPTH = 64;

/** The draft-07 document for one part, standing alone: the part plus the definitions it reaches. */
export function selfContainedSchema(schema: JsonSchema, side: SchemaSide): JsonSchema {
  const reached: Record<string, JsonSchema> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    const name = side.refName(node);
    if (name !== undefined) {
      if (Object.hasOwn(reached, name)) return;
      const target = side.resolve(node);
      reached[name] = isObject(target) ? target : {};
      visit(target);
      return;
    }
    Object.values(node).forEach(visit);
  };
  visit(schema);
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...schema, definitions: reached };
}

/** Both parts reduced to the paths that differ, ref-free and closed as the walker reads them. */
export function simplifyPair(before: unknown, after: unknown, sides: { before: SchemaSide; after: SchemaSide }): [SchemaNode, SchemaNode] {
  // Recursive definitions are not unrolled: the first time a pair (or, one-sided, a
  // definition) of a `$ref` cycle is reached in an entry into the cycle it carries all of
  // its differences; reached again in that entry it becomes `true` on both sides, which
  // cannot add a difference. Unrolling further would only repeat them, exponentially.
  const once = new Once(sides);
  const inline = (node: unknown, side: SchemaSide, depth: number): SchemaNode => {
    if (depth > MAX_DEPTH) throw new TapegateError(`Failed to compare contracts "${side.label}": schema nests deeper than ${MAX_DEPTH}`, 2);
    const leave = once.enterOne(node, side);
    if (!leave) return true;
    const resolved = side.resolve(node);
    if (typeof resolved === 'boolean') {
      leave();
      return resolved;
    }
    const copy = shallow(resolved);
    for (const [keyword, value] of Object.entries(resolved)) {
      if (SUBSCHEMA.has(keyword) && keyword !== 'definitions') copy[keyword] = inlineKeyword(keyword, value, side, depth);
    }
    leave();
    return copy;
  };

  /** A subschema keyword's value, inlined: a map of schemas, a list of them, or one. */
  const inlineKeyword = (keyword: string, value: unknown, side: SchemaSide, depth: number): unknown => {
    if (MAPS_OF_SCHEMAS.has(keyword) && isObject(value)) {
      // `dependencies` may list names instead of a schema: those stay as they are.
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v : inline(v, side, depth + 1)]));
    }
    if (Array.isArray(value)) return value.map((item) => inline(item, side, depth + 1));
    return inline(value, side, depth + 1);
  };

  // A pair of plain (not recursive) definitions simplifies the same wherever it is reached:
  // done once, and the result shared (QuickSight reaches one definition from 3,500 places).
  const shared = new Map<string, [SchemaNode, SchemaNode]>();
  const pair = (a: unknown, b: unknown, depth: number): [SchemaNode, SchemaNode] => {
    if (sides.before.fingerprint(a) === sides.after.fingerprint(b)) return [true, true];
    if (depth > MAX_DEPTH) throw new TapegateError(`Failed to compare contracts "${sides.before.label}": schema nests deeper than ${MAX_DEPTH}`, 2);
    const leave = once.enter(a, b);
    if (!leave) return [true, true];
    const refs = [sides.before.refName(a), sides.after.refName(b)];
    const key = refs.every((name) => name !== undefined) && !sides.before.isRecursive(refs[0]!) && !sides.after.isRecursive(refs[1]!) ? refs.join('\u0000') : undefined;
    const known = key === undefined ? undefined : shared.get(key);
    const result = known ?? pairNodes(a, b, depth);
    if (key !== undefined) shared.set(key, result);
    leave();
    return result;
  };

  const pairNodes = (a: unknown, b: unknown, depth: number): [SchemaNode, SchemaNode] => {
    const x = sides.before.resolve(a);
    const y = sides.after.resolve(b);
    if (typeof x === 'boolean' || typeof y === 'boolean') return [inline(x, sides.before, depth), inline(y, sides.after, depth)];
    const sx = shallow(x);
    const sy = shallow(y);
    if (isObject(x.properties) || isObject(y.properties)) {
      const px = isObject(x.properties) ? x.properties : {};
      const py = isObject(y.properties) ? y.properties : {};
      const outX: Record<string, SchemaNode> = {};
      const outY: Record<string, SchemaNode> = {};
      for (const name of new Set([...Object.keys(px), ...Object.keys(py)])) {
        if (Object.hasOwn(px, name) && Object.hasOwn(py, name)) [outX[name], outY[name]] = pair(px[name], py[name], depth + 1);
        else if (Object.hasOwn(px, name)) outX[name] = true;
        else outY[name] = true;
      }
      dropSharedMembers(outX, outY, sx, sy);
      if (isObject(x.properties)) sx.properties = outX;
      if (isObject(y.properties)) sy.properties = outY;
    }
    for (const keyword of ['items', 'additionalProperties', 'propertyNames']) {
      const vx = x[keyword];
      const vy = y[keyword];
      if (isObject(vx) && isObject(vy)) [sx[keyword], sy[keyword]] = pair(vx, vy, depth + 1);
      else {
        if (vx !== undefined) sx[keyword] = inlineKeyword(keyword, vx, sides.before, depth);
        if (vy !== undefined) sy[keyword] = inlineKeyword(keyword, vy, sides.after, depth);
      }
    }
    for (const [keyword, value] of Object.entries(x)) if (UNPAIRED.has(keyword)) sx[keyword] = inlineKeyword(keyword, value, sides.before, depth);
    for (const [keyword, value] of Object.entries(y)) if (UNPAIRED.has(keyword)) sy[keyword] = inlineKeyword(keyword, value, sides.after, depth);
    return [sx, sy];
  };

  return pair(before, after, 0);
}

/**
 * Shrinks a pair of member lists without changing json-schema-diff's verdict (added?
 * removed?). A member that accepts the same values on both sides (`true` after pairing, or equal once
 * the ignored keywords are gone) and is required on both or neither cannot tell the two
 * sets apart: leave it out of both, so json-schema-diff's product of members stays small.
 */
function dropSharedMembers(outX: Record<string, SchemaNode>, outY: Record<string, SchemaNode>, sx: JsonSchema, sy: JsonSchema): void {
  // Counting keywords see every member: then nothing may go.
  for (const keyword of ['minProperties', 'maxProperties']) if (keyword in sx || keyword in sy) return;
  let requiredX = Array.isArray(sx.required) ? (sx.required as string[]) : [];
  let requiredY = Array.isArray(sy.required) ? (sy.required as string[]) : [];
  for (const name of Object.keys(outX)) {
    if (!Object.hasOwn(outY, name) || requiredX.includes(name) !== requiredY.includes(name)) continue;
    if (jsonOf(outX[name]) !== jsonOf(outY[name])) continue;
    delete outX[name];
    delete outY[name];
    requiredX = requiredX.filter((n) => n !== name);
    requiredY = requiredY.filter((n) => n !== name);
  }
  const dropped = new Set<string>();
  // Members one side has and the other lacks are all `true`: one of each kind (optional,
  // required) is as good a witness as all of them, and json-schema-diff's cost grows with each.
  for (const [own, other, required] of [
    [outX, outY, requiredX],
    [outY, outX, requiredY],
  ] as const) {
    const seen = new Set<boolean>();
    for (const name of Object.keys(own)) {
      if (Object.hasOwn(other, name) || own[name] !== true) continue;
      const isRequired = required.includes(name);
      if (seen.has(isRequired)) {
        delete own[name];
        dropped.add(name);
      }
      seen.add(isRequired);
    }
  }
  requiredX = requiredX.filter((name) => !dropped.has(name));
  requiredY = requiredY.filter((name) => !dropped.has(name));
  if (requiredX.length > 0) sx.required = requiredX;
  else delete sx.required;
  if (requiredY.length > 0) sy.required = requiredY;
  else delete sy.required;
}

/** The node's own keywords minus the ignored ones and the subschemas; closed as the walker reads it. */
function shallow(node: Record<string, unknown>): JsonSchema {
  const copy: JsonSchema = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (!IGNORED.has(keyword) && !SUBSCHEMA.has(keyword) && keyword !== '$ref') copy[keyword] = value;
  }
  if (closed(node)) copy.additionalProperties = false;
  return copy;
}

interface JsonSet {
  type: 'all' | 'empty' | 'some';
  complement(): JsonSet;
  intersect(other: JsonSet): JsonSet;
  toJsonSchema(): unknown;
}

type Engine = (before: SchemaNode, after: SchemaNode) => SetDiff;

function loadEngine(): Engine | null {
  try {
    const require = createRequire(import.meta.url);
    const { parseAsJsonSet } = require('json-schema-diff/dist/json-schema-diff/diff-schemas/parse-as-json-set.js') as {
      parseAsJsonSet: (schema: unknown, context: unknown) => JsonSet;
    };
    const { loadConfig } = require('json-schema-diff/dist/json-schema-diff/config.js') as {
      loadConfig: (env: NodeJS.ProcessEnv) => { parseContext: unknown };
    };
    if (typeof parseAsJsonSet !== 'function' || typeof loadConfig !== 'function') return null;
    const context = loadConfig(process.env).parseContext;
    // The same steps as json-schema-diff's diffSchemas, after its meta-schema validation.
    return (before, after) => {
      const source = parseAsJsonSet(before, context);
      const destination = parseAsJsonSet(after, context);
      const outside = source.intersect(destination).complement();
      const added = outside.intersect(destination);
      const removed = outside.intersect(source);
      return { added: added.type !== 'empty', removed: removed.type !== 'empty', addedSchema: added.toJsonSchema(), removedSchema: removed.toJsonSchema() };
    };
  } catch {
    return null;
  }
}

let engine: Engine | null | undefined;

/** Which engine `setDiff` uses: json-schema-diff's set modules, or its public API. */
export function setDiffEngine(): 'set-modules' | 'public-api' {
  engine ??= loadEngine();
  return engine ? 'set-modules' : 'public-api';
}

/** json-schema-diff's verdict on two ref-free schemas (from `simplifyPair`). */
export async function setDiff(before: SchemaNode, after: SchemaNode): Promise<SetDiff> {
  engine ??= loadEngine();
  if (engine) return engine(before, after);
  return publicDiff(before, after);
}

/** The documented API: validates, dereferences, diffs. Used as the fallback and by the bench. */
export async function publicDiff(before: SchemaNode, after: SchemaNode): Promise<SetDiff> {
  const result = await jsonSchemaDiff.diffSchemas({
    sourceSchema: before,
    destinationSchema: after,
  });
  return { added: result.additionsFound, removed: result.removalsFound, addedSchema: result.addedJsonSchema, removedSchema: result.removedJsonSchema };
}
