import { describe, expect, it } from 'vitest';
import { TapegateError } from '../../core/errors.js';
import type { Body, Exchange, RecordedRequest, RecordedResponse } from '../../core/exchange.js';
import { sampleExchange } from '../../test/support/samples/cassette-samples.js';
import { assertNoSecrets, scanForSecrets, type SecretHit } from './secret-scan.js';
import { createRng, randomAccessKeyId, randomSecretAccessKey, randomSessionToken, randomString } from '../../test/support/samples/secret-samples.js';
import { realisticApiGatewayExchanges } from '../../test/support/samples/secret-scan-fixtures.js';

const rng = createRng(0xc0ffee);
const key = (): string => randomAccessKeyId(rng);
const secret = (): string => randomSecretAccessKey(rng);
const token = (): string => randomSessionToken(rng);

function exchange(request: Partial<RecordedRequest> = {}, response: Partial<RecordedResponse> = {}): Exchange {
  return {
    seq: 3,
    operation: 'apigateway.CreateRestApi',
    request: { method: 'POST', path: '/restapis', query: {}, headers: {}, body: { kind: 'empty' }, ...request },
    response: { status: 201, headers: {}, body: { kind: 'empty' }, ...response },
    timing: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 12 },
  };
}

const json = (value: unknown): Body => ({ kind: 'json', value });
const bytes = (text: string): Body => ({ kind: 'bytes', bytes: new TextEncoder().encode(text) });
const hits = (e: Exchange): string[] => scanForSecrets(e).map((hit) => `${hit.kind} ${hit.part} ${hit.pointer}`);

