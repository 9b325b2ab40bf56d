/**
 * Where a signed AWS request goes: its SigV4 credential scope names the region and the
 * signing service, the region names the partition (the AWS SDK's data, partitions.ts), and
 * the partition the DNS suffix. Pure functions, no I/O: the proxy forwards only to hosts these
 * build (or to --upstream), so a region or service that does not look like AWS's never becomes
 * a host name.
 */
import type { ContractSet } from '../contracts/load.js';
import { partitionOf } from './partitions.js';

export { partitionOf, type Partition } from './partitions.js';

/** `AKID/20260101/us-east-1/apigateway/aws4_request`, minus the key id (never kept). */
export interface CredentialScope {
  /** `YYYYMMDD`. */
  date: string;
  region: string;
  /** The signing name (`apigateway`), not the endpoint prefix. */
  service: string;
}

/**
 * A service as recording needs it: where its regional endpoint is, and its global one if it has
 * one. botocore's `metadata.globalEndpoint` (`iam.amazonaws.com`, `sts.amazonaws.com`) is the
 * host of the `aws` partition, which AWS signs for the partition's global region (us-east-1):
 * IAM has no other endpoint there. The contracts' header carries it (IAM, STS, S3), and
 * `endpointPrefixes` passes it on.
 */
export interface ServiceEndpoint {
  endpointPrefix: string;
  globalEndpoint?: string;
}

/** Where a request goes and the region its new signature is for (a global endpoint's, or the scope's). */
export interface AwsTarget {
  target: URL;
  signingRegion: string;
}

/**
 * The AWS endpoint of `service` in `region`: `https://{endpointPrefix}.{region}.{dnsSuffix}` with
 * the partition from the AWS SDK (partitions.ts), or the service's global endpoint in the
 * `aws` partition when the request is signed for that partition's global region. Null for a
 * region the SDK does not list, or a prefix that is not a host label.
 */
export function awsEndpoint(service: ServiceEndpoint | string, region: string): AwsTarget | null {
  const { endpointPrefix, globalEndpoint } = typeof service === 'string' ? { endpointPrefix: service, globalEndpoint: undefined } : service;
  const partition = partitionOf(region);
  if (partition === null || !/^[a-z0-9][a-z0-9-]*$/.test(endpointPrefix)) return null;
  if (globalEndpoint !== undefined && partition.name === 'aws' && region === partition.globalRegion && /^[a-z0-9.-]+\.amazonaws\.com$/.test(globalEndpoint)) {
    return { target: new URL(`https://${globalEndpoint}`), signingRegion: partition.globalRegion };
  }
  return { target: new URL(`https://${endpointPrefix}.${region}.${partition.dnsSuffix}`), signingRegion: region };
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
 * Signing name → endpoint, from the loaded contracts (`apigateway` → `apigateway` for both API
 * Gateway versions, `states` → `states` for Step Functions). A signing name missing here is a
 * service tapegate does not know, and requests for it are refused rather than sent to a
 * guessed host.
 */
export function endpointPrefixes(contracts: ContractSet): Map<string, ServiceEndpoint> {
  const prefixes = new Map<string, ServiceEndpoint>();
  for (const service of contracts.services) {
    prefixes.set(service.signingName, { endpointPrefix: service.endpointPrefix, ...(service.globalEndpoint === undefined ? {} : { globalEndpoint: service.globalEndpoint }) });
  }
  return prefixes;
}

/** The signing name of the service an operation id belongs to (`apigatewayv2.CreateApi` → `apigateway`). */
export function signingNameOf(contracts: ContractSet, operation: string | null): string | null {
  if (operation === null) return null;
  return contracts.serviceOf.get(operation)?.signingName ?? null;
}
