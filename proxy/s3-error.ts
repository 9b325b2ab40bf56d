/**
 * The proxy's own errors as S3 clients read them. An S3 client parses every error body as
 * XML (`<Error><Code>…</Code><Message>…</Message></Error>`): given the JSON body the other
 * services get, the JavaScript SDK raises "XML parse error: unexpected content" and boto3 a
 * bare status, and the reason (a miss, a body over --max-body) is lost. So an answer to a
 * request signed for S3 that is one of tapegate's errors is sent in S3's shape, the same
 * type as the Code and the same message.
 */
import type { IncomingMessage } from 'node:http';
import { escapeXml } from '../core/text.js';
import { parseCredentialScope } from './endpoints.js';
import { signsLikeS3 } from './s3-signing.js';
import type { WireResponse } from './wire-response.js';

/** True when the request carries a SigV4 signature for S3. */
export function isS3Request(req: IncomingMessage | undefined): boolean {
  const scope = parseCredentialScope(req?.headers.authorization);
  return scope !== null && signsLikeS3(scope.service);
}

/** The type of one of tapegate's own errors (`X-Amzn-ErrorType: Tapegate…`), or null for any other answer. */
function proxyErrorType(wire: WireResponse): string | null {
  for (let i = 0; i + 1 < wire.headers.length; i += 2) {
    if ((wire.headers[i] as string).toLowerCase() === 'x-amzn-errortype' && (wire.headers[i + 1] as string).startsWith('Tapegate')) return wire.headers[i + 1] as string;
  }
  return null;
}

/** `wire` in S3's XML error shape when it is one of tapegate's JSON errors; else `wire` itself. */
export function asS3Error(wire: WireResponse): WireResponse {
  const type = proxyErrorType(wire);
  if (type === null) return wire;
  let message = '';
  try {
    const parsed = (JSON.parse(wire.body.toString('utf8')) as { message?: unknown }).message;
    message = typeof parsed === 'string' ? parsed : '';
  } catch {
    return wire;
  }
  const body = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(type)}</Code><Message>${escapeXml(message)}</Message></Error>`, 'utf8');
  return { status: wire.status, headers: ['content-type', 'application/xml', 'x-amzn-errortype', type, 'content-length', String(body.length)], body };
}
