/**
 * Two recorded JSON values of the same call, compared for what a client would notice:
 * fields added or gone (a gone field whose value reappears under a new name is a rename),
 * a value of another JSON type, and a different enum-like value (a short upper-case string
 * such as `CONVERT_TO_TEXT` or `AVAILABLE`). Other values (ids, dates, counts) are data that
 * differs between any two recordings, not drift.
 */
import { appendPointer } from '../core/json-pointer.js';
import type { DriftCode } from './types.js';

export interface ValueChange {
  pointer: string;
  code: Extract<DriftCode, 'field-added' | 'field-gone' | 'field-renamed' | 'value-type-changed' | 'enum-like-value-changed'>;
  before: unknown;
  after: unknown;
}

const ENUM_LIKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const ENUM_LIKE_MAX = 48;

export function isEnumLike(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 2 && value.length <= ENUM_LIKE_MAX && ENUM_LIKE.test(value);
}

export function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffValues(before: unknown, after: unknown, pointer: string): ValueChange[] {
  const out: ValueChange[] = [];
  const seen = new Set<string>();
  const push = (change: ValueChange): void => {
    // Array items share one pointer (`*`): the same fact in every item is reported once.
    const key = JSON.stringify([change.pointer, change.code, change.before, change.after]);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(change);
    }
  };
  const walk = (a: unknown, b: unknown, at: string): void => {
    const ta = jsonType(a);
    const tb = jsonType(b);
    if (ta !== tb) {
      push({ pointer: at, code: 'value-type-changed', before: ta, after: tb });
      return;
    }
    if (ta === 'string') {
      if (a !== b && isEnumLike(a) && isEnumLike(b)) push({ pointer: at, code: 'enum-like-value-changed', before: a, after: b });
      return;
    }
    if (ta === 'array') {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < Math.min(x.length, y.length); i++) walk(x[i], y[i], appendPointer(at, '*'));
      return;
    }
    if (ta === 'object') walkObject(a as Record<string, unknown>, b as Record<string, unknown>, at);
  };
  const walkObject = (a: Record<string, unknown>, b: Record<string, unknown>, at: string): void => {
    const gone = Object.keys(a).filter((key) => !Object.hasOwn(b, key));
    const added = Object.keys(b).filter((key) => !Object.hasOwn(a, key));
    for (const key of gone) {
      const renamed = added.findIndex((candidate) => same(a[key], b[candidate]));
      if (renamed >= 0) {
        const [to] = added.splice(renamed, 1);
        push({ pointer: appendPointer(at, key), code: 'field-renamed', before: key, after: to });
      } else {
        push({ pointer: appendPointer(at, key), code: 'field-gone', before: a[key], after: null });
      }
    }
    for (const key of added) push({ pointer: appendPointer(at, key), code: 'field-added', before: null, after: b[key] });
    for (const key of Object.keys(a)) if (Object.hasOwn(b, key)) walk(a[key], b[key], appendPointer(at, key));
  };
  walk(before, after, pointer);
  return out;
}
