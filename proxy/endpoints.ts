/**
 * Where a signed AWS request goes: its SigV4 credential scope names the region and the
 * signing service, the region names the partition, and the partition the DNS suffix.
 * Pure functions, no I/O: the proxy forwards only to hosts these build (or to --upstream),
 * so a region or service that does not look like AWS's never becomes a host name.
 */
import type { ContractSet } from '../contracts/load.js';

/** `AKID/20260101/us-east-1/apigateway/aws4_request`, minus the key id (never kept). */
export interface CredentialScope {
  /** `YYYYMMDD`. */
  date: string;
  region: string;
  /** The signing name (`apigateway`), not the endpoint prefix. */
  service: string;
}

export interface Partition {
  name: 'aws' | 'aws-cn' | 'aws-us-gov';
  dnsSuffix: string;
}

const AWS: Partition = { name: 'aws', dnsSuffix: 'amazonaws.com' };
const AWS_CN: Partition = { name: 'aws-cn', dnsSuffix: 'amazonaws.com.cn' };
const AWS_US_GOV: Partition = { name: 'aws-us-gov', dnsSuffix: 'amazonaws.com' };

/**
 * Region shapes per partition. Deliberately narrow: a label of letters between a
 * two-letter area and a number, so whatever matches is also a safe DNS label. The ISO
 * partitions (us-iso-*, us-isob-*, eu-isoe-*) have other suffixes and are not supported.
 */
const US_GOV_REGION = /^us-gov-[a-z]+-\d{1,2}$/;
const CN_REGION = /^cn-[a-z]+-\d{1,2}$/;
const AWS_REGION = /^[a-z]{2}-[a-z]+-\d{1,2}$/;

/** The partition of `region`, or null when it does not look like a region tapegate forwards to. */
export function partitionOf(region: string): Partition | null {
  if (US_GOV_REGION.test(region)) return AWS_US_GOV;
  if (CN_REGION.test(region)) return AWS_CN;
  if (AWS_REGION.test(region) && !region.includes('-iso')) return AWS;
  return null;
}

/** `https://{endpointPrefix}.{region}.{dnsSuffix}`, or null for an unsupported region. */
export function awsEndpoint(endpointPrefix: string, region: string): URL | null {
  const partition = partitionOf(region);
  if (partition === null || !/^[a-z0-9][a-z0-9-]*$/.test(endpointPrefix)) return null;
  return new URL(`https://${endpointPrefix}.${region}.${partition.dnsSuffix}`);
}

/** Splits `Credential=KEY/DATE/REGION/SERVICE/aws4_request`; null unless all five parts are there. */
function scopeOf(credential: string): CredentialScope | null {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') return null;
  const [key, date, region, service] = parts as [string, string, string, string, string];
  if (key === '' || !/^\d{8}$/.test(date) || !/^[a-z0-9-]{1,64}$/.test(region) || !/^[a-z0-9-]{1,64}$/.test(service)) return null;
  return { date, region, service };
}

/**
 * The credential scope of a SigV4-signed request, from its `Authorization` header
 * (`AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`). Null when it holds
 * no well-formed scope. Never from an `X-Amz-Credential` query parameter: anyone can put one
 * in a URL (a link, a cross-site form), and it alone must not choose what tapegate signs for.
 */
export function parseCredentialScope(authorization: string | undefined): CredentialScope | null {
  if (authorization === undefined) return null;
  const match = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(authorization.trim());
  if (match === null) return null;
  for (const field of (match[1] as string).split(',')) {
    const [name, value] = field.trim().split('=', 2);
    if (name === 'Credential' && value !== undefined) return scopeOf(value);
  }
  return null;
}

/**
 * Signing name → endpoint prefix, from the loaded contracts (`apigateway` → `apigateway`
 * for both API Gateway versions). A signing name missing here is a service tapegate does
 * not know, and requests for it are refused rather than sent to a guessed host.
 */
export function endpointPrefixes(contracts: ContractSet): Map<string, string> {
  const prefixes = new Map<string, string>();
  for (const service of contracts.services) prefixes.set(service.signingName, service.endpointPrefix);
  return prefixes;
}

/** The signing name of the service an operation id belongs to (`apigatewayv2.CreateApi` → `apigateway`). */
export function signingNameOf(contracts: ContractSet, operation: string | null): string | null {
  if (operation === null) return null;
  return contracts.serviceOf.get(operation)?.signingName ?? null;
}
