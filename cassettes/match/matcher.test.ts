import { describe, expect, it } from 'vitest';
import { TapegateError } from '../../core/errors.js';
import type { Body, Exchange, RecordedRequest } from '../../core/exchange.js';
import { Matcher, type MatchResult, type MatcherOptions } from './matcher.js';

const GET_API = 'apigatewayv2.GetApi';

function req(overrides: Partial<RecordedRequest> = {}): RecordedRequest {
  return { method: 'GET', path: '/v2/apis/a1', query: {}, headers: {}, body: { kind: 'empty' }, ...overrides };
}

const json = (value: unknown): Body => ({ kind: 'json', value });

/** An exchange whose response body says which one it is. */
function exchange(seq: number, operation: string | null, request: RecordedRequest): Exchange {
  return {
    seq,
    operation,
    request,
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: json({ answer: seq }) },
    timing: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 5 },
  };
}

function servedSeq(result: MatchResult): number {
  if (!result.hit) throw new Error(`expected a hit, got: ${result.explanation.message}`);
  return result.exchange.seq;
}

function threeIdentical(options?: MatcherOptions): Matcher {
  return new Matcher(
    [
      exchange(0, GET_API, req()),
      exchange(1, 'apigatewayv2.GetApis', req({ path: '/v2/apis' })),
      exchange(2, GET_API, req({ headers: { 'x-amz-date': '20250101T000002Z' } })),
      exchange(3, GET_API, req({ headers: { 'x-amz-date': '20250101T000003Z' } })),
    ],
    options,
  );
}

describe('Matcher playback', () => {
  it('serves identical requests in recorded order', () => {
    const matcher = threeIdentical();
    const incoming = req({ headers: { 'x-amz-date': '20250601T120000Z', authorization: 'AWS4-HMAC-SHA256 ...' } });
    const answers = [0, 1, 2].map(() => {
      const result = matcher.match(GET_API, incoming);
      return result.hit ? result.exchange.response.body : null;
    });
    expect(answers).toEqual([json({ answer: 0 }), json({ answer: 2 }), json({ answer: 3 })]);
  });

  it("serves the last again after the end under repeat: 'last' (the default)", () => {
    const matcher = threeIdentical();
    const seqs = [0, 1, 2, 3, 4].map(() => servedSeq(matcher.match(GET_API, req())));
    expect(seqs).toEqual([0, 2, 3, 3, 3]);
    expect(matcher.stats()).toEqual({ served: 5, missed: 0, unused: 1 });
  });

  it("answers an explained miss after the end under repeat: 'error'", () => {
    const matcher = threeIdentical({ repeat: 'error' });
    for (const expected of [0, 2, 3]) expect(servedSeq(matcher.match(GET_API, req()))).toBe(expected);
    const result = matcher.match(GET_API, req());
    expect(result.hit).toBe(false);
    if (result.hit) return;
    expect(result.explanation.reason).toBe('exhausted');
    expect(result.explanation.recordedCount).toBe(3);
    expect(result.explanation.closest?.exchange.seq).toBe(3);
    expect(result.explanation.message).toContain('the 3 recorded exchanges for this request were all used');
    expect(result.explanation.message).toContain('apigatewayv2.GetApi GET /v2/apis/a1');
    expect(matcher.stats()).toEqual({ served: 3, missed: 1, unused: 1 });
  });

  it('counts use per exchange and lists the unused ones', () => {
    const matcher = threeIdentical();
    matcher.match(GET_API, req());
    matcher.match(GET_API, req());
    matcher.match(GET_API, req({ path: '/v2/apis/zz' }));
    expect(matcher.usage().map((u) => [u.exchange.seq, u.count])).toEqual([
      [0, 1],
      [1, 0],
      [2, 1],
      [3, 0],
    ]);
    expect(matcher.unused().map((e) => e.seq)).toEqual([1, 3]);
    expect(matcher.stats()).toEqual({ served: 2, missed: 1, unused: 2 });
  });

  it('rewinds playback and statistics on reset', () => {
    const matcher = threeIdentical();
    matcher.match(GET_API, req());
    matcher.match(GET_API, req());
    matcher.reset();
    expect(matcher.stats()).toEqual({ served: 0, missed: 0, unused: 4 });
    expect(servedSeq(matcher.match(GET_API, req()))).toBe(0);
  });

  it('queues an added exchange after those already recorded under its key', () => {
    const matcher = new Matcher([exchange(0, GET_API, req())], { repeat: 'error' });
    expect(matcher.match(GET_API, req({ path: '/v2/apis/b2' })).hit).toBe(false);
    matcher.add(exchange(1, GET_API, req({ path: '/v2/apis/b2' })));
    expect(servedSeq(matcher.match(GET_API, req({ path: '/v2/apis/b2' })))).toBe(1);
  });

  it('matches an allow-listed header and never a volatile one', () => {
    const recorded = [
      exchange(0, GET_API, req({ headers: { 'x-tenant': 'blue', 'user-agent': 'boto3/1' } })),
      exchange(1, GET_API, req({ headers: { 'x-tenant': 'green', 'user-agent': 'boto3/1' } })),
    ];
    const matcher = new Matcher(recorded, { matchHeaders: ['X-Tenant', 'User-Agent'] });
    expect(matcher.droppedHeaders).toEqual(['user-agent']);
    expect(servedSeq(matcher.match(GET_API, req({ headers: { 'x-tenant': 'green', 'user-agent': 'aws-cli/2' } })))).toBe(1);
    expect(servedSeq(matcher.match(GET_API, req({ headers: { 'x-tenant': 'blue' } })))).toBe(0);
    const miss = matcher.match(GET_API, req({ headers: { 'x-tenant': 'red' } }));
    expect(miss.hit).toBe(false);
    if (!miss.hit) {
      expect(miss.explanation.differences[0]).toEqual({ pointer: '/headers/x-tenant', recorded: 'blue', received: 'red' });
    }
  });

  it('replays ignored body members by pointer', () => {
    const op = 'apigatewayv2.CreateApi';
    const body = (token: string) => json({ name: 'pets', protocolType: 'HTTP', clientToken: token });
    const matcher = new Matcher([exchange(0, op, req({ method: 'POST', path: '/v2/apis', body: body('t-recorded') }))], {
      ignoreBody: { [op]: ['/clientToken'] },
    });
    expect(servedSeq(matcher.match(op, req({ method: 'POST', path: '/v2/apis', body: body('t-new') })))).toBe(0);
  });

  it('matches non-JSON bodies by bytes', () => {
    const op = 'apigateway.PutRestApi';
    const put = (text: string) => req({ method: 'PUT', path: '/restapis/a1', body: { kind: 'bytes', bytes: new TextEncoder().encode(text) } });
    const matcher = new Matcher([exchange(0, op, put('openapi: 3.0.1')), exchange(1, op, put('swagger: "2.0"'))]);
    expect(servedSeq(matcher.match(op, put('swagger: "2.0"')))).toBe(1);
    const miss = matcher.match(op, put('openapi: 3.1.0'));
    expect(miss.hit).toBe(false);
    if (!miss.hit) {
      expect(miss.explanation.differences).toEqual([{ pointer: '/body', recorded: 'openapi: 3.0.1', received: 'openapi: 3.1.0' }]);
    }
  });

  it('rejects invalid options with a TapegateError', () => {
    expect(() => new Matcher([], { repeat: 'first' as 'last' })).toThrow(TapegateError);
    expect(() => new Matcher([], { maxCandidates: 0 })).toThrow(/^Failed to configure "maxCandidates"/);
  });
});

