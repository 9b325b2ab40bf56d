import { describe, expect, it } from 'vitest';
import { canonicalBody, canonicalJson, canonicalPath, canonicalQuery } from './canonical.js';
import { compilePointerSet } from './json-pointer-set.js';

describe('canonicalJson', () => {
  it('sorts members at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 2, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":2}');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('drops ignored members and keeps ignored array elements in place', () => {
    const ignore = compilePointerSet(['/token', '/list/0'], 'test');
    expect(canonicalJson({ token: 'abc', name: 'x', list: [1, 2] }, ignore)).toBe('{"list":[?,2],"name":"x"}');
    expect(canonicalJson({ name: 'x', list: [9, 2] }, ignore)).toBe('{"list":[?,2],"name":"x"}');
  });
});

describe('canonicalPath', () => {
  it('gives one text for every percent-encoding of the same segments', () => {
    const expected = canonicalPath('/restapis/a1/resources/%7Bproxy%2B%7D');
    expect(canonicalPath('/restapis/a1/resources/{proxy+}')).toBe(expected);
    expect(canonicalPath('/restapis/a1/resources/%7bproxy+%7d')).toBe(expected);
  });

  it('keeps an encoded slash inside its segment', () => {
    expect(canonicalPath('/a%2Fb/c')).not.toBe(canonicalPath('/a/b/c'));
  });

  it('keeps a malformed escape as sent without colliding with its encoded form', () => {
    expect(canonicalPath('/x/%zz')).toBe('/x/%zz');
    expect(canonicalPath('/x/%25zz')).not.toBe(canonicalPath('/x/%zz'));
  });
});

describe('canonicalQuery', () => {
  it('sorts names, keeps each name’s values in order, treats no values as absent', () => {
    expect(canonicalQuery({ position: ['p'], limit: ['25'] })).toBe('limit=25&position=p');
    expect(canonicalQuery({ tag: ['b', 'a'] })).not.toBe(canonicalQuery({ tag: ['a', 'b'] }));
    expect(canonicalQuery({ a: [] })).toBe(canonicalQuery({}));
    expect(canonicalQuery({ 'a b': ['c&d'] })).toBe('a%20b=c%26d');
  });
});

describe('canonicalBody', () => {
  it('tells empty, JSON and bytes apart and treats empty bytes and {} as empty', () => {
    expect(canonicalBody({ kind: 'empty' })).toBe('empty');
    expect(canonicalBody({ kind: 'bytes', bytes: new Uint8Array() })).toBe('empty');
    // The SDKs send either for an input without members.
    expect(canonicalBody({ kind: 'json', value: {} })).toBe('empty');
    expect(canonicalBody({ kind: 'json', value: [] })).toBe('json []');
    expect(canonicalBody({ kind: 'json', value: { a: null } })).toBe('json {"a":null}');
    const a = canonicalBody({ kind: 'bytes', bytes: new TextEncoder().encode('hello') });
    const b = canonicalBody({ kind: 'bytes', bytes: new TextEncoder().encode('hellO') });
    expect(a).toMatch(/^bytes /);
    expect(a).not.toBe(b);
  });
});