describe('scanForSecrets: what it finds, and where', () => {
  it('finds access key ids anywhere: header values, path, query names and values, JSON names and strings, byte bodies', () => {
    const id = key();
    expect(hits(exchange({ headers: { 'x-debug': `signed with ${id}` } }))).toEqual(['access-key-id value /request/headers/x-debug']);
    expect(hits(exchange({ path: `/restapis/${id}/stages` }))).toEqual(['access-key-id value /request/path']);
    expect(hits(exchange({ query: { [id]: ['1'] } }))).toEqual(['access-key-id name /request/query/<hidden>']);
    expect(hits(exchange({ query: { q: ['a', `x${id}`] } }))).toEqual(['access-key-id value /request/query/q/1']);
    expect(hits(exchange({}, { body: json({ items: [{ tags: { [id]: 'v' } }] }) }))).toEqual(['access-key-id name /response/body/items/0/tags/<hidden>']);
    expect(hits(exchange({ body: bytes(`[default]\naws_access_key_id = ${id}\n`) }))).toEqual(['access-key-id value /request/body']);
  });

  it('finds session tokens by their prefix anywhere, and any long base64 under a token name', () => {
    expect(hits(exchange({ body: json({ description: `copy of ${token()} here` }) }))).toEqual(['session-token value /request/body/description']);
    const unprefixed = randomString(rng, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+', 180);
    expect(hits(exchange({ headers: { 'x-my-session-token': unprefixed } }))).toEqual(['session-token value /request/headers/x-my-session-token']);
    expect(hits(exchange({ body: json({ note: `AWS_SESSION_TOKEN=${unprefixed}` }) }))).toEqual(['session-token value /request/body/note']);
    expect(hits(exchange({ body: json({ note: unprefixed }) }))).toEqual([]);
  });

  it('finds a secret access key under a secret-ish name, after such a name and = or :, or right after a key id', () => {
    const s = secret();
    const found = {
      field: exchange({}, { body: json({ credentials: { accessKeyId: key(), secretAccessKey: s, sessionToken: token() } }) }),
      header: exchange({ headers: { 'x-aws-secret-access-key': s } }),
      query: exchange({ query: { Password: [s] } }),
      assignment: exchange({ body: json({ description: `rotate aws_secret_access_key = ${s} soon` }) }),
      quoted: exchange({ body: json({ template: `{"SecretAccessKey": "${s}"}` }) }),
      escaped: exchange({ body: json({ template: `{\\"SecretAccessKey\\":\\"${s}\\"}` }) }),
      pair: exchange({ body: json({ description: `${key()}:${s}` }) }),
      encodedPath: exchange({ path: `/x/secret%3D${encodeURIComponent(s)}` }),
    };
    expect(hits(found.field)).toEqual([
      'access-key-id value /response/body/credentials/accessKeyId',
      'secret-access-key value /response/body/credentials/secretAccessKey',
      'session-token value /response/body/credentials/sessionToken',
    ]);
    expect(hits(found.header)).toEqual(['secret-access-key value /request/headers/x-aws-secret-access-key']);
    expect(hits(found.query)).toEqual(['secret-access-key value /request/query/Password/0']);
    expect(hits(found.assignment)).toEqual(['secret-access-key value /request/body/description']);
    expect(hits(found.quoted)).toEqual(['secret-access-key value /request/body/template']);
    expect(hits(found.escaped)).toEqual(['secret-access-key value /request/body/template']);
    expect(hits(found.pair)).toEqual(['access-key-id value /request/body/description', 'secret-access-key value /request/body/description']);
    expect(hits(found.encodedPath)).toEqual(['secret-access-key value /request/path']);
  });

  it('looks at the original JSON text too when the parsed value is clean', () => {
    const e = exchange({ body: { kind: 'json', value: {}, raw: `{ "k": "${key()}" }` } });
    expect(hits(e)).toEqual(['access-key-id value /request/body']);
  });

  it('flags AWS’s documented example keys like any other key', () => {
    // Built in parts so that repository secret scanners do not stop at this file.
    const exampleId = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');
    const exampleSecret = ['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY'].join('/');
    expect(hits(exchange({ body: json({ accessKeyId: exampleId, secretAccessKey: exampleSecret }) }))).toEqual([
      'access-key-id value /request/body/accessKeyId',
      'secret-access-key value /request/body/secretAccessKey',
    ]);
  });

  it('never puts a secret in a pointer', () => {
    const planted = [key(), secret(), token()];
    const e = exchange(
      { query: { [planted[0]!]: [planted[1]!] }, headers: { [`x-${planted[1]!}`]: 'v' } },
      { body: json({ [planted[2]!]: { secret: planted[1] }, [`password=${planted[1]!}`]: 1 }) },
    );
    const found: SecretHit[] = scanForSecrets(e);
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (const hit of found) for (const value of planted) expect(hit.pointer).not.toContain(value);
  });
});

describe('scanForSecrets: what it leaves alone', () => {
  it('does not flag realistic API Gateway traffic: ids, ARNs, templates, API key values, pagination tokens, PEM, base64 blobs', () => {
    const flagged = realisticApiGatewayExchanges().flatMap((e) => scanForSecrets(e).map((hit) => `${e.operation} ${hit.kind} ${hit.pointer}`));
    expect(flagged).toEqual([]);
    for (let seq = 0; seq < 50; seq++) expect(scanForSecrets(sampleExchange(seq))).toEqual([]);
  });

  it('does not flag a 40-character run without a secret context, inside an ARN, or without both letter cases', () => {
    const s = secret();
    expect(hits(exchange({ body: json({ value: s, description: `see ${s}` }) }))).toEqual([]);
    const role = `arn:aws:iam::210987654321:role/${randomString(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 35)}`;
    expect(hits(exchange({ body: json({ credentials: role }) }))).toEqual([]);
    expect(hits(exchange({ body: json({ tokenSha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709', nextToken: randomString(rng, 'ABCDEFGHIJabcdefghij0123456789/+', 40) }) }))).toEqual(
      [],
    );
  });
});

describe('assertNoSecrets', () => {
  it('passes a clean exchange', () => {
    expect(() => assertNoSecrets(sampleExchange(1), 'apigateway.UpdateIntegrationResponse')).not.toThrow();
  });

  it('throws a TapegateError that says where and what, never the value', () => {
    const s = secret();
    const e = exchange({ body: json({ name: 'api', description: `aws_secret_access_key=${s}` }) });
    let error: unknown;
    try {
      assertNoSecrets(e, 'apigateway.CreateRestApi');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TapegateError);
    const message = (error as TapegateError).message;
    expect(message).toBe(
      'Failed to record "apigateway.CreateRestApi" (exchange 3): it holds what looks like an AWS secret access key at /request/body/description; ' +
        'the exchange was not written. Remove the secret or add a redaction rule.',
    );
    expect(message).not.toContain(s);
  });

  it('lists several hits and hides a secret that got into the label', () => {
    const id = key();
    const e = exchange({ path: `/restapis/${id}`, headers: { 'x-secret': secret() } }, { body: json({ sessionToken: token() }) });
    expect(() => assertNoSecrets(e, `POST /restapis/${id}`)).toThrow(
      'Failed to record "POST /restapis/<hidden>" (exchange 3): it holds what looks like an AWS access key id at /request/path, ' +
        'an AWS secret access key at /request/headers/x-secret and an AWS session token at /response/body/sessionToken;',
    );
  });
});
