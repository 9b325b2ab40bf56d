import { describe, expect, it } from 'vitest';
import { diffValues, isEnumLike } from './json-value-diff.js';

describe('diffValues', () => {
  it('finds fields added, gone and renamed (a gone value that reappears under a new name)', () => {
    expect(diffValues({ a: 1, keep: 'x', old: 'CONVERT_TO_TEXT' }, { keep: 'x', renamed: 'CONVERT_TO_TEXT', b: true }, '/body')).toEqual([
      { pointer: '/body/a', code: 'field-gone', before: 1, after: null },
      { pointer: '/body/old', code: 'field-renamed', before: 'old', after: 'renamed' },
      { pointer: '/body/b', code: 'field-added', before: null, after: true },
    ]);
  });

  it('reports JSON type changes and enum-like values, and ignores ordinary data', () => {
    expect(
      diffValues({ n: 1, id: 'abc123', when: 1700000000, state: 'AVAILABLE', name: 'Demo' }, { n: '1', id: 'zzz999', when: 1800000000, state: 'FAILED', name: 'Other' }, '/body'),
    ).toEqual([
      { pointer: '/body/n', code: 'value-type-changed', before: 'number', after: 'string' },
      { pointer: '/body/state', code: 'enum-like-value-changed', before: 'AVAILABLE', after: 'FAILED' },
    ]);
  });

  it('walks list items under `*` and reports a fact shared by every item once', () => {
    const before = { item: [{ id: 'a' }, { id: 'b' }] };
    const after = { item: [{ id: 'a', mode: 'EDGE' }, { id: 'b', mode: 'EDGE' }, { id: 'c' }] };
    expect(diffValues(before, after, '/body')).toEqual([{ pointer: '/body/item/*/mode', code: 'field-added', before: null, after: 'EDGE' }]);
  });

  it('escapes member names in pointers', () => {
    expect(diffValues({}, { 'application/json': '{}' }, '/body/responseTemplates')).toEqual([
      { pointer: '/body/responseTemplates/application~1json', code: 'field-added', before: null, after: '{}' },
    ]);
  });

  it('tells enum-like strings from other strings', () => {
    expect(['HTTP', 'CONVERT_TO_TEXT', 'TLS_1_2', 'REGIONAL'].every(isEnumLike)).toBe(true);
    expect(['Http', 'abc', 'A', 'two words', 'a1b2c3', 'X'.repeat(60)].some(isEnumLike)).toBe(false);
  });
});
