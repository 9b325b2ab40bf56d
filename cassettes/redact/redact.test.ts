import { describe, expect, it } from 'vitest';
import { TapegateError } from '../../core/errors.js';
import { AccountIdMap } from './account-ids.js';
import type { Body, Exchange, RecordedRequest } from '../../core/exchange.js';
import { keyOf } from '../match/key.js';
import { redactExchange, redactRequestForMatch } from './redact.js';
import { createRng, randomAccessKeyId, randomSessionToken } from '../../test/support/samples/secret-samples.js';
import { VOLATILE_HEADERS } from '../match/volatile.js';

const rng = createRng(0x5eed);
const A = '210987654321';
const B = '345678901234';
const OP = 'apigateway.PutIntegration';

function exchange(request: Partial<RecordedRequest> = {}, responseBody: Body = { kind: 'empty' }, responseHeaders: Record<string, string> = {}): Exchange {
  return {
    seq: 3,
    operation: OP,
    request: { method: 'PUT', path: '/restapis/a1/resources/r1/methods/GET/integration', query: {}, headers: {}, body: { kind: 'empty' }, ...request },
    response: { status: 201, headers: responseHeaders, body: responseBody },
    timing: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 12 },
  };
}

const json = (value: unknown, raw?: string): Body => (raw === undefined ? { kind: 'json', value } : { kind: 'json', value, raw });
const bytesText = (body: Body): string => (body.kind === 'bytes' ? Buffer.from(body.bytes).toString('latin1') : '');

describe('redactExchange: headers and query', () => {
  it('drops credential, cookie and volatile headers in any case, from requests and responses, and keeps the rest', () => {
    const token = randomSessionToken(rng);
    const headers: Record<string, string> = {
      Authorization: `AWS4-HMAC-SHA256 Credential=${randomAccessKeyId(rng)}/20250101/us-east-1/apigateway/aws4_request`,
      'X-Amz-Security-Token': token,
      cookie: 'session=abc',
      'proxy-authorization': 'Basic Zm9vOmJhcg==',
      'content-type': 'application/json',
      accept: 'application/json',
    };
    for (const name of VOLATILE_HEADERS) headers[name] = 'volatile';
    const redacted = redactExchange(exchange({ headers }, { kind: 'empty' }, { 'Set-Cookie': 'a=b', 'x-amzn-requestid': 'r-1' }));
    expect(redacted.request.headers).toEqual({ 'content-type': 'application/json', accept: 'application/json' });
    expect(redacted.response.headers).toEqual({ 'x-amzn-requestid': 'r-1' });
  });

  it('drops extra headers by name, any case', () => {
    const redacted = redactExchange(exchange({ headers: { 'x-api-key': 'k', 'X-Tenant': 't', accept: '*/*' } }, { kind: 'empty' }, { 'X-Api-Key': 'k' }), {
      extraHeaders: ['X-API-KEY', 'x-tenant'],
    });
    expect(redacted.request.headers).toEqual({ accept: '*/*' });
    expect(redacted.response.headers).toEqual({});
  });

  it('drops presigned-URL auth parameters case-insensitively and keeps every other value in order', () => {
    const query = {
      'X-Amz-Credential': [`${randomAccessKeyId(rng)}/20250101/us-east-1/apigateway/aws4_request`],
      'x-amz-signature': ['ab'.repeat(32)],
      'X-AMZ-SECURITY-TOKEN': [randomSessionToken(rng)],
      'X-Amz-Date': ['20250101T000000Z'],
      'X-Amz-Algorithm': ['AWS4-HMAC-SHA256'],
      'X-Amz-SignedHeaders': ['host'],
      'X-Amz-Expires': ['900'],
      limit: ['25'],
      tag: ['b', 'a'],
    };
    expect(redactExchange(exchange({ query })).request.query).toEqual({ limit: ['25'], tag: ['b', 'a'] });
  });

  it('returns a new exchange and leaves its input as it was', () => {
    const input = exchange(
      { headers: { authorization: 'x', accept: 'a' }, query: { 'X-Amz-Date': ['d'] }, body: json({ accountId: A }) },
      json({ arn: `arn:aws:iam::${A}:role/r` }),
    );
    const before = structuredClone(input);
    const redacted = redactExchange(input, { redactAccountIds: true, accountIds: new AccountIdMap() });
    expect(input).toEqual(before);
    expect(redacted).not.toBe(input);
    expect(redacted.timing).toEqual(input.timing);
    expect(redacted.seq).toBe(3);
  });
});

