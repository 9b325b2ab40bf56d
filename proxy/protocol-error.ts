/**
 * The proxy's own errors as the request's SDK reads errors. The XML protocols parse every error
 * body as XML: S3 (rest-xml) `<Error><Code>…</Code><Message>…</Message></Error>`, the query
 * protocol (STS, SNS, IAM, SQS from older SDKs) `<ErrorResponse><Error><Type/><Code/><Message/>
 * </Error></ErrorResponse>`. Given the JSON body the other services get, the JavaScript SDK
 * raises "XML parse error" or a bare `Error`, boto3 a bare status, and the reason (a miss, a
 * body over --max-body) is lost. So one of tapegate's errors answering such a request is sent
 * in its protocol's shape, the same type as the Code and the same message.
 */
import type { IncomingMessage } from 'node:http';
import { escapeXml } from '../core/text.js';
import { parseCredentialScope } from './endpoints.js';
import { signsLikeS3 } from './s3-signing.js';
import type { WireResponse } from './wire-response.js';

export type ErrorShape = 'json' | 's3' | 'query';

/**
 * How the request's SDK reads errors: S3 from its signature, the query protocol from its
 * form-encoded body (every query-protocol SDK call is one; no other protocol sends one).
 */
export function errorShapeOf(req: IncomingMessage | undefined): ErrorShape {
  const scope = parseCredentialScope(req?.headers.authorization);
  if (scope !== null && signsLikeS3(scope.service)) return 's3';
  const type = req?.headers['content-type'];
  if (req?.method === 'POST' && type !== undefined && type.toLowerCase().startsWith('application/x-www-form-urlencoded')) return 'query';
  return 'json';
}

/** The type of one of tapegate's own errors (`X-Amzn-ErrorType: Tapegate…`), or null for any other answer. */
function proxyErrorType(wire: WireResponse): string | null {
  for (let i = 0; i + 1 < wire.headers.length; i += 2) {
    if ((wire.headers[i] as string).toLowerCase() === 'x-amzn-errortype' && (wire.headers[i + 1] as string).startsWith('Tapegate')) return wire.headers[i + 1] as string;
  }
  return null;
}

/** `wire` in `shape` when it is one of tapegate's JSON errors; else `wire` itself. */
export function shapedProxyError(wire: WireResponse, shape: ErrorShape): WireResponse {
  if (shape === 'json') return wire;
  const type = proxyErrorType(wire);
  if (type === null) return wire;
  let message = '';
  try {
    const parsed = (JSON.parse(wire.body.toString('utf8')) as { message?: unknown }).message;
    message = typeof parsed === 'string' ? parsed : '';
  } catch {
    return wire;
  }
  const error = `<Code>${escapeXml(type)}</Code><Message>${escapeXml(message)}</Message>`;
  // A query error's Type says whose fault it is; a request tapegate cannot serve is the sender's.
  const xml = shape === 's3' ? `<Error>${error}</Error>` : `<ErrorResponse><Error><Type>Sender</Type>${error}</Error><RequestId>tapegate</RequestId></ErrorResponse>`;
  const body = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, 'utf8');
  return { status: wire.status, headers: ['content-type', 'application/xml', 'x-amzn-errortype', type, 'content-length', String(body.length)], body };
}
