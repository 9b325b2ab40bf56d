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

const SERVICE_NAME = /^[a-z0-9-]{1,64}$/;

/** The service of a SigV4 `Authorization` header's credential scope, or null. */
export function signingServiceOf(headers: Record<string, string>): string | null {
  const authorization = header(headers, 'authorization');
  if (authorization === undefined) return null;
  const match = /Credential=([^,\s]+)/.exec(authorization);
  if (match === null || !authorization.trimStart().startsWith('AWS4-HMAC-SHA256')) return null;
  const parts = (match[1] as string).split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') return null;
  const service = parts[3] as string;
  return SERVICE_NAME.test(service) ? service : null;
}

/** The trimmed `X-Amz-Target` header, or null. */
export function amzTargetOf(headers: Record<string, string>): string | null {
  const value = header(headers, 'x-amz-target')?.trim();
  return value === undefined || value === '' ? null : value;
}

/** `cognito-idp` for `cognito-idp.us-east-1.amazonaws.com`; null for any other host. */
export function hostServiceOf(headers: Record<string, string>): string | null {
  const host = header(headers, 'host')?.trim().toLowerCase().replace(/:\d+$/, '');
  const match = host === undefined ? null : /^([a-z0-9-]+)\.(?:[a-z0-9-]+\.)?amazonaws\.com(?:\.cn)?$/.exec(host);
  return match === null ? null : (match[1] as string);
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
