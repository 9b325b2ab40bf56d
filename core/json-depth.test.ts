import { describe, expect, it } from 'vitest';
import { jsonTextTooDeep, jsonValueTooDeep, MAX_JSON_DEPTH } from './json-depth.js';

const arrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe('jsonTextTooDeep', () => {
  it('counts arrays and objects inside each other, up to and beyond the limit', () => {
    expect(jsonTextTooDeep(arrays(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonTextTooDeep(arrays(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(jsonTextTooDeep(Buffer.from('{"a":'.repeat(4) + '1' + '}'.repeat(4)), 3)).toBe(true);
    expect(jsonTextTooDeep(Buffer.from('{"a":'.repeat(3) + '1' + '}'.repeat(3)), 3)).toBe(false);
  });

  it('does not count siblings, brackets inside strings or escaped quotes', () => {
    expect(jsonTextTooDeep('[[1],[2],[3],[4]]', 2)).toBe(false);
    expect(jsonTextTooDeep(`["${'['.repeat(20)}"]`, 2)).toBe(false);
    expect(jsonTextTooDeep(`["\\"[[[[[[", [1]]`, 2)).toBe(false);
    expect(jsonTextTooDeep(`["\\\\", [[1]]]`, 2)).toBe(true);
  });

  it('reads a few megabytes in one pass', () => {
    const big = Buffer.from(`[${'"x",'.repeat(1_000_000)}1]`);
    const started = performance.now();
    expect(jsonTextTooDeep(big)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('jsonValueTooDeep', () => {
  it('stops at the limit whatever the depth, so it never overflows itself', () => {
    let value: unknown = 1;
    for (let i = 0; i < 200_000; i++) value = { a: [value] };
    expect(jsonValueTooDeep(value)).toBe(true);
    expect(jsonValueTooDeep(JSON.parse(arrays(MAX_JSON_DEPTH)))).toBe(false);
    expect(jsonValueTooDeep(JSON.parse(arrays(MAX_JSON_DEPTH + 1)))).toBe(true);
  });

  it('treats byte arrays and scalars as leaves', () => {
    expect(jsonValueTooDeep(new Uint8Array(10), 0)).toBe(false);
    expect(jsonValueTooDeep('text', 0)).toBe(false);
    expect(jsonValueTooDeep([], 0)).toBe(true);
  });
});
