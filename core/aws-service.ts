/**
 * Which AWS service an exchange belongs to, from what it carries. The SigV4 credential scope
 * is the authority (its service is the signing name: `apigateway`, `cognito-idp`, `sts`): it
 * is what AWS itself dispatches on, and it is the only thing that tells apart query-protocol
 * services behind one emulator endpoint (STS and CloudFormation both `POST /`). The cassette
 * never keeps `Authorization`, so the recorder stores the scope's service on the exchange
 * (`Exchange.service`); for cassettes without it, a Host under `amazonaws.com` names the
 * endpoint prefix, and an `X-Amz-Target` (`DynamoDB_20120810.DeleteTable`) its target prefix.
 */
import { ownValue } from './own.js';

function header(headers: Record<string, string>, lowerName: string): string | undefined {
  const direct = ownValue(headers, lowerName);
  if (direct !== undefined) return direct;
  for (const name of Object.keys(headers)) if (name.toLowerCase() === lowerName) return headers[name];
  return undefined;
}

const SCOPE_END = '/aws4_request';

/**
 * The service of a SigV4 `Authorization` header's credential scope, or null. Read with
 * `indexOf`, not a regular expression: the proxy's route cache asks it for every request.
 */
export function signingServiceOf(headers: Record<string, string>): string | null {
  const authorization = header(headers, 'authorization');
  if (authorization === undefined) return null;
  let first = 0;
  while (first < authorization.length && isScopeEnd(authorization.charCodeAt(first))) first++;
  if (!authorization.startsWith('AWS4-HMAC-SHA256', first)) return null;
  const at = authorization.indexOf('Credential=');
  if (at === -1) return null;
  const start = at + 'Credential='.length;
  let end = start;
  while (end < authorization.length && !isScopeEnd(authorization.charCodeAt(end))) end++;
  // KEY/DATE/REGION/SERVICE/aws4_request: four slashes, the last before the terminator.
  if (end - start <= SCOPE_END.length || !authorization.startsWith(SCOPE_END, end - SCOPE_END.length)) return null;
  const serviceEnd = end - SCOPE_END.length;
  const serviceStart = authorization.lastIndexOf('/', serviceEnd - 1) + 1;
  let slashes = 0;
  for (let i = authorization.indexOf('/', start); i !== -1 && i < end; i = authorization.indexOf('/', i + 1)) slashes++;
  if (slashes !== 4 || serviceStart <= start) return null;
  if (serviceEnd <= serviceStart || serviceEnd - serviceStart > 64) return null;
  for (let i = serviceStart; i < serviceEnd; i++) if (!isServiceChar(authorization.charCodeAt(i))) return null;
  return authorization.slice(serviceStart, serviceEnd);
}

/** `[a-z0-9-]`: a service name (1 to 64 of them) is a DNS-label-like word, never a path or a host. */
function isServiceChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45;
}

/** `,` or whitespace: where a `Credential=` value ends. */
function isScopeEnd(code: number): boolean {
  return code === 44 || code === 32 || code === 9 || code === 10 || code === 13;
}

/** The trimmed `X-Amz-Target` header, or null. */
export function amzTargetOf(headers: Record<string, string>): string | null {
  const value = header(headers, 'x-amz-target')?.trim();
  return value === undefined || value === '' ? null : value;
}

/** An S3 endpoint label: `s3`, `s3-us-west-2`, `s3-fips`, `s3-accelerate`, `s3express-usw2-az1`. */
const S3_LABEL = /^s3(?:$|-|express-)/;

/**
 * `cognito-idp` for `cognito-idp.us-east-1.amazonaws.com`; `s3` for a virtual-hosted S3 host
 * (`bucket.s3.amazonaws.com`, `bucket.s3.us-east-1.amazonaws.com`), whose first label is the
 * bucket; null for any other host.
 */
export function hostServiceOf(headers: Record<string, string>): string | null {
  const host = header(headers, 'host')?.trim().toLowerCase().replace(/:\d+$/, '');
  const match = host === undefined ? null : /^((?:[a-z0-9-]+\.)+)amazonaws\.com(?:\.cn)?$/.exec(host);
  if (match === null) return null;
  const labels = (match[1] as string).slice(0, -1).split('.');
  if (labels.slice(1).some((label) => S3_LABEL.test(label))) return 's3';
  // SERVICE.amazonaws.com or SERVICE.REGION.amazonaws.com; anything longer names no service we can tell.
  return labels.length <= 2 ? (labels[0] as string) : null;
}

/**
 * The service a live request names for routing: its credential scope's signing name, else an
 * `amazonaws.com` Host's endpoint prefix; null when it names none (an unsigned local call).
 */
export function namedServiceOf(headers: Record<string, string>): string | null {
  return signingServiceOf(headers) ?? hostServiceOf(headers);
}

export interface ServiceCarrier {
  service?: string;
  request: { headers: Record<string, string> };
}

/**
 * The service an exchange names, most reliable first: the one recorded with it, a credential
 * scope still in its headers, an `amazonaws.com` Host, the `X-Amz-Target` prefix. Null when
 * it names none (an exchange recorded before `service` was kept, against a local endpoint).
 */
export function serviceOfExchange(exchange: ServiceCarrier): string | null {
  const { headers } = exchange.request;
  if (exchange.service !== undefined) return exchange.service;
  const named = namedServiceOf(headers);
  if (named !== null) return named;
  const target = amzTargetOf(headers);
  return target === null ? null : target.split('.')[0] || null;
}
