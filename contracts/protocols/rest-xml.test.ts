/**
 * Routing S3 requests by where they name their bucket: a virtual-hosted request routed as it
 * came (its bucket in the Host) is made path-style for S3's URI templates, signed or not; one
 * made path-style already at read (`addressing: virtual-hosted`) is routed as it is; an
 * unsigned path-style request to a Host that names no bucket is not tried on S3 at all.
 */
import { describe, expect, it } from 'vitest';
import { bundledContracts } from '../load.js';
import { ContractRouter, type RouteRequest } from '../service-router.js';

const signed = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;

function request(method: string, host: string, path: string, query: Record<string, string[]> = {}, headers: Record<string, string> = {}): RouteRequest {
  return { method, path, query, headers: { host, ...headers } };
}

describe('the rest-xml router on S3 requests', () => {
  const router = new ContractRouter(bundledContracts());

  it('moves a signed virtual-hosted request’s bucket from the Host to the path', () => {
    const hosted = request('GET', 'photos.s3.us-east-1.amazonaws.com', '/cats/a%20b.jpg', {}, { authorization: signed });
    expect(router.route(hosted)).toEqual({ operation: 's3.GetObject', labels: { Bucket: 'photos', Key: 'cats/a b.jpg' } });
    const listing = request('GET', 'photos.s3.us-east-1.amazonaws.com', '/', { 'list-type': ['2'] }, { authorization: signed });
    expect(router.route(listing)).toEqual({ operation: 's3.ListObjectsV2', labels: { Bucket: 'photos' } });
  });

  it('tries an unsigned request on S3 when its Host names a bucket, and makes it path-style there', () => {
    expect(router.route(request('PUT', 'bucket-a.localhost:4010', '/key', { tagging: [''] }))).toEqual({
      operation: 's3.PutObjectTagging',
      labels: { Bucket: 'bucket-a', Key: 'key' },
    });
  });

  it('routes a request made path-style at read as it is, not moving a bucket twice', () => {
    // The proxy moved `bucket-a` from `bucket-a.localhost:4010`; the Host left is the endpoint's.
    const read: RouteRequest = { ...request('GET', 'localhost:4010', '/bucket-a/key'), addressing: 'virtual-hosted' };
    expect(router.route(read)).toEqual({ operation: 's3.GetObject', labels: { Bucket: 'bucket-a', Key: 'key' } });
    // Had the Host still named a bucket, it would have been moved at read: the path is taken as it is.
    const kept: RouteRequest = { ...request('GET', 'bucket-a.localhost:4010', '/bucket-a/key'), addressing: 'virtual-hosted' };
    expect(router.route(kept)).toEqual({ operation: 's3.GetObject', labels: { Bucket: 'bucket-a', Key: 'key' } });
  });

  it('leaves an unsigned path-style request to a Host without a bucket to the other protocols', () => {
    expect(router.route(request('GET', 'localhost:4010', '/bucket-a/key'))).toBeNull();
  });
});
