import { describe, expect, it } from 'vitest';
import type { Body, Exchange, RecordedRequest } from '../../core/exchange.js';
import type { MissExplanation } from './explain.js';
import { Matcher, type MatcherOptions } from './matcher.js';

const UPDATE = 'apigateway.UpdateIntegrationResponse';
const GET = 'apigateway.GetIntegrationResponse';
const PATH = '/restapis/a1/resources/b2/methods/GET/integration/responses/200';

function req(overrides: Partial<RecordedRequest> = {}): RecordedRequest {
  return { method: 'PATCH', path: PATH, query: {}, headers: {}, body: { kind: 'empty' }, ...overrides };
}

const json = (value: unknown): Body => ({ kind: 'json', value });

function exchange(seq: number, operation: string | null, request: RecordedRequest): Exchange {
  return {
    seq,
    operation,
    request,
    response: { status: 200, headers: {}, body: { kind: 'empty' } },
    timing: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 1 },
  };
}

function patch(value: string, path = '/responseParameters/method.response.header.Access-Control-Allow-Origin'): Body {
  return json({ patchOperations: [{ op: 'replace', path, value }] });
}

function miss(matcher: Matcher, operation: string | null, request: RecordedRequest): MissExplanation {
  const result = matcher.match(operation, request);
  if (result.hit) throw new Error(`expected a miss, got #${result.exchange.seq}`);
  return result.explanation;
}

function cassette(options?: MatcherOptions): Matcher {
  return new Matcher(
    [
      exchange(0, GET, req({ method: 'GET' })),
      exchange(1, UPDATE, req({ path: PATH.replace('/200', '/400'), body: patch("'x'") })),
      exchange(2, 'apigateway.GetRestApis', req({ method: 'GET', path: '/restapis' })),
      exchange(3, UPDATE, req({ body: patch("'*'") })),
      exchange(4, UPDATE, req({ body: json({ patchOperations: [] }) })),
    ],
    options,
  );
}

