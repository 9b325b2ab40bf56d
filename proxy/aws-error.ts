/**
 * AWS-shaped answers for the proxy's own failures (no match, body too large, malformed
 * HTTP, an upstream that failed, no credentials): the status, `X-Amzn-ErrorType` and a
 * JSON `{"message": ...}` body, the way API Gateway's REST-JSON errors look. Every SDK then
 * raises an ordinary service exception whose name is the type and whose message is ours, so
 * the user reads why in their own test output.
 * The types start `Tapegate` so they can never be taken for a real AWS error.
 */
import type { WireResponse } from './wire-response.js';

export type ProxyErrorType =
  | 'TapegateNoMatch'
  | 'TapegateRequestTooLarge'
  | 'TapegateBadRequest'
  | 'TapegateInternalError'
  /** Recording modes: the upstream refused, reset, timed out or cut its answer short. */
  | 'TapegateUpstreamError'
  /** Recording modes: no credentials to re-sign with. */
  | 'TapegateCredentialsError'
  /** A request not meant for this proxy: a foreign Host or any Origin (DNS rebinding, cross-site). */
  | 'TapegateForbidden'
  /** Sessions (control.ts): the session named in x-tapegate-session or the path is not open. */
  | 'TapegateUnknownSession'
  /** Sessions: the cassette is in use by another open session. */
  | 'TapegateSessionConflict'
  /** The control surface: no such endpoint, or not this method. */
  | 'TapegateNotFound'
  | 'TapegateMethodNotAllowed';

/**
 * `extra` members travel beside `message` for programs that read the body (SDKs ignore
 * members they do not know).
 */
export function awsError(status: number, type: ProxyErrorType, message: string, extra: Record<string, unknown> = {}): WireResponse {
  const body = Buffer.from(JSON.stringify({ ...extra, message }), 'utf8');
  return {
    status,
    headers: ['content-type', 'application/json', 'x-amzn-errortype', type, 'content-length', String(body.length)],
    body,
  };
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 413: 'Payload Too Large', 431: 'Request Header Fields Too Large' };

/**
 * The same answer as raw HTTP/1.1 bytes, for a socket whose request could not be parsed
 * (there is no ServerResponse then). It closes the connection: the parser's state is lost.
 */
export function rawAwsError(status: number, type: ProxyErrorType, message: string): Buffer {
  const wire = awsError(status, type, message);
  let head = `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n`;
  for (let i = 0; i < wire.headers.length; i += 2) head += `${wire.headers[i]}: ${wire.headers[i + 1]}\r\n`;
  head += 'connection: close\r\n\r\n';
  return Buffer.concat([Buffer.from(head, 'latin1'), wire.body]);
}
