/**
 * Re-signing. The SDK signed its request for the proxy's host (`127.0.0.1:PORT`), with
 * whatever credentials the test gave it; AWS would refuse that signature. So the old one
 * is dropped (Authorization, X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256) and the
 * request is signed again with `@smithy/signature-v4` for the upstream host, region and
 * service, with the user's credentials. Everything else the client sent is kept and signed
 * as is: method, path (percent-encoding untouched), query, body and headers.
 */
import type { AwsCredentials } from './credentials.js';
import { s3PayloadHash, signsLikeS3 } from './s3-signing.js';
import { NodeSha256 } from './sha256.js';

export interface RequestToSign {
  method: string;
  /** Origin to send to; its `host` (with a non-default port) becomes the Host header. */
  target: URL;
  /** The Host header when it is not the target's: a virtual-hosted S3 request's bucket label in front of it (s3-addressing.ts). */
  host?: string;
  /** Path exactly as it will be sent, percent-encoding kept, no query. */
  path: string;
  /** Decoded query parameters (the form the signer canonicalises). */
  query: Record<string, string[]>;
  /** The client's headers, lower-case names. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface SigningContext {
  region: string;
  service: string;
  credentials: AwsCredentials;
  /** Defaults to now; fixed in tests. */
  signingDate?: Date;
}

/** The client's signature, and the session token it belonged to: never forwarded. */
export const SIGNATURE_HEADERS: readonly string[] = ['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'];

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1) describe the client's connection, not the request;
 * `host` and `content-length` are set anew for the upstream; `expect` would make the
 * upstream wait for a 100-continue the buffered body never needs.
 */
const NOT_FORWARDED = new Set([
  ...SIGNATURE_HEADERS,
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
]);

/** The headers to forward before signing: the client's, minus the above, plus Host and a true length. */
export function forwardedHeaders(request: RequestToSign): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!NOT_FORWARDED.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  headers.host = request.host ?? request.target.host;
  const hadLength = request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined;
  if (request.body.length > 0 || hadLength) headers['content-length'] = String(request.body.length);
  return headers;
}

// Loaded on first use: every tapegate command loads this module, only recording signs.
let signatureV4: Promise<typeof import('@smithy/signature-v4')> | undefined;
type Signer = InstanceType<(typeof import('@smithy/signature-v4'))['SignatureV4']>;

/**
 * Signers by service, region and credentials. A signer caches its derived signing key (four
 * HMACs) per day, so keeping it is what lets a recording sign each request with one HMAC
 * instead of five. Bounded: credentials that rotate start a fresh set.
 */
const signers = new Map<string, Signer>();
const MAX_SIGNERS = 64;

async function signerFor(context: SigningContext): Promise<Signer> {
  const { credentials } = context;
  const key = `${context.service}\n${context.region}\n${credentials.accessKeyId}\n${credentials.secretAccessKey}\n${credentials.sessionToken ?? ''}`;
  let signer = signers.get(key);
  if (signer === undefined) {
    const { SignatureV4 } = await (signatureV4 ??= import('@smithy/signature-v4'));
    if (signers.size >= MAX_SIGNERS) signers.clear();
    signer = new SignatureV4({
      service: context.service,
      region: context.region,
      credentials: { ...credentials },
      sha256: NodeSha256,
      // Every service but S3 signs the path escaped once more; API Gateway SDKs do the same.
      uriEscapePath: !signsLikeS3(context.service),
      applyChecksum: true,
    });
    signers.set(key, signer);
  }
  return signer;
}

/**
 * The full header set to send upstream, carrying a fresh SigV4 signature. For S3 the
 * client's `x-amz-content-sha256` is signed as it came (s3-signing.ts); a value that cannot
 * be (signed aws-chunked bodies) throws: the forward step checks it first and refuses.
 */
export async function resignHeaders(request: RequestToSign, context: SigningContext): Promise<Record<string, string>> {
  const headers = forwardedHeaders(request);
  if (signsLikeS3(context.service)) {
    const payload = s3PayloadHash(request.headers['x-amz-content-sha256']);
    if (!payload.ok) throw new Error(`Failed to sign the S3 request: ${payload.reason}`);
    // The signer takes a present x-amz-content-sha256 as the payload hash instead of hashing the body.
    if (payload.value !== undefined) headers['x-amz-content-sha256'] = payload.value;
  }
  const signer = await signerFor(context);
  const port = request.target.port === '' ? undefined : Number(request.target.port);
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: request.target.protocol,
      hostname: request.target.hostname,
      ...(port === undefined ? {} : { port }),
      path: request.path,
      query: request.query,
      headers,
      // No body: the signer uses the empty payload's known hash instead of hashing nothing.
      body: request.body.length === 0 ? undefined : request.body,
    },
    context.signingDate === undefined ? {} : { signingDate: context.signingDate },
  );
  return signed.headers;
}
