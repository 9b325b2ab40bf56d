/**
 * SigV4 verification with `aws4`, an implementation other than the proxy's
 * (`@smithy/signature-v4`), so that a signing bug in one is not hidden by the same bug in the
 * other. The request is rebuilt from what arrived (method, `host` header, path and query as
 * received, the headers the client listed in SignedHeaders, the body), signed again with the
 * known credentials at the client's `X-Amz-Date`, and the signatures compared.
 *
 * Paths: for every service but S3, aws4 percent-encodes each path segment once more without
 * decoding it first, and collapses `//`, `.` and `..`; SDK v3 signs API Gateway requests with
 * `uriEscapePath: true`, which is the same double encoding. So the raw path goes to aws4 as is.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import aws4 from 'aws4';
import { AwsError } from './aws-error.js';

export interface FakeCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface ArrivedRequest {
  method: string;
  /** Path and query exactly as on the request line. */
  url: string;
  /** Node's lower-cased headers. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const invalidSignature = (message: string): AwsError => new AwsError('InvalidSignatureException', 403, message);

const unrecognizedClient = (): AwsError => new AwsError('UnrecognizedClientException', 403, 'The security token included in the request is invalid.');

interface AuthorizationParts {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(value: string): AuthorizationParts {
  const prefix = 'AWS4-HMAC-SHA256 ';
  if (!value.startsWith(prefix)) {
    throw invalidSignature(`Authorization header algorithm is not AWS4-HMAC-SHA256: "${value.split(' ')[0] ?? ''}"`);
  }
  const fields = new Map<string, string>();
  for (const part of value.slice(prefix.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((name) => !fields.get(name));
  if (missing.length > 0) {
    throw invalidSignature(missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' '));
  }
  const scope = fields.get('Credential')!.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request') {
    throw invalidSignature(`Credential should be of the form <key>/<date>/<region>/<service>/aws4_request, got "${fields.get('Credential')!}".`);
  }
  const [accessKeyId, date, region, service] = scope as [string, string, string, string, string];
  return {
    accessKeyId,
    date,
    region,
    service,
    signedHeaders: fields.get('SignedHeaders')!.split(';'),
    signature: fields.get('Signature')!,
  };
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(',') : value);

/**
 * Throws the `AwsError` AWS would answer with when the request's signature does not hold;
 * returns normally when it does.
 */
export function verifySigV4(request: ArrivedRequest, credentials: FakeCredentials, region: string, service = 'apigateway'): void {
  const authorization = single(request.headers.authorization);
  if (!authorization) throw invalidSignature('Missing Authentication Token: the request carries no Authorization header.');
  const auth = parseAuthorization(authorization);
  if (auth.accessKeyId !== credentials.accessKeyId) throw unrecognizedClient();
  if (credentials.sessionToken !== undefined && single(request.headers['x-amz-security-token']) !== credentials.sessionToken) {
    throw unrecognizedClient();
  }
  const amzDate = single(request.headers['x-amz-date']);
  if (!amzDate || !/^\d{8}T\d{6}Z$/.test(amzDate)) {
    throw invalidSignature("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  if (auth.date !== amzDate.slice(0, 8)) {
    throw invalidSignature(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${amzDate.slice(0, 8)}'`);
  }
  if (auth.region !== region) throw invalidSignature(`Credential should be scoped to a valid region, not '${auth.region}'.`);
  if (auth.service !== service) throw invalidSignature(`Credential should be scoped to correct service: '${service}'.`);
  if (!auth.signedHeaders.includes('host')) throw invalidSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.");

  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = single(request.headers[name]);
    if (value === undefined) throw invalidSignature(`Signed header '${name}' is missing from the request.`);
    headers[name] = value;
  }
  // A signed payload hash vouches for the body only if it is the body's hash.
  const payloadHash = headers['x-amz-content-sha256'];
  if (payloadHash !== undefined && payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== createHash('sha256').update(request.body).digest('hex')) {
    throw invalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }

  let expected: string;
  let canonical: string;
  try {
    const signer = new aws4.RequestSigner(
      {
        method: request.method,
        host: headers.host,
        path: request.url,
        headers,
        body: request.body,
        service,
        region,
        // Sign exactly the headers the client signed: no added Content-Type or X-Amz-Date,
        // and none of aws4's usual exclusions (user-agent, range, ...) when the client signed them.
        doNotModifyHeaders: true,
        extraHeadersToInclude: Object.fromEntries(auth.signedHeaders.map((name) => [name, true])),
      } as aws4.Request,
      credentials,
    );
    // With doNotModifyHeaders aws4 would take the time from the clock: use the request's.
    signer.datetime = amzDate;
    expected = signer.signature();
    canonical = signer.canonicalString();
  } catch (error) {
    // decodeURI in aws4 throws on a malformed percent escape: the request cannot be verified.
    throw invalidSignature(`${MISMATCH} (${(error as Error).message})`);
  }
  const given = Buffer.from(auth.signature, 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    // Like AWS, say what was expected: it is what one needs to debug a re-signing proxy.
    throw invalidSignature(`${MISMATCH}\n\nThe Canonical String for this request should have been\n'${canonical}'\n`);
  }
}
