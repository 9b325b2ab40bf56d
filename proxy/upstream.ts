/**
 * Deciding where one request is forwarded, and with which region and service it is signed.
 * Two sources only: the request's SigV4 credential scope (→ the AWS endpoint of its
 * partition) or `--upstream` (→ that one origin, for everything). Anything else is refused:
 * the proxy is not an open proxy, so the request target's authority and the `Host` header
 * never choose the destination.
 */
import { TapegateError } from '../core/errors.js';
import { awsEndpoint, partitionOf, type CredentialScope, type ServiceEndpoint } from './endpoints.js';

export interface UpstreamPlan {
  /** The origin to forward to (no path). */
  target: URL;
  /** Region and signing service of the new signature. */
  region: string;
  service: string;
  /** False: forwarded as it came, unsigned (an emulator's own call, to --upstream only). */
  sign: boolean;
}

export type UpstreamDecision = { ok: true; plan: UpstreamPlan } | { ok: false; message: string };

export interface UpstreamConfig {
  /** `--upstream`: every request goes here. */
  upstream?: URL;
  /** `--region`: sign for this region (and, without --upstream, forward to its endpoint). */
  region?: string;
  /** Signing name → endpoint of the services tapegate knows. */
  endpointPrefixes: ReadonlyMap<string, ServiceEndpoint>;
}

export interface RequestIdentity {
  /** From the request's Authorization header (or X-Amz-Credential), if it has one. */
  scope: CredentialScope | null;
  /** The signing name of the operation the router found, if any (used with --upstream only). */
  routedService: string | null;
  /** False when the request carries no Authorization header at all (absent: taken as signed). */
  signed?: boolean;
}

/** Region used with --upstream for a request that carries no scope and no --region was given. */
const FALLBACK_REGION = 'us-east-1';

function usage(what: string, reason: string, value: unknown): TapegateError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return new TapegateError(`Failed to parse "${what}": ${reason}, got ${shown}`, 2);
}

/**
 * `--upstream`: an http or https origin such as `http://127.0.0.1:4566`. No path, query,
 * fragment or credentials: the request's own path is appended, and a `user:pass@` would
 * leak into logs and is never what a SigV4 upstream wants.
 */
export function parseUpstream(value: unknown, what = '--upstream'): URL {
  const reason = 'expected an http or https URL with no path, query or credentials (e.g. http://127.0.0.1:4566)';
  let url: URL;
  try {
    url = value instanceof URL ? new URL(value.href) : new URL(typeof value === 'string' ? value.trim() : String(value));
  } catch {
    throw usage(what, reason, value);
  }
  const bad =
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.hostname === '' ||
    url.username !== '' ||
    url.password !== '' ||
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search !== '' ||
    url.hash !== '' ||
    (typeof value === 'string' && /[?#]/.test(value));
  if (bad) throw usage(what, reason, value instanceof URL ? value.href : value);
  return new URL(url.origin);
}

/** `--region`: a region of a partition the AWS SDK knows (aws, aws-cn, aws-us-gov, aws-eusc, the ISO ones). */
export function parseRegion(value: unknown, what = '--region'): string {
  if (typeof value === 'string' && partitionOf(value.trim()) !== null) return value.trim();
  throw usage(what, 'expected an AWS region the AWS SDK knows, such as us-east-1, cn-north-1, us-gov-west-1 or eusc-de-east-1', value);
}

/** Where this request goes and how it is signed, or why it is refused (an AWS-shaped 400 follows). */
export function planUpstream(request: RequestIdentity, config: UpstreamConfig): UpstreamDecision {
  const { scope } = request;
  if (config.upstream !== undefined) {
    const service = scope?.service ?? request.routedService;
    if (service === null) {
      // The user named this target: an unsigned call that is no AWS operation (an emulator's
      // own reset or health endpoint) goes there as it came. Nothing is signed for it.
      if (request.signed === false) return { ok: true, plan: { target: config.upstream, region: '', service: '', sign: false } };
      return { ok: false, message: 'the request carries no SigV4 credential scope and its path is no known operation, so there is no service to sign it for' };
    }
    return { ok: true, plan: { target: config.upstream, region: config.region ?? scope?.region ?? FALLBACK_REGION, service, sign: true } };
  }
  if (scope === null) {
    return {
      ok: false,
      message:
        'the request carries no SigV4 credential scope (Authorization: AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request), ' +
        'so there is no AWS endpoint to forward it to; tapegate forwards signed AWS requests only (or everything to --upstream)',
    };
  }
  const endpoint = config.endpointPrefixes.get(scope.service);
  if (endpoint === undefined) {
    return {
      ok: false,
      message: `the credential scope names the service "${scope.service}", which tapegate has no contracts for; it forwards only to ${[...config.endpointPrefixes.keys()].join(', ')}`,
    };
  }
  const region = config.region ?? scope.region;
  const resolved = awsEndpoint(endpoint, region);
  if (resolved === null) {
    return {
      ok: false,
      message: `the region "${region}" is not one the AWS SDK's partition data lists (a newer @aws-sdk/core may know it; --upstream URL names an endpoint directly)`,
    };
  }
  return { ok: true, plan: { target: resolved.target, region: resolved.signingRegion, service: scope.service, sign: true } };
}