describe('the request-line shortcut for body-less requests', () => {
  it('serves the same queue in order whether the line or the canonical form finds it', () => {
    const matcher = threeIdentical();
    const line = 'GET /v2/apis/a1';
    expect(servedSeq(matcher.match(GET_API, req(), line))).toBe(0);
    expect(servedSeq(matcher.match(GET_API, req(), line))).toBe(2);
    expect(servedSeq(matcher.match(GET_API, req()))).toBe(3);
    expect(matcher.stats()).toMatchObject({ served: 3, missed: 0 });
  });

  it('is not used when a header takes part in the identity, or for a request with a body', () => {
    const withHeader = new Matcher([exchange(0, GET_API, req({ headers: { 'x-tenant': 'a' } }))], { matchHeaders: ['x-tenant'], repeat: 'error' });
    const line = 'GET /v2/apis/a1';
    expect(withHeader.match(GET_API, req({ headers: { 'x-tenant': 'a' } }), line).hit).toBe(true);
    // Same line, another tenant: the line alone must not decide.
    expect(withHeader.match(GET_API, req({ headers: { 'x-tenant': 'b' } }), line).hit).toBe(false);

    const posted = new Matcher([exchange(0, GET_API, req({ method: 'POST', body: json({ a: 1 }) }))], { repeat: 'last' });
    expect(posted.match(GET_API, req({ method: 'POST', body: json({ a: 1 }) }), 'POST /v2/apis/a1').hit).toBe(true);
    expect(posted.match(GET_API, req({ method: 'POST', body: json({ a: 2 }) }), 'POST /v2/apis/a1').hit).toBe(false);
  });
});

describe('one request line, two services', () => {
  it("never serves one operation's recorded answer to another's request through the line", () => {
    // `GET /` of two services (their signing names told them apart when routed): one line, two operations.
    const root = req({ path: '/' });
    const matcher = new Matcher([exchange(0, 'alpha.ListThings', root), exchange(1, 'beta.ListThings', root)]);
    expect(servedSeq(matcher.match('beta.ListThings', root, 'GET /'))).toBe(1);
    expect(servedSeq(matcher.match('alpha.ListThings', root, 'GET /'))).toBe(0);
    expect(servedSeq(matcher.match('beta.ListThings', root, 'GET /'))).toBe(1);
  });
});
