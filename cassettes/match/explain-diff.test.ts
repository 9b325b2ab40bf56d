import { describe, expect, it } from 'vitest';
import { DifferenceCollector, diffJson } from './explain-diff.js';
import { compareRequests } from './fields.js';
import { KeyOptions } from './key.js';
import type { RecordedRequest } from '../../core/exchange.js';

describe('names that are also Object.prototype properties', () => {
  it('a member only one side has is absent on the other, not an inherited function', () => {
    const out = new DifferenceCollector(10);
    diffJson({ a: 1 }, { a: 1, constructor: 2, toString: 3 }, '/body', undefined, out);
    expect(out.differences).toEqual([
      { pointer: '/body/constructor', recorded: undefined, received: 2 },
      { pointer: '/body/toString', recorded: undefined, received: 3 },
    ]);
  });

  it('query parameters and matched headers are compared as own values', () => {
    const request = (query: Record<string, string[]>, headers: Record<string, string>): RecordedRequest => ({ method: 'GET', path: '/x', query, headers, body: { kind: 'empty' } });
    const out = new DifferenceCollector(10);
    compareRequests(
      { operation: null, request: request({}, {}) },
      { operation: null, request: request({ constructor: ['1'] }, { constructor: 'x' }) },
      new KeyOptions({ matchHeaders: ['constructor'] }),
      out,
    );
    expect(out.differences).toEqual([
      { pointer: '/query/constructor', recorded: undefined, received: '1' },
      { pointer: '/headers/constructor', recorded: undefined, received: 'x' },
    ]);
  });
});
