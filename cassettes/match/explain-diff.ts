/**
 * Differences between a recorded request and a received one, as data: a JSON Pointer into
 * the request and the two values. The collector is bounded twice: it stops the walk after
 * `limit` differences (a candidate that already has more than the best one cannot win),
 * and it shortens long values so an explanation never carries a whole body.
 */
import { appendPointer } from '../../core/json-pointer.js';
import { ownValue } from '../../core/own.js';

export interface Difference {
  /** Into the request: `/method`, `/path`, `/query/limit`, `/headers/x-custom`, `/body/a/0`. */
  pointer: string;
  /**
   * The values, `undefined` when absent. Strings longer than `MAX_VALUE_CHARS` are cut
   * (ending in `…`); objects and arrays whose JSON is longer are replaced by that JSON, cut.
   */
  recorded: unknown;
  received: unknown;
}

export const MAX_VALUE_CHARS = 80;

/** Cuts text to `MAX_VALUE_CHARS`, marking the cut with `…`. */
export function truncate(text: string, max = MAX_VALUE_CHARS): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

/** A value small enough to keep in an explanation (see `Difference`). */
export function boundValue(value: unknown): unknown {
  if (typeof value === 'string') return truncate(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  const json = JSON.stringify(value) ?? '';
  return json.length <= MAX_VALUE_CHARS ? value : truncate(json);
}

export class DifferenceCollector {
  readonly differences: Difference[] = [];

  /** Stops collecting (and walking) once `limit` differences are found. */
  constructor(readonly limit: number) {}

  get full(): boolean {
    return this.differences.length >= this.limit;
  }

  add(pointer: string, recorded: unknown, received: unknown): void {
    if (this.full) return;
    this.differences.push({ pointer, recorded: boundValue(recorded), received: boundValue(received) });
  }
}

/** Minimal view of the ignore trie, so this file does not depend on how it is built. */
interface IgnoreNode {
  readonly terminal: boolean;
  child(key: string): IgnoreNode | undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Walks two JSON values side by side and reports each differing leaf (or the smallest
 * subtree whose type differs). Member order is ignored, array order is not; members
 * under `ignore` are skipped, like the key does.
 */
export function diffJson(recorded: unknown, received: unknown, pointer: string, ignore: IgnoreNode | undefined, out: DifferenceCollector): void {
  if (out.full || ignore?.terminal) return;
  if (Array.isArray(recorded) && Array.isArray(received)) {
    const length = Math.max(recorded.length, received.length);
    for (let i = 0; i < length && !out.full; i++) {
      diffJson(recorded[i], received[i], appendPointer(pointer, i), ignore?.child(String(i)), out);
    }
    return;
  }
  if (isPlainObject(recorded) && isPlainObject(received)) {
    const names = [...new Set([...Object.keys(recorded), ...Object.keys(received)])].sort();
    for (const name of names) {
      if (out.full) return;
      diffJson(ownValue(recorded, name), ownValue(received, name), appendPointer(pointer, name), ignore?.child(name), out);
    }
    return;
  }
  if (recorded !== received) {
    out.add(pointer, recorded, received);
  }
}
