/**
 * Where an S3 request names its bucket: in the Host (virtual-hosted style,
 * `bucket.s3.us-east-1.amazonaws.com`, `bucket.s3.amazonaws.com`, `bucket.s3-us-west-2…`,
 * dual-stack, accelerate, FIPS, S3 Express, other partitions' domains) or as the first path
 * segment (path style: `s3.us-east-1.amazonaws.com/bucket/key`, and what tapegate sees on
 * loopback: the SDK with `forcePathStyle`, or with an IP endpoint, which it always addresses
 * path-style). `bucket.localhost` and a bucket label in front of an endpoint host the caller
 * names (`endpointHosts`, the host the SDK was pointed at) are virtual-hosted too.
 * The answer carries the path in path style, so URI templates (`/{Bucket}/{Key+}`) match
 * either way; `hostedPath` turns such a path back into the bucket and the path a
 * virtual-hosted request sends.
 */
import { decodeSegment, encodeSegment } from '../uri-template.js';

export interface S3Address {
  style: 'virtual-hosted' | 'path';
  /** Undefined for requests about no bucket (ListBuckets) and for a malformed escape. */
  bucket?: string;
  /** The request path in path style: `/bucket/key` (percent-encoding kept). */
  path: string;
  /**
   * Virtual-hosted: the Host without the bucket label(s), port kept (`localhost:4566`,
   * `s3.us-east-1.amazonaws.com`): where the same request goes path-style.
   */
  endpointHost?: string;
}

const DOMAINS = String.raw`amazonaws\.com(?:\.cn)?|amazonaws\.eu|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov`;
/** The same domains as suffixes: the proxy asks about every request's Host, and most name none of them. */
const DOMAIN_SUFFIXES = ['.amazonaws.com', '.amazonaws.com.cn', '.amazonaws.eu', '.c2s.ic.gov', '.sc2s.sgov.gov', '.cloud.adc-e.uk', '.csp.hci.ic.gov'];
/** The S3 endpoint part of a host name, after the bucket label(s). */
const AWS_ENDPOINT = new RegExp(
  String.raw`^(?<bucket>.+)\.(?:s3(?:-fips|-accelerate|-external-1|-[a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d+)?(?:\.dualstack)?(?:\.[a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d+)?|s3express-[a-z0-9-]+\.[a-z]{2}-[a-z]+-\d+)\.(?:${DOMAINS})$`,
);

/** Host labels that percent-encoding leaves as they are. */
const PLAIN_LABEL = /^[a-z0-9._-]+$/;

function hostName(host: string): string {
  const lower = host.toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  const colon = lower.lastIndexOf(':');
  return colon < 0 ? lower : lower.slice(0, colon);
}

/** `name` (lower case, no port) is `bucketLabel.` plus the endpoint; `port` is what followed the name in the Host (`:4566` or ''). */
function virtual(bucketLabel: string, name: string, port: string, path: string): S3Address {
  // Host names are case-insensitive, bucket names are lower case: the label is the bucket.
  const rest = path === '/' || path === '' ? '' : path;
  const endpointHost = name.slice(bucketLabel.length + 1) + port;
  // A DNS label needs no escaping: skip encodeSegment, the dearest part of this on every virtual-hosted request.
  const segment = PLAIN_LABEL.test(bucketLabel) ? bucketLabel : encodeSegment(bucketLabel);
  return { style: 'virtual-hosted', bucket: bucketLabel, path: `/${segment}${rest}`, endpointHost };
}

/** The bucket label(s) a host name (lower case, no port) puts in front of an S3 endpoint, or null. */
function bucketLabelOf(name: string, endpointHosts: readonly string[]): string | null {
  if (DOMAIN_SUFFIXES.some((suffix) => name.endsWith(suffix))) {
    const aws = AWS_ENDPOINT.exec(name);
    if (aws?.groups?.bucket) return aws.groups.bucket;
  }
  if (name.endsWith('.localhost')) return name.slice(0, -'.localhost'.length);
  for (const endpoint of endpointHosts) {
    const suffix = `.${hostName(endpoint)}`;
    if (name.endsWith(suffix) && name.length > suffix.length) return name.slice(0, -suffix.length);
  }
  return null;
}

/**
 * The address of a request to `host` for `path` when the Host names its bucket
 * (virtual-hosted); null otherwise. Cheap for a Host that names none (the proxy asks for every
 * request it reads).
 */
export function virtualHostedAddress(host: string, path: string, endpointHosts: readonly string[] = []): S3Address | null {
  const name = hostName(host);
  const bucket = bucketLabelOf(name, endpointHosts);
  return bucket === null ? null : virtual(bucket, name, host.slice(name.length), path);
}

/** The bucket and path-style path of a request to `host` (with or without port) for `path`. */
export function s3Address(host: string, path: string, endpointHosts: readonly string[] = []): S3Address {
  const hosted = virtualHostedAddress(host, path, endpointHosts);
  if (hosted !== null) return hosted;
  const first = path.replace(/^\//, '').split('/')[0] ?? '';
  const bucket = first === '' ? null : decodeSegment(first);
  return { style: 'path', ...(bucket ? { bucket } : {}), path };
}

/**
 * A path-style path (`/bucket/key`, `/bucket`) as a virtual-hosted request sends it: the bucket
 * for the Host's first label and the rest of the path (`/key`, `/`), the inverse of what
 * `s3Address` does to a virtual-hosted request. Null when the path names no bucket, or one
 * that is no host label (a malformed escape, a `/` or `:` in it).
 */
export function hostedPath(path: string): { bucket: string; path: string } | null {
  const end = path.indexOf('/', 1);
  const first = end < 0 ? path.slice(1) : path.slice(1, end);
  const bucket = first === '' ? null : decodeSegment(first);
  if (bucket === null || !/^[a-z0-9][a-z0-9.-]*$/.test(bucket)) return null;
  const rest = end < 0 ? '' : path.slice(end);
  return { bucket, path: rest === '' ? '/' : rest };
}
