import { describe, expect, it } from 'vitest';
import { TapegateError } from '../core/errors.js';
import { decodeSegment, encodeSegment, fillUri, parseRequestUri } from './uri-template.js';

describe('parseRequestUri', () => {
  it('splits literals and labels', () => {
    expect(parseRequestUri('/restapis/{restapi_id}/resources/{resource_id}')).toEqual({
      segments: [
        { kind: 'literal', value: 'restapis' },
        { kind: 'label', name: 'restapi_id', greedy: false },
        { kind: 'literal', value: 'resources' },
        { kind: 'label', name: 'resource_id', greedy: false },
      ],
      queryLiterals: {},
    });
  });

  it('reads greedy labels', () => {
    expect(parseRequestUri('/{Bucket}/{Key+}').segments).toEqual([
      { kind: 'label', name: 'Bucket', greedy: false },
      { kind: 'label', name: 'Key', greedy: true },
    ]);
  });

  it('reads query literals, with and without a value', () => {
    expect(parseRequestUri('/restapis?mode=import')).toEqual({
      segments: [{ kind: 'literal', value: 'restapis' }],
      queryLiterals: { mode: 'import' },
    });
    expect(parseRequestUri('/{Bucket}?uploads&x-id=a%20b').queryLiterals).toEqual({ uploads: '', 'x-id': 'a b' });
  });

  it('treats the root and a trailing slash like the router does', () => {
    expect(parseRequestUri('/').segments).toEqual([]);
    expect(parseRequestUri('/v2/apis/').segments).toEqual(parseRequestUri('/v2/apis').segments);
  });

  it('decodes literal segments', () => {
    expect(parseRequestUri('/a%20b').segments).toEqual([{ kind: 'literal', value: 'a b' }]);
  });

  it.each([
    ['restapis', 'must start with "/"'],
    ['/a//b', 'empty segment'],
    ['/a/{}', 'not a valid label'],
    ['/a/{+}', 'not a valid label'],
    ['/a/{x{y}', 'not a valid label'],
    ['/a/{x}/{x}', 'appears twice'],
    ['/a/pre{x}', 'mixes a label'],
    ['/a/%zz', 'malformed percent escape'],
    ['/a?mode=%E0%A4%A', 'malformed percent escape'],
    ['/a?=x', 'has no name'],
    ['/a?m=1&m=2', 'appears twice'],
  ])('refuses %s', (uri, reason) => {
    expect(() => parseRequestUri(uri)).toThrow(TapegateError);
    expect(() => parseRequestUri(uri)).toThrow(reason);
  });
});

describe('fillUri', () => {
  it('percent-encodes a plain label as one segment', () => {
    expect(fillUri('/restapis/{restapi_id}/resources', { restapi_id: 'a b/c' })).toBe('/restapis/a%20b%2Fc/resources');
  });

  it('encodes the characters encodeURIComponent leaves alone', () => {
    expect(fillUri('/x/{id}', { id: "it's(*)!" })).toBe('/x/it%27s%28%2A%29%21');
  });

  it('keeps the slashes of a greedy label', () => {
    expect(fillUri('/files/{key+}/meta', { key: 'dir a/b c' })).toBe('/files/dir%20a/b%20c/meta');
  });

  it('keeps literals and query literals as written', () => {
    expect(fillUri('/restapis?mode=import', {})).toBe('/restapis?mode=import');
    expect(fillUri('/a%20b/{id}', { id: 'x' })).toBe('/a%20b/x');
  });

  it('refuses a missing or empty label value', () => {
    expect(() => fillUri('/x/{id}', {})).toThrow('label "id" has no value');
    expect(() => fillUri('/x/{id}', { id: '' })).toThrow(TapegateError);
  });
});

describe('segment coding', () => {
  it('decodes, and answers null for a malformed escape', () => {
    expect(decodeSegment('a%20b%2Fc')).toBe('a b/c');
    expect(decodeSegment('plain')).toBe('plain');
    expect(decodeSegment('%')).toBeNull();
    expect(decodeSegment('%E0%A4%A')).toBeNull();
  });

  it('round-trips', () => {
    const value = "a b/c?#%&+é'";
    expect(decodeSegment(encodeSegment(value))).toBe(value);
  });
});
