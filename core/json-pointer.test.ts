import { describe, expect, it } from 'vitest';
import { TapegateError } from './errors.js';
import { escapeSegment, formatPointer, parsePointer } from './json-pointer.js';
import { compilePointerSet } from '../cassettes/match/json-pointer-set.js';

describe('parsePointer', () => {
  it('splits and unescapes per RFC 6901', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/')).toEqual(['']);
    expect(parsePointer('/responseTemplates/application~1json')).toEqual(['responseTemplates', 'application/json']);
    expect(parsePointer('/a~0b')).toEqual(['a~b']);
    // `~01` is `~` followed by `1`, never `/`.
    expect(parsePointer('/~01')).toEqual(['~1']);
  });

  it('rejects pointers without a leading slash and bad escapes', () => {
    expect(() => parsePointer('clientToken')).toThrow(TapegateError);
    expect(() => parsePointer('clientToken')).toThrow(/^Failed to parse "clientToken": /);
    expect(() => parsePointer('/a~2')).toThrow(/"~" must be followed by "0" or "1"/);
  });

  it('formats what it parses', () => {
    for (const pointer of ['/a/b', '/application~1json', '/x~0y/0', '/~01']) {
      expect(formatPointer(parsePointer(pointer))).toBe(pointer);
    }
    expect(escapeSegment('a/b~c')).toBe('a~1b~0c');
  });
});

describe('compilePointerSet', () => {
  it('marks pointer ends as terminal and leaves other members alone', () => {
    const root = compilePointerSet(['/clientToken', '/tags/owner'], 'test');
    expect(root?.child('clientToken')?.terminal).toBe(true);
    expect(root?.child('tags')?.terminal).toBe(false);
    expect(root?.child('tags')?.child('owner')?.terminal).toBe(true);
    expect(root?.child('name')).toBeUndefined();
  });

  it('lets `*` stand for any key or index and merges it with exact segments', () => {
    const root = compilePointerSet(['/items/*/id', '/items/0/extra'], 'test');
    const items = root?.child('items');
    expect(items?.child('7')?.child('id')?.terminal).toBe(true);
    expect(items?.child('7')?.child('extra')).toBeUndefined();
    expect(items?.child('0')?.child('id')?.terminal).toBe(true);
    expect(items?.child('0')?.child('extra')?.terminal).toBe(true);
  });

  it('returns nothing for an empty list and names the origin of a bad pointer', () => {
    expect(compilePointerSet([], 'test')).toBeUndefined();
    expect(() => compilePointerSet(['oops'], 'ignoreBody["apigatewayv2.CreateApi"]')).toThrow(/Failed to parse "ignoreBody\["apigatewayv2.CreateApi"\]: oops"/);
  });
});
