/**
 * RFC 6901 JSON Pointers: parsing, formatting and escaping of reference tokens.
 * `~1` stands for `/` and `~0` for `~`; any other `~` sequence is invalid.
 */
import { TapegateError } from './errors.js';

/** Escapes one reference token: `~` → `~0`, then `/` → `~1` (order matters). */
export function escapeSegment(segment: string): string {
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Reverses `escapeSegment`; throws on a `~` not followed by `0` or `1`. */
export function unescapeSegment(token: string, what = token): string {
  if (!token.includes('~')) return token;
  if (/~(?![01])/.test(token)) {
    throw new TapegateError(`Failed to parse "${what}": "~" must be followed by "0" or "1" in a JSON Pointer`, 2);
  }
  // RFC 6901 section 4 decodes `~1` before `~0`; the other order would turn `~01` into `/`.
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Splits a pointer into unescaped segments. `""` is the whole document (no segments);
 * anything else must start with `/`. `what` names the pointer's origin in errors.
 */
export function parsePointer(pointer: string, what = pointer): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) {
    throw new TapegateError(`Failed to parse "${what}": a JSON Pointer must be empty or start with "/"`, 2);
  }
  return pointer
    .slice(1)
    .split('/')
    .map((token) => unescapeSegment(token, what));
}

/** Joins segments into a pointer, escaping each one. */
export function formatPointer(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) out += '/' + escapeSegment(String(segment));
  return out;
}

/** Appends one segment to an existing pointer. */
export function appendPointer(pointer: string, segment: string | number): string {
  return pointer + '/' + escapeSegment(String(segment));
}

export interface PointerWalk {
  /** What the segments lead to; undefined when nothing is there. */
  value: unknown;
  /** Per segment: true when it indexed an array (drift folds those into `*`). */
  throughArray: boolean[];
}

/**
 * Follows unescaped `segments` from `root`: own members of objects only (never `constructor`
 * or `length`), and canonical indices of arrays (`0`, `12`; not `01`).
 */
export function walkPointer(root: unknown, segments: readonly string[]): PointerWalk {
  let value = root;
  const throughArray: boolean[] = [];
  for (const segment of segments) {
    if (Array.isArray(value)) {
      throughArray.push(true);
      value = /^(0|[1-9]\d*)$/.test(segment) ? value[Number(segment)] : undefined;
    } else {
      throughArray.push(false);
      value = typeof value === 'object' && value !== null && Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
    }
  }
  return { value, throughArray };
}