describe('redactExchange: account ids', () => {
  it('gives an id the same placeholder in path, query, headers and bodies of request and response', () => {
    const map = new AccountIdMap();
    const request: Partial<RecordedRequest> = {
      path: `/tags/arn%3Aaws%3Aexecute-api%3Aus-east-1%3A${A}%3Aa1`,
      query: { ownerId: [A], filter: [`arn:aws:iam::${B}:role/x`] },
      headers: { 'x-amz-source-account': A },
      body: json({ credentials: `arn:aws:iam::${A}:role/apigw`, nested: [{ AccountId: B }], [`arn:aws:sns:us-east-1:${B}:t`]: 'key too' }),
    };
    const response = json({ uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:${B}:function:f/invocations`, ownerId: A });
    const redacted = redactExchange(exchange(request, response, { 'x-amz-account-id': B }), { redactAccountIds: true, accountIds: map });
    const text = JSON.stringify(redacted);
    expect(text).not.toContain(A);
    expect(text).not.toContain(B);
    // Canonical order: path first, so A is 1; query names sorted (filter before ownerId) make B 2.
    expect(redacted.request.path).toBe('/tags/arn%3Aaws%3Aexecute-api%3Aus-east-1%3A000000000001%3Aa1');
    expect(redacted.request.query).toEqual({ ownerId: ['000000000001'], filter: ['arn:aws:iam::000000000002:role/x'] });
    expect(redacted.request.headers).toEqual({ 'x-amz-source-account': '000000000001' });
    expect(redacted.request.body).toEqual(
      json({ credentials: 'arn:aws:iam::000000000001:role/apigw', nested: [{ AccountId: '000000000002' }], 'arn:aws:sns:us-east-1:000000000002:t': 'key too' }),
    );
    expect(redacted.response.headers).toEqual({ 'x-amz-account-id': '000000000002' });
    expect(redacted.response.body).toEqual(
      json({ uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000002:function:f/invocations', ownerId: '000000000001' }),
    );
    // The map carries over to the next exchange of the cassette.
    const next = redactExchange(exchange({ body: json({ accountId: B }) }), { redactAccountIds: true, accountIds: map });
    expect(next.request.body).toEqual(json({ accountId: '000000000002' }));
  });

  it('numbers the same way whatever order the SDK serialised members and parameters in', () => {
    const one = exchange({ query: { a: [`arn:aws:iam::${A}:root`], b: [`arn:aws:iam::${B}:root`] }, body: json({ x: `arn:aws:iam::${A}:root`, y: `arn:aws:iam::${B}:root` }) });
    const two = exchange({ query: { b: [`arn:aws:iam::${B}:root`], a: [`arn:aws:iam::${A}:root`] }, body: json({ y: `arn:aws:iam::${B}:root`, x: `arn:aws:iam::${A}:root` }) });
    const first = redactExchange(one, { redactAccountIds: true, accountIds: new AccountIdMap() });
    const second = redactExchange(two, { redactAccountIds: true, accountIds: new AccountIdMap() });
    expect(keyOf(OP, first.request)).toBe(keyOf(OP, second.request));
    expect(Object.keys((second.request.body as { value: object }).value)).toEqual(['y', 'x']);
  });

  it('leaves epoch milliseconds, plain 12-digit numbers and ids outside account places untouched', () => {
    const body = json({ createdDate: 1_700_000_000_000, size: 123_456_789_012, accountId: 123_456_789_012, id: A, description: `built ${A}` });
    const redacted = redactExchange(exchange({ body }, body), { redactAccountIds: true, accountIds: new AccountIdMap() });
    expect(redacted.request.body).toBe(body);
    expect(redacted.response.body).toBe(body);
  });

  it('keeps a JSON body’s original text when the same replacement fits it, and drops it when not', () => {
    const raw = `{ "role" : "arn:aws:iam::${A}:role/r" }`;
    const kept = redactExchange(exchange({ body: json({ role: `arn:aws:iam::${A}:role/r` }, raw) }), { redactAccountIds: true, accountIds: new AccountIdMap() });
    expect(kept.request.body).toEqual(json({ role: 'arn:aws:iam::000000000001:role/r' }, '{ "role" : "arn:aws:iam::000000000001:role/r" }'));
    const byName = redactExchange(exchange({ body: json({ accountId: A }, `{ "accountId" : "${A}" }`) }), { redactAccountIds: true, accountIds: new AccountIdMap() });
    expect(byName.request.body).toEqual(json({ accountId: '000000000001' }));
  });

  it('replaces ids inside byte bodies without touching any other byte', () => {
    const prefix = Buffer.from([0xff, 0x00, 0xc3]);
    const text = `x-amazon-apigateway-integration:\n  uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:${A}:function:f/invocations\n`;
    const body: Body = { kind: 'bytes', bytes: new Uint8Array(Buffer.concat([prefix, Buffer.from(text)])), encoding: 'gzip' };
    const redacted = redactExchange(exchange({}, body), { redactAccountIds: true, accountIds: new AccountIdMap() });
    expect(redacted.response.body.kind === 'bytes' && redacted.response.body.encoding).toBe('gzip');
    expect(bytesText(redacted.response.body)).toBe(prefix.toString('latin1') + text.replace(A, '000000000001'));
  });

  it('changes nothing when run again on its own output', () => {
    const map = new AccountIdMap();
    const options = { redactAccountIds: true, accountIds: map };
    const once = redactExchange(exchange({ headers: { authorization: 'x' }, body: json({ accountId: A, role: `arn:aws:iam::${B}:role/r` }) }), options);
    expect(redactExchange(once, options)).toEqual(once);
    expect(map.size).toBe(2);
  });

  it('refuses redactAccountIds without a map: every exchange needs the same one', () => {
    expect(() => redactExchange(exchange(), { redactAccountIds: true })).toThrow(TapegateError);
    expect(() => redactExchange(exchange(), { redactAccountIds: true })).toThrow(/Failed to redact "apigateway.PutIntegration": redactAccountIds needs an AccountIdMap/);
  });
});

describe('redactRequestForMatch', () => {
  const original: RecordedRequest = {
    method: 'PUT',
    path: '/restapis/a1/resources/r1/methods/GET/integration',
    query: { 'X-Amz-Date': ['20250101T000000Z'] },
    headers: { authorization: 'AWS4-HMAC-SHA256 …', 'x-tenant': 't1', 'content-type': 'application/json' },
    body: json({ type: 'AWS', credentials: `arn:aws:iam::${A}:role/apigw`, uri: `arn:aws:apigateway:us-east-1:sqs:path/${B}/q` }),
  };

  it('redacts an incoming request exactly as the recorded one was, so keyOf matches', () => {
    const map = new AccountIdMap();
    const options = { redactAccountIds: true, accountIds: map, extraHeaders: ['x-tenant'] };
    const recorded = redactExchange({ ...exchange(), request: original }, options).request;
    expect(redactRequestForMatch(structuredClone(original), options)).toEqual(recorded);
    expect(keyOf(OP, redactRequestForMatch(structuredClone(original), map))).toBe(keyOf(OP, recorded));
    const matchHeaders = { matchHeaders: ['x-tenant', 'content-type'] };
    expect(keyOf(OP, redactRequestForMatch(structuredClone(original), options), matchHeaders)).toBe(keyOf(OP, recorded, matchHeaders));
  });

  it('matches after a re-open: a fresh map fed the same scenario assigns the same placeholders', () => {
    const recordMap = new AccountIdMap();
    const later: RecordedRequest = { ...original, body: json({ role: `arn:aws:iam::${B}:role/other` }) };
    const recorded = [original, later].map((request) => redactExchange({ ...exchange(), request }, { redactAccountIds: true, accountIds: recordMap }).request);
    const reopened = new AccountIdMap();
    const incoming = [original, later].map((request) => redactRequestForMatch(structuredClone(request), reopened));
    expect(incoming.map((request) => keyOf(OP, request))).toEqual(recorded.map((request) => keyOf(OP, request)));
  });

  it('keeps the placeholders a replayed response served when the client sends them back', () => {
    const role = (id: string): RecordedRequest => ({ ...original, body: json({ credentials: `arn:aws:iam::${id}:role/r` }) });
    const options = { redactAccountIds: true, accountIds: new AccountIdMap() };
    // Recording: the client uses A, then B, then echoes A as AWS served it (the real id).
    const first = redactExchange({ ...exchange(), request: role(A) }, options);
    const recorded = [first.request, redactRequestForMatch(role(B), options), redactRequestForMatch(role(A), options)];
    // Replay: the client was served A's placeholder and echoes that.
    const served = (first.request.body as { value: { credentials: string } }).value.credentials.split(':')[4] as string;
    const reopened = new AccountIdMap();
    const incoming = [role(A), role(B), role(served)].map((request) => redactRequestForMatch(request, reopened));
    expect(served).toBe('000000000001');
    expect(incoming.map((request) => keyOf(OP, request))).toEqual(recorded.map((request) => keyOf(OP, request)));
  });

  it('with null redacts headers and query only', () => {
    const redacted = redactRequestForMatch(original, null);
    expect(redacted.headers).toEqual({ 'x-tenant': 't1', 'content-type': 'application/json' });
    expect(redacted.query).toEqual({});
    expect(redacted.body).toBe(original.body);
  });
});
