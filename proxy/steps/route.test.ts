/**
 * The route cache keys on what decides the operation: the request line and the service the
 * request names, so a line two services share is routed once per service, never served from
 * another service's entry.
 */
import { describe, expect, it } from 'vitest';
import { bundledContracts } from '../../contracts/load.js';
import { ContractRouter } from '../../contracts/service-router.js';
import type { RouteRequest } from '../../contracts/service-router.js';
import { RouteCache } from './route.js';

const authorization = (service: string): string =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;

const TAGS = '/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Af';

function request(headers: Record<string, string>): RouteRequest {
  return { method: 'GET', path: TAGS, query: {}, headers };
}

describe('RouteCache', () => {
  it('one line signed for two services: each its own answer, whatever came first', () => {
    const cache = new RouteCache(new ContractRouter(bundledContracts()));
    const line = `GET ${TAGS}`;
    expect(cache.operationOf(line, request({ authorization: authorization('apigateway') }))).toBeNull();
    expect(cache.operationOf(line, request({ authorization: authorization('lambda') }))).toBe('lambda.ListTags');
    expect(cache.operationOf(line, request({ authorization: authorization('apigateway') }))).toBeNull();
    // Unsigned, with a loopback Host: the path alone decides.
    expect(cache.operationOf(line, request({ host: '127.0.0.1:4010' }))).toBe('lambda.ListTags');
    // An AWS Host names the service as a signature does.
    expect(cache.operationOf(line, request({ host: 'apigateway.us-east-1.amazonaws.com' }))).toBeNull();
  });

  it('an unsigned line path-style and the same line from a virtual-hosted S3 request: each its own answer', () => {
    const cache = new RouteCache(new ContractRouter(bundledContracts()));
    const line = 'GET /bucket-a/key';
    const pathStyle: RouteRequest = { method: 'GET', path: '/bucket-a/key', query: {}, headers: { host: 'localhost:4010' } };
    // Made path-style from `bucket-a.localhost:4010` (proxy/s3-addressing.ts): the Host named the bucket, so it is S3's.
    const hosted: RouteRequest = { ...pathStyle, addressing: 'virtual-hosted' };
    expect(cache.operationOf(line, pathStyle)).toBeNull();
    expect(cache.operationOf(line, hosted)).toBe('s3.GetObject');
    expect(cache.operationOf(line, pathStyle)).toBeNull();
  });
});
