/**
 * Contract-driven redaction (cassettes/redact/sensitive-redact.ts) through `redactExchange`
 * and `redactRequestForMatch`, with the committed contracts' own lists (the seed operations'
 * neighbours) and a synthetic list for the places API Gateway does not use (headers, query,
 * blobs, errors). Here under test/ because it joins two layers: contracts and cassettes.
 */
import { describe, expect, it } from 'vitest';
import { TapegateError } from '../../core/errors.js';
import type { Body, Exchange, RecordedRequest } from '../../core/exchange.js';
import { REDACTED, REDACTED_BASE64, type SensitiveParts } from '../../core/sensitive.js';
import { bundledContracts } from '../../contracts/load.js';
import { sensitiveLookup } from '../../contracts/sensitive.js';
import { keyOf } from '../../cassettes/match/key.js';
import { redactExchange, redactRequestForMatch, type RedactOptions } from '../../cassettes/redact/redact.js';
import { scanForSecrets } from '../../cassettes/redact/secret-scan.js';
import { createRng, randomString } from '../support/samples/secret-samples.js';
import { randomPrivateKey } from '../support/samples/token-samples.js';

const rng = createRng(0x5e4517);
const options: RedactOptions = { sensitive: sensitiveLookup(bundledContracts()) };
const json = (value: unknown, raw?: string): Body => (raw === undefined ? { kind: 'json', value } : { kind: 'json', value, raw });
const apiKeyValue = (): string => randomString(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 40);

function exchange(operation: string, request: Partial<RecordedRequest>, status: number, body: Body, headers: Record<string, string> = {}): Exchange {
  return {
    seq: 0,
    operation,
    request: { method: 'POST', path: '/', query: {}, headers: {}, body: { kind: 'empty' }, ...request },
    response: { status, headers, body },
    timing: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 1 },
  };
}

describe('sensitive members of API Gateway operations', () => {
  it('CreateDomainName: the certificate private key is replaced, the rest stays, the raw text goes', () => {
    const key = randomPrivateKey(rng);
    const value = {
      domainName: 'api.example.com',
      certificateName: 'c',
      certificateBody: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      certificatePrivateKey: key,
    };
    const e = exchange('apigateway.CreateDomainName', { path: '/domainnames', body: json(value, JSON.stringify(value, null, 2)) }, 201, json({ domainName: 'api.example.com' }));
    const redacted = redactExchange(e, options);
    expect(redacted.request.body).toEqual(json({ ...value, certificatePrivateKey: REDACTED }));
    expect(e.request.body).toEqual(json(value, JSON.stringify(value, null, 2)));
    expect(scanForSecrets(redacted)).toEqual([]);
    // Without the contract's list the scanner would have refused it.
    expect(scanForSecrets(redactExchange(e)).map((hit) => hit.kind)).toContain('private-key');
  });

  it('CreateApiKey, GetApiKey, GetApiKeys, CreateUsagePlanKey: the key value in both directions', () => {
    const [mine, theirs, listed] = [apiKeyValue(), apiKeyValue(), apiKeyValue()];
    const created = redactExchange(
      exchange('apigateway.CreateApiKey', { path: '/apikeys', body: json({ name: 'k', value: mine, enabled: true }) }, 201, json({ id: 'k1', value: mine, name: 'k' })),
      options,
    );
    expect(created.request.body).toEqual(json({ name: 'k', value: REDACTED, enabled: true }));
    expect(created.response.body).toEqual(json({ id: 'k1', value: REDACTED, name: 'k' }));
    const got = redactExchange(
      exchange('apigateway.GetApiKey', { method: 'GET', path: '/apikeys/k1', query: { includeValue: ['true'] } }, 200, json({ id: 'k1', value: theirs })),
      options,
    );
    expect(got.response.body).toEqual(json({ id: 'k1', value: REDACTED }));
    expect(got.request.query).toEqual({ includeValue: ['true'] });
    const list = redactExchange(
      exchange('apigateway.GetApiKeys', { method: 'GET', path: '/apikeys' }, 200, json({ item: [{ id: 'a', value: listed }, { id: 'b' }], position: 'p' })),
      options,
    );
    expect(list.response.body).toEqual(json({ item: [{ id: 'a', value: REDACTED }, { id: 'b' }], position: 'p' }));
    const plan = redactExchange(
      exchange(
        'apigateway.CreateUsagePlanKey',
        { path: '/usageplans/u/keys', body: json({ keyId: 'k1', keyType: 'API_KEY' }) },
        201,
        json({ id: 'k1', type: 'API_KEY', value: theirs }),
      ),
      options,
    );
    expect(plan.response.body).toEqual(json({ id: 'k1', type: 'API_KEY', value: REDACTED }));
    expect(plan.request.body).toEqual(json({ keyId: 'k1', keyType: 'API_KEY' }));
  });

  it('ImportApiKeys: the CSV payload is replaced whole; TestInvokeMethod: header maps keep their names', () => {
    const csv = `name,key,enabled\nk,${apiKeyValue()},true\n`;
    const imported = redactExchange(
      exchange(
        'apigateway.ImportApiKeys',
        { path: '/apikeys', query: { mode: ['import'], format: ['csv'] }, body: { kind: 'bytes', bytes: Buffer.from(csv) } },
        201,
        json({ ids: ['k1'] }),
      ),
      options,
    );
    expect(imported.request.body).toEqual({ kind: 'bytes', bytes: Buffer.from(REDACTED) });
    const token = apiKeyValue();
    const invoked = redactExchange(
      exchange(
        'apigateway.TestInvokeMethod',
        { path: '/restapis/a/resources/r/methods/GET', body: json({ headers: { 'X-Api-Key': token, Accept: 'application/json' }, multiValueHeaders: { 'X-Api-Key': [token] } }) },
        200,
        json({ status: 200, log: `Method request headers: {X-Api-Key=${token}}` }),
      ),
      options,
    );
    expect(invoked.request.body).toEqual(json({ headers: { 'X-Api-Key': REDACTED, Accept: REDACTED }, multiValueHeaders: { 'X-Api-Key': [REDACTED] } }));
    expect(invoked.response.body).toEqual(json({ status: 200, log: REDACTED }));
  });

  it("Lambda's invocation payloads are kept (an overlay's keep), yet the scanner still refuses a credential in one", () => {
    const event = { kind: 'bytes' as const, bytes: Buffer.from('{"orderId":"o-1"}') };
    const result = { kind: 'bytes' as const, bytes: Buffer.from('{"status":"shipped"}') };
    const invoked = redactExchange(exchange('lambda.Invoke', { path: '/2015-03-31/functions/orders/invocations', body: event }, 200, result), options);
    expect(invoked.request.body).toEqual(event);
    expect(invoked.response.body).toEqual(result);
    const leaked = { kind: 'bytes' as const, bytes: Buffer.from('{"key":"AKIAIOSFODNN7EXAMPLE"}') };
    expect(scanForSecrets(redactExchange(exchange('lambda.Invoke', { body: event }, 200, leaked), options)).map((hit) => hit.kind)).toEqual(['access-key-id']);
  });

  it('a body the contract says holds a secret but that is not JSON: recording refuses, matching leaves it', () => {
    const bytes = Buffer.from(`{"name":"k","value":"${apiKeyValue()}"`, 'utf16le');
    const e = exchange('apigateway.CreateApiKey', { path: '/apikeys', body: { kind: 'bytes', bytes } }, 201, json({ id: 'k1' }));
    expect(() => redactExchange(e, options)).toThrow(TapegateError);
    expect(() => redactExchange(e, options)).toThrow(
      /^Failed to redact "apigateway\.CreateApiKey": its contract lists sensitive members in the body, but the body is \d+ bytes tapegate cannot read as JSON/,
    );
    expect(redactRequestForMatch(e.request, options, 'apigateway.CreateApiKey').body).toEqual(e.request.body);
  });

  it('two requests that differ only in a secret have the same key once redacted: replay matches a recording made with another key', () => {
    const request = (value: string): RecordedRequest => ({
      method: 'POST',
      path: '/apikeys',
      query: {},
      headers: { 'content-type': 'application/json' },
      body: json({ name: 'k', value }),
    });
    const recorded = redactExchange(exchange('apigateway.CreateApiKey', request(apiKeyValue()), 201, json({ id: 'k1' })), options);
    const incoming = redactRequestForMatch(request(apiKeyValue()), options, 'apigateway.CreateApiKey');
    expect(keyOf('apigateway.CreateApiKey', incoming)).toBe(keyOf('apigateway.CreateApiKey', recorded.request));
  });
});

