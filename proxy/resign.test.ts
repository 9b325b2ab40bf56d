/**
 * Re-signing checked by another implementation: headers signed here with
 * @smithy/signature-v4 must verify with aws4 (the fake API Gateway's verifier), for the
 * upstream's host, with the path's percent-encoding and the query as they are sent.
 */
import { describe, expect, it } from 'vitest';
import { verifySigV4 } from '../test/support/fake-apigateway/sigv4-verify.js';
import { randomCredentials } from '../test/record-fixtures.js';
import { splitTarget } from './steps/read.js';
import { forwardedHeaders, resignHeaders, type RequestToSign } from './resign.js';

const clientHeaders = {
  host: '127.0.0.1:41234',
  authorization: 'AWS4-HMAC-SHA256 Credential=AKIDCLIENT/20260101/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=00',
  'x-amz-date': '20260101T000000Z',
  'x-amz-security-token': 'client-session-token',
  'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
  'x-amz-user-agent': 'aws-sdk-js/3.0.0',
  'amz-sdk-invocation-id': '6f0d1c1e-0000-4000-8000-000000000000',
  'content-type': 'application/json',
  connection: 'keep-alive',
  'transfer-encoding': 'chunked',
};

function request(target: string, rawTarget: string, body = ''): RequestToSign & { rawTarget: string } {
  const { path, query } = splitTarget(rawTarget);
  return { method: 'PATCH', target: new URL(target), path, query, headers: { ...clientHeaders }, body: Buffer.from(body), rawTarget };
}

function verify(req: RequestToSign & { rawTarget: string }, headers: Record<string, string>, credentials: ReturnType<typeof randomCredentials>, region: string): void {
  verifySigV4({ method: req.method, url: req.rawTarget, headers, body: req.body }, credentials, region);
}

describe('resignHeaders', () => {
  it('signs for the upstream host with the new credentials, aws4 agreeing', async () => {
    const credentials = randomCredentials(true);
    const req = request('http://127.0.0.1:4566', '/restapis/a1b2c3/resources/r%2F1/methods/GET?limit=25&position=a%2Fb&x=1&x=2', '{"patchOperations":[]}');
    const headers = await resignHeaders(req, { region: 'us-east-1', service: 'apigateway', credentials });
    expect(() => verify(req, headers, credentials, 'us-east-1')).not.toThrow();
    expect(headers.host).toBe('127.0.0.1:4566');
    expect(headers.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/\\d{8}/us-east-1/apigateway/aws4_request, SignedHeaders=`));
    expect(headers['x-amz-security-token']).toBe(credentials.sessionToken);
    expect(headers['x-amz-user-agent']).toBe('aws-sdk-js/3.0.0');
    expect(headers['content-length']).toBe(String(req.body.length));
  });

  it('a default port stays out of the Host header', async () => {
    const credentials = randomCredentials();
    const req = request('https://apigateway.eu-west-1.amazonaws.com', '/v2/apis');
    const headers = await resignHeaders(req, { region: 'eu-west-1', service: 'apigateway', credentials, signingDate: new Date('2026-01-01T00:00:00Z') });
    expect(headers.host).toBe('apigateway.eu-west-1.amazonaws.com');
    expect(headers['x-amz-date']).toBe('20260101T000000Z');
    expect(() => verify(req, headers, credentials, 'eu-west-1')).not.toThrow();
  });

  it('a signature for another region or secret does not verify (the check can fail)', async () => {
    const credentials = randomCredentials();
    const req = request('http://127.0.0.1:4566', '/v2/apis/abc');
    const headers = await resignHeaders(req, { region: 'us-west-2', service: 'apigateway', credentials });
    expect(() => verify(req, headers, credentials, 'us-east-1')).toThrow(/region/);
    expect(() => verify(req, headers, { ...credentials, secretAccessKey: 'other' }, 'us-west-2')).toThrow(/does not match/);
  });
});

describe('forwardedHeaders', () => {
  it('drops the client signature, its token and hop-by-hop headers, and sets Host and a true length', () => {
    const headers = forwardedHeaders(request('http://127.0.0.1:9', '/x', 'abc'));
    expect(Object.keys(headers).sort()).toEqual(['amz-sdk-invocation-id', 'content-length', 'content-type', 'host', 'x-amz-user-agent']);
    expect(headers).toMatchObject({ host: '127.0.0.1:9', 'content-length': '3' });
  });

  it('sends no content-length for a request that had no body and no length', () => {
    const req = request('http://127.0.0.1:9', '/x');
    const { 'transfer-encoding': _chunked, ...headers } = req.headers;
    expect(forwardedHeaders({ ...req, headers })['content-length']).toBeUndefined();
  });
});
