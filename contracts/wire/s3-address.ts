/**
 * Where an S3 request names its bucket: in the Host (virtual-hosted style,
 * `bucket.s3.us-east-1.amazonaws.com`, `bucket.s3.amazonaws.com`, `bucket.s3-us-west-2…`,
 * dual-stack, accelerate, FIPS, S3 Express, other partitions' domains) or as the first path
 * segment (path style: `s3.us-east-1.amazonaws.com/bucket/key`, and what tapegate sees on
 * loopback: the SDK with `forcePathStyle`, or with an IP endpoint, which it always addresses
 * path-style). `bucket.localhost` and a bucket label in front of an endpoint host the caller
 * names (`endpointHosts`, the host the SDK was pointed at) are virtual-hosted too.
 * The answer carries the path in path style, so URI templates (`/{Bucket}/{Key+}`) match
 * either way.
 */
import { decodeSegment, encodeSegment } from '../uri-template.js';

export interface S3Address {
  style: 'virtual-hosted' | 'path';
  /** Undefined for requests about no bucket (ListBuckets) and for a malformed escape. */
  bucket?: string;
  /** The request path in path style: `/bucket/key` (percent-encoding kept). */
  path: string;
}

const DOMAINS = String.raw`amazonaws\.com(?:\.cn)?|amazonaws\.eu|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov`;
/** The S3 endpoint part of a host name, after the bucket label(s). */
const AWS_ENDPOINT = new RegExp(
  String.raw`^(?<bucket>.+)\.(?:s3(?:-fips|-accelerate|-external-1|-[a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d+)?(?:\.dualstack)?(?:\.[a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d+)?|s3express-[a-z0-9-]+\.[a-z]{2}-[a-z]+-\d+)\.(?:${DOMAINS})$`,
);

function hostName(host: string): string {
  const lower = host.toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  const colon = lower.lastIndexOf(':');
  return colon < 0 ? lower : lower.slice(0, colon);
}

function virtual(bucketLabel: string, path: string): S3Address {
  // Host names are case-insensitive, bucket names are lower case: the label is the bucket.
  const rest = path === '/' || path === '' ? '' : path;
  return { style: 'virtual-hosted', bucket: bucketLabel, path: `/${encodeSegment(bucketLabel)}${rest}` };
}

/** The bucket and path-style path of a request to `host` (with or without port) for `path`. */
export function s3Address(host: string, path: string, endpointHosts: readonly string[] = []): S3Address {
  const name = hostName(host);
  const aws = AWS_ENDPOINT.exec(name);
  if (aws?.groups?.bucket) return virtual(aws.groups.bucket, path);
  if (name.endsWith('.localhost')) return virtual(name.slice(0, -'.localhost'.length), path);
  for (const endpoint of endpointHosts) {
    const suffix = `.${hostName(endpoint)}`;
    if (name.endsWith(suffix) && name.length > suffix.length) return virtual(name.slice(0, -suffix.length), path);
  }
  const first = path.replace(/^\//, '').split('/')[0] ?? '';
  const bucket = first === '' ? null : decodeSegment(first);
  return { style: 'path', ...(bucket ? { bucket } : {}), path };
}
