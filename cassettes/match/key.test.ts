import { describe, expect, it } from 'vitest';
import type { Body, RecordedRequest } from '../../core/exchange.js';
import { canonicalRequest, compileKeyOptions, indexKey, keyOf, type MatchKeyOptions } from './key.js';
import { VOLATILE_HEADERS } from './volatile.js';

const OP = 'apigatewayv2.CreateApi';

function req(overrides: Partial<RecordedRequest> = {}): RecordedRequest {
  return { method: 'POST', path: '/v2/apis', query: {}, headers: {}, body: { kind: 'empty' }, ...overrides };
}

const json = (value: unknown): Body => ({ kind: 'json', value });
const bytes = (text: string): Body => ({ kind: 'bytes', bytes: new TextEncoder().encode(text) });

describe('keyOf', () => {
  it('ignores JSON member order at every depth', () => {
    const a = req({ body: json({ a: 1, b: { x: 1, y: 2 } }) });
    const b = req({ body: json({ b: { y: 2, x: 1 }, a: 1 }) });
    expect(keyOf(OP, a)).toBe(keyOf(OP, b));
  });

  it('keeps array order', () => {
    expect(keyOf(OP, req({ body: json({ a: [1, 2] }) }))).not.toBe(keyOf(OP, req({ body: json({ a: [2, 1] }) })));
  });

  it('sorts query names but keeps the order of one name’s values', () => {
    const a = req({ method: 'GET', query: { limit: ['25'], position: ['p'] } });
    const b = req({ method: 'GET', query: { position: ['p'], limit: ['25'] } });
    expect(keyOf(OP, a)).toBe(keyOf(OP, b));
    const c = req({ method: 'GET', query: { tag: ['x', 'y'] } });
    const d = req({ method: 'GET', query: { tag: ['y', 'x'] } });
    expect(keyOf(OP, c)).not.toBe(keyOf(OP, d));
    expect(keyOf(OP, a)).not.toBe(keyOf(OP, req({ method: 'GET', query: { limit: ['26'], position: ['p'] } })));
  });

  it('is unaffected by percent-encoding variants of the path', () => {
    const op = 'apigateway.GetResource';
    const a = req({ method: 'GET', path: '/restapis/a1/resources/%7Bproxy%2B%7D' });
    const b = req({ method: 'GET', path: '/restapis/a1/resources/{proxy+}' });
    const c = req({ method: 'GET', path: '/restapis/a1/resources/%7bproxy%2b%7d' });
    expect(keyOf(op, a)).toBe(keyOf(op, b));
    expect(keyOf(op, a)).toBe(keyOf(op, c));
    expect(keyOf(op, a)).not.toBe(keyOf(op, req({ method: 'GET', path: '/restapis/a1/resources/proxy' })));
  });

  it('separates operations and methods (method case-insensitive)', () => {
    expect(keyOf(OP, req())).not.toBe(keyOf('apigatewayv2.GetApis', req()));
    expect(keyOf(OP, req())).not.toBe(keyOf(null, req()));
    expect(keyOf(OP, req({ method: 'post' }))).toBe(keyOf(OP, req({ method: 'POST' })));
  });

  it('leaves headers out unless allow-listed, and then matches them case-insensitively', () => {
    const a = req({ headers: { 'x-custom': 'one', accept: 'a' } });
    const b = req({ headers: { 'x-custom': 'two', accept: 'b' } });
    expect(keyOf(OP, a)).toBe(keyOf(OP, b));
    const options: MatchKeyOptions = { matchHeaders: ['X-Custom'] };
    expect(keyOf(OP, a, options)).not.toBe(keyOf(OP, b, options));
    expect(keyOf(OP, a, options)).toBe(keyOf(OP, req({ headers: { 'X-CUSTOM': 'one' } }), options));
    // An absent allow-listed header is a value of its own.
    expect(keyOf(OP, req(), options)).not.toBe(keyOf(OP, a, options));
  });

  it('never lets volatile headers into the key, even when allow-listed', () => {
    const options: MatchKeyOptions = { matchHeaders: ['Authorization', 'X-Amz-Date', ...VOLATILE_HEADERS] };
    const signed = (n: number): RecordedRequest => req({ headers: Object.fromEntries(VOLATILE_HEADERS.map((name) => [name, `value-${n}`])) });
    expect(keyOf(OP, signed(1), options)).toBe(keyOf(OP, signed(2), options));
    expect(compileKeyOptions(options).matchHeaders).toEqual([]);
    expect(compileKeyOptions(options).droppedHeaders).toContain('authorization');
  });

  it('ignores body members by pointer, per operation, with ~1 escapes and *', () => {
    const options: MatchKeyOptions = {
      ignoreBody: {
        [OP]: ['/clientToken', '/tags/team~1owner', '/routes/*/id'],
      },
    };
    const a = req({
      body: json({ name: 'x', clientToken: 't1', tags: { 'team/owner': 'a', env: 'p' }, routes: [{ id: 1, k: 'r' }] }),
    });
    const b = req({
      body: json({ name: 'x', clientToken: 't2', tags: { 'team/owner': 'b', env: 'p' }, routes: [{ id: 2, k: 'r' }] }),
    });
    expect(keyOf(OP, a, options)).toBe(keyOf(OP, b, options));
    // Without the options, or under another operation, the members count again.
    expect(keyOf(OP, a)).not.toBe(keyOf(OP, b));
    expect(keyOf('apigatewayv2.UpdateApi', a, options)).not.toBe(keyOf('apigatewayv2.UpdateApi', b, options));
    // Members next to the ignored ones still count.
    const c = req({
      body: json({ name: 'x', clientToken: 't1', tags: { 'team/owner': 'a', env: 'q' }, routes: [{ id: 1, k: 'r' }] }),
    });
    expect(keyOf(OP, a, options)).not.toBe(keyOf(OP, c, options));
    // An ignored member that is absent matches one that is present.
    const d = req({ body: json({ name: 'x', tags: { env: 'p' }, routes: [{ k: 'r' }] }) });
    expect(keyOf(OP, a, options)).toBe(keyOf(OP, d, options));
  });

  it('rejects a bad ignore pointer with a TapegateError naming the operation', () => {
    expect(() => keyOf(OP, req(), { ignoreBody: { [OP]: ['clientToken'] } })).toThrow(/^Failed to parse "ignoreBody\["apigatewayv2.CreateApi"\]: clientToken"/);
  });

  it('compares non-JSON bodies by their bytes', () => {
    const op = 'apigateway.PutRestApi';
    expect(keyOf(op, req({ body: bytes('openapi: 3') }))).toBe(keyOf(op, req({ body: bytes('openapi: 3') })));
    expect(keyOf(op, req({ body: bytes('openapi: 3') }))).not.toBe(keyOf(op, req({ body: bytes('openapi: 2') })));
    expect(keyOf(op, req({ body: bytes('{}') }))).not.toBe(keyOf(op, req({ body: json({}) })));
    expect(keyOf(op, req({ body: bytes('') }))).toBe(keyOf(op, req()));
  });

  it('hashes a readable canonical form', () => {
    const text = canonicalRequest(OP, req({ body: json({ b: 1, a: 2 }), query: { z: ['1'], a: ['2'] } }));
    expect(text).toBe('"apigatewayv2.CreateApi"\nPOST\n/v2/apis\na=2&z=1\n\njson {"a":2,"b":1}');
  });
});

describe('indexKey', () => {
  it('is the readable form itself for short requests, a digest for long ones, and never confuses the two', () => {
    const short = req({ method: 'GET', path: '/v2/apis/a1', body: { kind: 'empty' } });
    expect(indexKey(OP, short)).toBe(canonicalRequest(OP, short));
    const long = req({ body: json({ name: 'x'.repeat(500) }) });
    const key = indexKey(OP, long);
    expect(key).not.toBe(canonicalRequest(OP, long));
    expect(key).not.toMatch(/\n/); // canonical forms always hold a newline, digests never
    expect(canonicalRequest(OP, short)).toMatch(/\n/);
    // Same identity rules as keyOf: member order does not matter.
    expect(indexKey(OP, req({ body: json({ a: 1, b: 2 }) }))).toBe(indexKey(OP, req({ body: json({ b: 2, a: 1 }) })));
  });
});
