/**
 * Per-node keyword comparisons: what json-schema-diff ignores (`enum`, `const`, `pattern`,
 * `format`, `contentEncoding`) and the limits and types it handles but cannot locate for us.
 * Each difference says which way the accepted set moved; classify.ts turns that into a severity.
 */
import type { Direction, DriftCode } from './types.js';

export interface RawChange {
  /** JSON Pointer into the wire message (`/body/endpointConfiguration/types/*`). */
  pointer: string;
  code: DriftCode;
  before: unknown;
  after: unknown;
  direction: Direction;
  /** The keyword behind a `limit-changed` or `format-changed`. */
  keyword?: string;
}

type Node = Record<string, unknown>;

/** `max*`: a bigger number (or none) accepts more; `min*`: a smaller one (or none) does. */
const LIMITS: Record<string, 'min' | 'max'> = {
  minLength: 'min',
  maxLength: 'max',
  minimum: 'min',
  maximum: 'max',
  exclusiveMinimum: 'min',
  exclusiveMaximum: 'max',
  minItems: 'min',
  maxItems: 'max',
  minProperties: 'min',
  maxProperties: 'max',
};

/** Keywords whose value is opaque to us: any change moves both ways, adding one narrows. */
const OPAQUE: [string, DriftCode][] = [
  ['const', 'const-changed'],
  ['pattern', 'pattern-changed'],
  ['format', 'format-changed'],
  ['contentEncoding', 'format-changed'],
];

export function typesOf(node: Node): Set<string> | undefined {
  const type = node.type;
  if (typeof type === 'string') return new Set([type]);
  if (Array.isArray(type)) return new Set(type.filter((t): t is string => typeof t === 'string'));
  return undefined;
}

function covers(outer: Set<string> | undefined, inner: Set<string> | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  for (const type of inner) {
    if (!outer.has(type) && !(type === 'integer' && outer.has('number'))) return false;
  }
  return true;
}

function sameTypes(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  return covers(a, b) && covers(b, a) && (a === undefined) === (b === undefined);
}

function typeList(types: Set<string> | undefined): string | string[] | null {
  if (types === undefined) return null;
  const list = [...types];
  return list.length === 1 ? list[0]! : list;
}

/**
 * A type change, if any, and whether the two nodes still share a kind of value worth
 * comparing further (`integer` → `number` does; `string` → `object` does not).
 */
export function compareTypes(x: Node, y: Node, pointer: string, out: RawChange[]): boolean {
  const tx = typesOf(x);
  const ty = typesOf(y);
  if (sameTypes(tx, ty)) return true;
  const direction: Direction = covers(ty, tx) ? 'added' : covers(tx, ty) ? 'removed' : 'both';
  out.push({ pointer, code: 'type-changed', before: typeList(tx), after: typeList(ty), direction });
  if (tx === undefined || ty === undefined) return true;
  const numeric = (t: string) => (t === 'integer' ? 'number' : t);
  const kinds = new Set([...tx].map(numeric));
  return [...ty].some((t) => kinds.has(numeric(t)));
}

export function compareKeywords(x: Node, y: Node, pointer: string, out: RawChange[]): void {
  compareEnum(x, y, pointer, out);
  for (const [keyword, code] of OPAQUE) {
    const before = x[keyword];
    const after = y[keyword];
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    const direction: Direction = before === undefined ? 'removed' : after === undefined ? 'added' : 'both';
    out.push({ pointer, code, before: before ?? null, after: after ?? null, direction, keyword });
  }
  for (const [keyword, kind] of Object.entries(LIMITS)) {
    const before = typeof x[keyword] === 'number' ? x[keyword] : undefined;
    const after = typeof y[keyword] === 'number' ? y[keyword] : undefined;
    if (before === after) continue;
    const looser = kind === 'max' ? after === undefined || (before !== undefined && after > before) : after === undefined || (before !== undefined && after < before);
    out.push({ pointer, code: 'limit-changed', before: before ?? null, after: after ?? null, direction: looser ? 'added' : 'removed', keyword });
  }
}

function compareEnum(x: Node, y: Node, pointer: string, out: RawChange[]): void {
  const before = Array.isArray(x.enum) ? x.enum : undefined;
  const after = Array.isArray(y.enum) ? y.enum : undefined;
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    out.push({ pointer, code: 'enum-constraint-added', before: null, after, direction: 'removed' });
    return;
  }
  if (after === undefined) {
    out.push({ pointer, code: 'enum-constraint-removed', before, after: null, direction: 'added' });
    return;
  }
  const key = (value: unknown) => JSON.stringify(value);
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  if (after.some((value) => !had.has(key(value)))) {
    out.push({ pointer, code: 'enum-value-added', before, after, direction: 'added' });
  }
  if (before.some((value) => !has.has(key(value)))) {
    out.push({ pointer, code: 'enum-value-removed', before, after, direction: 'removed' });
  }
}

/** The values of `after` missing from `before`, for messages. */
export function enumDelta(before: unknown, after: unknown): unknown[] {
  if (!Array.isArray(after)) return [];
  const had = new Set((Array.isArray(before) ? before : []).map((value) => JSON.stringify(value)));
  return after.filter((value) => !had.has(JSON.stringify(value)));
}