describe('Matcher miss explanations', () => {
  it('names the differing JSON Pointer with both values and writes one paragraph', () => {
    const explanation = miss(cassette(), UPDATE, req({ body: patch("'x'") }));
    expect(explanation.reason).toBe('no-match');
    expect(explanation.operation).toBe(UPDATE);
    expect(explanation.closest?.exchange.seq).toBe(3);
    expect(explanation.closest?.relation).toBe('same operation');
    expect(explanation.differences).toEqual([{ pointer: '/body/patchOperations/0/value', recorded: "'*'", received: "'x'" }]);
    expect(explanation.message).toBe(
      `No recorded exchange matches ${UPDATE} PATCH ${PATH}. Closest: #3 (same operation). ` + `Differences: /body/patchOperations/0/value: recorded "'*'", received "'x'".`,
    );
  });

  it('prefers the same operation over an exchange on the same method and path', () => {
    // #0 has the same path; #1 and #3 share the operation. The operation wins.
    const explanation = miss(cassette(), UPDATE, req({ method: 'PATCH', body: patch("'*'", '/other') }));
    expect(explanation.closest?.exchange.operation).toBe(UPDATE);
    expect(explanation.closest?.exchange.seq).toBe(3);
    expect(explanation.differences.map((d) => d.pointer)).toEqual(['/body/patchOperations/0/path']);
  });

  it('picks the candidate with the fewest differences, with escaped pointer segments', () => {
    const explanation = miss(cassette(), UPDATE, req({ path: PATH.replace('/200', '/400'), body: patch("'y'") }));
    expect(explanation.closest?.exchange.seq).toBe(1);
    expect(explanation.differences).toEqual([{ pointer: '/body/patchOperations/0/value', recorded: "'x'", received: "'y'" }]);
    const templates = new Matcher([exchange(0, UPDATE, req({ body: json({ responseTemplates: { 'application/json': 'a' } }) }))]);
    const other = miss(templates, UPDATE, req({ body: json({ responseTemplates: { 'application/json': 'b' } }) }));
    expect(other.differences[0]?.pointer).toBe('/body/responseTemplates/application~1json');
  });

  it('falls back to the same method and path, then to anything', () => {
    const byPath = miss(cassette(), null, req({ method: 'GET', query: { format: ['x'] } }));
    expect(byPath.closest?.relation).toBe('same method and path');
    expect(byPath.closest?.exchange.seq).toBe(0);
    expect(byPath.differences).toEqual([
      { pointer: '/operation', recorded: GET, received: null },
      { pointer: '/query/format', recorded: undefined, received: 'x' },
    ]);
    // Nothing recorded for POST /restapis: #2 (GET /restapis) differs least.
    const anything = miss(cassette(), 'apigateway.CreateRestApi', req({ method: 'POST', path: '/restapis' }));
    expect(anything.closest?.relation).toBe('nearest of all');
    expect(anything.closest?.exchange.seq).toBe(2);
    expect(anything.differences.map((d) => d.pointer)).toEqual(['/operation', '/method']);
  });

  it('reports query, header and method differences under their pointers', () => {
    const matcher = new Matcher([exchange(0, GET, req({ method: 'GET', query: { limit: ['25'] }, headers: { 'x-custom': 'a' } }))], { matchHeaders: ['x-custom'] });
    const explanation = miss(matcher, GET, req({ method: 'HEAD', query: { limit: ['50'] }, headers: { 'x-custom': 'b' } }));
    expect(explanation.differences).toEqual([
      { pointer: '/method', recorded: 'GET', received: 'HEAD' },
      { pointer: '/query/limit', recorded: '25', received: '50' },
      { pointer: '/headers/x-custom', recorded: 'a', received: 'b' },
    ]);
  });

  it('does not blame ignored members, order of members, or percent-encoding', () => {
    const op = 'apigatewayv2.CreateApi';
    const matcher = new Matcher([exchange(0, op, req({ method: 'POST', path: '/v2/apis/%7Bx%7D', body: json({ a: 1, b: 2, clientToken: 'r' }) }))], {
      ignoreBody: { [op]: ['/clientToken'] },
    });
    const explanation = miss(matcher, op, req({ method: 'POST', path: '/v2/apis/{x}', body: json({ b: 2, a: 3, clientToken: 'n' }) }));
    expect(explanation.differences).toEqual([{ pointer: '/body/a', recorded: 1, received: 3 }]);
  });

  it('keeps the explanation bounded: five differences, short values', () => {
    const long = 'v'.repeat(500);
    const recorded = Object.fromEntries([...'abcdefgh'].map((k) => [k, long]));
    const received = Object.fromEntries([...'abcdefgh'].map((k) => [k, 'w']));
    const matcher = new Matcher([exchange(0, UPDATE, req({ body: json(recorded) }))]);
    const explanation = miss(matcher, UPDATE, req({ body: json(received) }));
    expect(explanation.differences).toHaveLength(5);
    expect(explanation.closest?.differenceCount).toBe(8);
    const first = explanation.differences[0]?.recorded as string;
    expect(first.length).toBeLessThanOrEqual(80);
    expect(first.endsWith('…')).toBe(true);
    expect(explanation.message).toContain('; and 3 more.');
    expect(explanation.message.length).toBeLessThan(1000);
  });

  it('compares at most maxCandidates exchanges on a miss', () => {
    // The best candidate sits past the cap, so the explanation cannot find it.
    const exchanges = [
      exchange(0, UPDATE, req({ body: json({ a: 1, b: 1 }) })),
      exchange(1, UPDATE, req({ body: json({ a: 1, b: 2 }) })),
      exchange(2, UPDATE, req({ body: json({ a: 2, b: 3 }) })),
    ];
    const request = req({ body: json({ a: 2, b: 3, c: 9 }) });
    const capped = miss(new Matcher(exchanges, { maxCandidates: 2 }), UPDATE, request);
    expect(capped.closest?.exchange.seq).toBe(0);
    const uncapped = miss(new Matcher(exchanges), UPDATE, request);
    expect(uncapped.closest?.exchange.seq).toBe(2);
    expect(uncapped.differences).toEqual([{ pointer: '/body/c', recorded: undefined, received: 9 }]);
  });

  it('says so when the cassette is empty', () => {
    const explanation = miss(new Matcher([]), UPDATE, req());
    expect(explanation.closest).toBeNull();
    expect(explanation.message).toBe(`No recorded exchange matches ${UPDATE} PATCH ${PATH}. The cassette holds no exchanges.`);
  });
});
