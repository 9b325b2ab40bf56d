/**
 * Virtual-hosted S3 requests, the SDKs' default (`GET /key` to `bucket-a.localhost:PORT`), are
 * made path-style as soon as they are read: the bucket moves from the Host to the front of the
 * path (`GET /bucket-a/key`), the Host keeps the endpoint (`localhost:PORT`), and
 * `addressing: 'virtual-hosted'` remembers how it came. The Host is never recorded (its port
 * changes from run to run, the endpoint from machine to machine), so without this two buckets'
 * `GET /key` would be one request in the cassette. Routing, matching, recording and the
 * contracts then see one form: a request replays whether it was recorded path-style or
 * virtual-hosted (a client that switched `forcePathStyle` still hits), and the bucket is
 * always part of its identity. Forwarding turns it back (`sentAddress`).
 */
import { signingServiceOf } from '../core/aws-service.js';
import type { RecordedRequest } from '../core/exchange.js';
import { hostedPath, virtualHostedAddress } from '../contracts/wire/s3-address.js';
import { isIP } from 'node:net';
import { signsLikeS3 } from './s3-signing.js';

export interface AddressedRequest {
  request: RecordedRequest;
  /** The request target (`/path?query`) of that request: what the route cache and the matcher key on. */
  target: string;
}

/**
 * The request path-style when it is an S3 request that named its bucket in the Host; else
 * `request` and `target` as they are. An S3 request is one signed for S3, or an unsigned one
 * to an S3 Host (the router takes those for S3 too); a request signed for another service
 * keeps its path, whatever its Host. `endpointHosts`: names of this proxy a bucket label may
 * stand in front of (`--allow-host`), besides `localhost` and AWS's S3 endpoints.
 */
export function pathStyleRequest(request: RecordedRequest, target: string, endpointHosts: readonly string[]): AddressedRequest {
  const host = request.headers.host;
  if (host === undefined) return { request, target };
  const address = virtualHostedAddress(host, request.path, endpointHosts);
  if (address?.endpointHost === undefined) return { request, target };
  // The signing scope, not the Host: an unsigned `bucket.s3.amazonaws.com` names the bucket where a Host names a service.
  const signedFor = signingServiceOf(request.headers);
  if (signedFor !== null && !signsLikeS3(signedFor)) return { request, target };
  const mark = target.indexOf('?');
  // Written out, not `{...request, addressing}`: V8 takes microseconds to add a key to a spread copy.
  // `Required` makes a field RecordedRequest gains later a compile error here, never silently dropped.
  const made = {
    method: request.method,
    path: address.path,
    addressing: 'virtual-hosted',
    query: request.query,
    headers: { ...request.headers, host: address.endpointHost },
    body: request.body,
  } satisfies Required<RecordedRequest>;
  return { request: made, target: mark < 0 ? address.path : address.path + target.slice(mark) };
}

/** Where a request goes upstream: the path to send and sign, and a Host when it is not the upstream's own. */
export interface SentAddress {
  /** Without the query string, percent-encoding as the client sent it. */
  path: string;
  /** `bucket.` in front of the upstream's host; undefined: the upstream's host. */
  host?: string;
}

/**
 * The address to forward `request` to on `upstream`. A virtual-hosted request goes upstream
 * virtual-hosted, as the SDK would have sent it had it been pointed at the upstream: the
 * bucket label in front of the upstream's host (`bucket-a.s3.us-east-1.amazonaws.com`,
 * `bucket-a.localhost:4566`), the path without the bucket. Where the SDKs fall back to path
 * style, so does tapegate: an upstream named by an IP address cannot carry a bucket label,
 * and over https a dotted bucket (`my.bucket`) would not fit the endpoint's wildcard
 * certificate (`*.s3.us-east-1.amazonaws.com`).
 */
export function sentAddress(request: RecordedRequest, upstream: URL): SentAddress {
  if (request.addressing !== 'virtual-hosted') return { path: request.path };
  const hosted = hostedPath(request.path);
  const hostname = upstream.hostname.startsWith('[') ? upstream.hostname.slice(1, -1) : upstream.hostname;
  if (hosted === null || isIP(hostname) !== 0 || (upstream.protocol === 'https:' && hosted.bucket.includes('.'))) return { path: request.path };
  return { path: hosted.path, host: `${hosted.bucket}.${upstream.host}` };
}
