import { describe, expect, it } from 'vitest';
import { exchanges } from '../test/fixtures/drift/cassette-builder.js';
import { pairExchanges } from './pair-exchanges.js';

const get = (path: string, operation = 'apigateway.GetRestApi') => ({ operation, method: 'GET', path, status: 200 });

describe('pairExchanges', () => {
  it('pairs equal requests by key, repeats in order, whatever their position', () => {
    const before = exchanges([get('/restapis/a'), get('/restapis/b'), get('/restapis/a')]);
    const after = exchanges([get('/restapis/b'), get('/restapis/a'), get('/restapis/a')]);
    const { pairs, onlyBefore, onlyAfter } = pairExchanges(before, after);
    expect(pairs.map((p) => [p.before.seq, p.after.seq, p.by])).toEqual([
      [0, 1, 'key'],
      [1, 0, 'key'],
      [2, 2, 'key'],
    ]);
    expect(onlyBefore).toEqual([]);
    expect(onlyAfter).toEqual([]);
  });

  it('falls back to operation and order, and leaves what has no partner', () => {
    const before = exchanges([get('/restapis/a'), get('/restapis/b'), get('/apikeys/k', 'apigateway.GetApiKey')]);
    const after = exchanges([get('/restapis/x'), get('/domainnames/d', 'apigateway.GetDomainName')]);
    const { pairs, onlyBefore, onlyAfter } = pairExchanges(before, after);
    expect(pairs.map((p) => [p.before.request.path, p.after.request.path, p.by])).toEqual([['/restapis/a', '/restapis/x', 'order']]);
    expect(onlyBefore.map((e) => e.request.path)).toEqual(['/restapis/b', '/apikeys/k']);
    expect(onlyAfter.map((e) => e.request.path)).toEqual(['/domainnames/d']);
  });
});
