/**
 * Asking json-schema-diff member by member gives the verdict it gives on the whole pair:
 * each case here is checked against json-schema-diff itself on the unsplit schemas.
 */
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../contracts/types.js';
import { setDiff } from './schema-diff.js';
import { splitVerdict } from './split-verdict.js';

const closed = (properties: Record<string, unknown>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
  additionalProperties: false,
});
const str = (maxLength: number) => ({ type: 'string', maxLength });

const cases: [string, JsonSchema, JsonSchema, [boolean, boolean]][] = [
  ['same', closed({ a: str(5) }), closed({ a: str(5) }), [false, false]],
  ['a member grows', closed({ a: str(5), b: str(1) }), closed({ a: str(9), b: str(1) }), [true, false]],
  ['one grows, another shrinks', closed({ a: str(5), b: str(5) }), closed({ a: str(9), b: str(1) }), [true, true]],
  ['optional member added', closed({ a: str(5) }), closed({ a: str(5), b: true }), [true, false]],
  ['required member added', closed({ a: str(5) }), closed({ a: str(5), b: true }, ['b']), [true, true]],
  ['member removed', closed({ a: str(5), b: true }), closed({ a: str(5) }), [false, true]],
  ['member made required', closed({ a: str(5) }), closed({ a: str(5) }, ['a']), [false, true]],
  ['member made optional, and grows', closed({ a: str(5) }, ['a']), closed({ a: str(9) }), [true, false]],
  ['deep in a list', closed({ l: { type: 'array', items: closed({ x: str(5) }) } }), closed({ l: { type: 'array', items: closed({ x: str(3) }) } }), [false, true]],
  ['map values', { type: 'object', additionalProperties: str(5) }, { type: 'object', additionalProperties: str(7) }, [true, false]],
  ['different shells go whole', { type: 'array', items: str(5), maxItems: 2 }, { type: 'array', items: str(5), maxItems: 3 }, [true, false]],
  ['type changed', closed({ a: { type: 'integer' } }), closed({ a: { type: 'number' } }), [true, false]],
];

describe('splitVerdict', () => {
  it.each(cases)('%s: the verdict json-schema-diff gives on the whole pair', async (_name, x, y, expected) => {
    const whole = await setDiff(x, y);
    const split = await splitVerdict(x, y);
    expect([split.added, split.removed]).toEqual([whole.added, whole.removed]);
    expect([split.added, split.removed]).toEqual(expected);
  });

  it('asks the same question once, however often a shared definition repeats', async () => {
    const inner = (n: number) => closed({ x: str(n) });
    const many = (n: number) => closed(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`m${i}`, inner(n)])));
    const verdict = await splitVerdict(many(5), many(9));
    expect(verdict).toEqual({ added: true, removed: false, calls: 1 });
  });
});