describe('sensitive members at the places API Gateway does not use', () => {
  const parts: SensitiveParts = {
    request: [
      { pointer: '/headers/x-thing-token', type: 'string' },
      { pointer: '/query/key', type: 'string' },
      { pointer: '/body/blob', type: 'blob' },
    ],
    response: [{ pointer: '/body/env', type: 'map' }],
    errors: [{ pointer: '/body/echo', type: 'string' }],
  };
  const synthetic: RedactOptions = { sensitive: (operation) => (operation === 'things.PutThing' ? parts : undefined) };

  it('headers and query keep their names, a blob becomes base64, a map keeps its keys and numbers', () => {
    const e = exchange(
      'things.PutThing',
      { headers: { 'x-thing-token': 'abc', 'content-type': 'application/json' }, query: { key: ['k1', 'k2'], page: ['2'] }, body: json({ blob: 'c2VjcmV0', name: 'n' }) },
      200,
      json({ env: { DB_PASS: 'hunter2', PORT: 5432, LIST: ['a', 'b'] }, name: 'n' }),
    );
    const redacted = redactExchange(e, synthetic);
    expect(redacted.request.headers).toEqual({ 'x-thing-token': REDACTED, 'content-type': 'application/json' });
    expect(redacted.request.query).toEqual({ key: [REDACTED, REDACTED], page: ['2'] });
    expect(redacted.request.body).toEqual(json({ blob: REDACTED_BASE64, name: 'n' }));
    expect(redacted.response.body).toEqual(json({ env: { DB_PASS: REDACTED, PORT: 5432, LIST: [REDACTED, REDACTED] }, name: 'n' }));
  });

  it("an error response uses the error shapes' list", () => {
    const e = exchange('things.PutThing', {}, 400, json({ message: 'bad', echo: 'hunter2' }), { 'x-amzn-errortype': 'BadThing' });
    expect(redactExchange(e, synthetic).response.body).toEqual(json({ message: 'bad', echo: REDACTED }));
  });
});
