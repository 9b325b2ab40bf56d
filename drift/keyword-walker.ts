/**
 * Walks two diff schemas side by side and says where they differ, as JSON Pointers into
 * the wire message: members added or removed, made required or optional, types, limits,
 * and what json-schema-diff ignores (enum, const, pattern, format). Nodes with equal
 * fingerprints are skipped whole. json-schema-diff (schema-diff.ts) then checks the verdict.
 * A recursive shape (a `$ref` cycle) is walked once under each member that enters it, never unrolled.
 *
 * Objects with `properties` and no `additionalProperties` count as closed: the contracts
 * leave query and header schemas open because the wire carries more than the model names,
 * but what drift compares is the members the model names.
 */
import { appendPointer } from '../core/json-pointer.js';
import { compareKeywords, compareTypes, type RawChange } from './keyword-rules.js';
import { Once } from './recursion-once.js';
import { isObject, type SchemaSide } from './schema-side.js';

type Node = Record<string, unknown>;

/** Array items and map values are `*` in pointers; map keys (propertyNames) are `{key}`. */
export const ANY_ITEM = '*';
export const MAP_KEY = '{key}';

export function closed(node: Node): boolean {
  return node.additionalProperties === false || (node.additionalProperties === undefined && isObject(node.properties));
}

export function walkSchemas(before: unknown, after: unknown, sides: { before: SchemaSide; after: SchemaSide }, pointer: string): RawChange[] {
  const out: RawChange[] = [];
  // A recursive shape is walked once per entry into its cycle, never unrolled.
  const once = new Once(sides);
  const walk = (a: unknown, b: unknown, at: string, depth: number): void => {
    if (depth > 64) return; // deeper than any AWS shape
    if (sides.before.fingerprint(a) === sides.after.fingerprint(b)) return;
    const leave = once.enter(a, b);
    if (!leave) return;
    const x = sides.before.resolve(a);
    const y = sides.after.resolve(b);
    // Boolean schemas and keywords we do not walk are left to json-schema-diff's verdict.
    if (typeof x !== 'boolean' && typeof y !== 'boolean' && compareTypes(x, y, at, out)) {
      compareKeywords(x, y, at, out);
      compareMembers(x, y, at, out, (p, q, where) => walk(p, q, where, depth + 1), sides);
      if (isObject(x.items) && isObject(y.items)) walk(x.items, y.items, appendPointer(at, ANY_ITEM), depth + 1);
      if (isObject(x.additionalProperties) && isObject(y.additionalProperties)) {
        walk(x.additionalProperties, y.additionalProperties, appendPointer(at, ANY_ITEM), depth + 1);
      }
      if (isObject(x.propertyNames) || isObject(y.propertyNames)) {
        walk(x.propertyNames ?? {}, y.propertyNames ?? {}, appendPointer(at, MAP_KEY), depth + 1);
      }
    }
    leave();
  };
  walk(before, after, pointer, 0);
  return out;
}

/** A member's shape in a few words for a report: its definition name, else its type. */
export function describeMember(node: unknown, side: SchemaSide): string {
  const name = side.refName(node);
  if (name !== undefined) return name;
  const resolved = side.resolve(node);
  if (typeof resolved === 'boolean') return resolved ? 'any' : 'nothing';
  const type = resolved.type;
  return typeof type === 'string' ? type : Array.isArray(type) ? type.join('|') : 'any';
}

function compareMembers(
  x: Node,
  y: Node,
  at: string,
  out: RawChange[],
  walk: (a: unknown, b: unknown, at: string) => void,
  sides: { before: SchemaSide; after: SchemaSide },
): void {
  if (!isObject(x.properties) && !isObject(y.properties)) return;
  const px = isObject(x.properties) ? x.properties : {};
  const py = isObject(y.properties) ? y.properties : {};
  const requiredX = new Set(Array.isArray(x.required) ? (x.required as string[]) : []);
  const requiredY = new Set(Array.isArray(y.required) ? (y.required as string[]) : []);
  for (const name of Object.keys(py)) {
    if (Object.hasOwn(px, name)) continue;
    // Only a closed object forbade the member before; an open one already took it.
    if (!closed(x)) continue;
    const required = requiredY.has(name);
    out.push({
      pointer: appendPointer(at, name),
      code: required ? 'required-member-added' : 'member-added',
      before: null,
      after: describeMember(py[name], sides.after),
      // A new required member accepts messages with it and refuses those without.
      direction: required ? 'both' : 'added',
    });
  }
  for (const name of Object.keys(px)) {
    if (Object.hasOwn(py, name)) continue;
    if (!closed(y)) continue;
    out.push({
      pointer: appendPointer(at, name),
      code: 'member-removed',
      before: describeMember(px[name], sides.before),
      after: null,
      // Removing a required member also lets through messages that lack it.
      direction: requiredX.has(name) ? 'both' : 'removed',
    });
  }
  for (const name of Object.keys(px)) {
    if (!Object.hasOwn(py, name)) continue;
    const pointer = appendPointer(at, name);
    if (requiredY.has(name) && !requiredX.has(name)) {
      out.push({ pointer, code: 'member-required', before: false, after: true, direction: 'removed' });
    } else if (requiredX.has(name) && !requiredY.has(name)) {
      out.push({ pointer, code: 'member-optional', before: true, after: false, direction: 'added' });
    }
    walk(px[name], py[name], pointer);
  }
}
