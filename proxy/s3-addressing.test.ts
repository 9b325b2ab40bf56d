/**
 * A virtual-hosted S3 request is made path-style when read (its bucket from the Host to the
 * path, the Host without it) and only an S3 request is; forwarding gives it back its style,
 * except where the SDKs would not use it (an IP upstream, a dotted bucket over https).
 */
import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../core/exchange.js';
import { pathStyleRequest, sentAddress } from './s3-addressing.js';

const signedFor = (service: string): string =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;

function request(host: string, path: string, service: string | null = 's3'): RecordedRequest {
  const headers: Record<string, string> = { host, 'x-amz-date': '20260101T000000Z' };
  if (service !== null) headers.authorization = signedFor(service);
  return { method: 'GET', path, query: { 'list-type': ['2'] }, headers, body: { kind: 'empty' } };
}

describe('pathStyleRequest', () => {
  it('moves the bucket from the Host to the path, keeps the query in the target and the endpoint in the Host', () => {
    const read = request('bucket-a.localhost:4010', '/dir/a%20b.txt');
    const { request: made, target } = pathStyleRequest(read, '/dir/a%20b.txt?x-id=GetObject', []);
    expect(made).toEqual({ ...read, path: '/bucket-a/dir/a%20b.txt', addressing: 'virtual-hosted', headers: { ...read.headers, host: 'localhost:4010' } });
    expect(target).toBe('/bucket-a/dir/a%20b.txt?x-id=GetObject');
    // The request as read is left as it was.
    expect(read.path).toBe('/dir/a%20b.txt');
    expect(read.headers.host).toBe('bucket-a.localhost:4010');
  });

  it('puts the bucket of a bucket operation (GET / of ListObjectsV2) as the whole path', () => {
    expect(pathStyleRequest(request('photos.s3.us-east-1.amazonaws.com', '/'), '/?list-type=2', []).target).toBe('/photos?list-type=2');
  });

  it('reads a bucket label in front of a name of the proxy', () => {
    const { request: made } = pathStyleRequest(request('bucket-a.host.docker.internal:4010', '/k'), '/k', ['host.docker.internal']);
    expect([made.path, made.headers.host]).toEqual(['/bucket-a/k', 'host.docker.internal:4010']);
  });

  it('takes an unsigned request to an S3 Host for S3, as the router does', () => {
    const { request: made } = pathStyleRequest(request('photos.s3.amazonaws.com', '/k', null), '/k', []);
    expect([made.path, made.addressing]).toEqual(['/photos/k', 'virtual-hosted']);
  });

  it.each([
    ['a path-style request', request('localhost:4010', '/bucket-a/k')],
    ['an IP endpoint', request('127.0.0.1:4010', '/bucket-a/k')],
    ['a request signed for another service, whatever its Host', request('api.localhost:4010', '/restapis', 'apigateway')],
    ['a request without a Host', { ...request('x', '/k'), headers: {} }],
  ])('leaves %s as it is', (_what, read) => {
    const addressed = pathStyleRequest(read, `${read.path}?a=1`, []);
    expect(addressed.request).toBe(read);
    expect(addressed.target).toBe(`${read.path}?a=1`);
  });
});

describe('sentAddress', () => {
  const hosted: RecordedRequest = { ...request('localhost:1', '/bucket-a/dir/k'), addressing: 'virtual-hosted' };

  it('sends a virtual-hosted request virtual-hosted: the bucket label in front of the upstream host', () => {
    expect(sentAddress(hosted, new URL('http://localhost:4566'))).toEqual({ path: '/dir/k', host: 'bucket-a.localhost:4566' });
    expect(sentAddress(hosted, new URL('https://s3.us-east-1.amazonaws.com'))).toEqual({ path: '/dir/k', host: 'bucket-a.s3.us-east-1.amazonaws.com' });
    expect(sentAddress({ ...hosted, path: '/bucket-a' }, new URL('http://s3.localhost.localstack.cloud:4566'))).toEqual({
      path: '/',
      host: 'bucket-a.s3.localhost.localstack.cloud:4566',
    });
  });

  it('sends path-style where the SDKs would: an IP upstream, a dotted bucket over https', () => {
    expect(sentAddress(hosted, new URL('http://127.0.0.1:4566'))).toEqual({ path: '/bucket-a/dir/k' });
    expect(sentAddress(hosted, new URL('http://[::1]:4566'))).toEqual({ path: '/bucket-a/dir/k' });
    const dotted = { ...hosted, path: '/my.bucket/k' };
    expect(sentAddress(dotted, new URL('https://s3.us-east-1.amazonaws.com'))).toEqual({ path: '/my.bucket/k' });
    expect(sentAddress(dotted, new URL('http://localhost:4566'))).toEqual({ path: '/k', host: 'my.bucket.localhost:4566' });
  });

  it('sends any other request to its path as read', () => {
    expect(sentAddress(request('localhost:1', '/bucket-a/k'), new URL('http://localhost:4566'))).toEqual({ path: '/bucket-a/k' });
  });
});
