/**
 * Step 7, answer: write the response. In the recording modes this comes after the fsync,
 * the crash-safety rule: whatever a client has seen is in the journal, so `kill -9` at any
 * moment loses nothing that was delivered. The proxy's own refusals are AWS-shaped errors
 * (see aws-error.ts), so an SDK raises them as ordinary service exceptions.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestLabel } from '../../cassettes/redact/request-label.js';
import { oneLine } from '../../core/text.js';
import { awsError, type ProxyErrorType } from '../aws-error.js';
import { errorShapeOf, shapedProxyError } from '../protocol-error.js';
import { sendWire, type WireResponse } from '../wire-response.js';

export function answer(res: ServerResponse, wire: WireResponse): void {
  // The client may have gone while we waited for the upstream or the disk.
  if (res.destroyed || res.headersSent) return;
  sendWire(res, wire);
}

/** One of tapegate's own errors, shaped as the request's protocol reads errors (protocol-error.ts). */
export function answerError(res: ServerResponse, status: number, type: ProxyErrorType, message: string): void {
  answerProxyError(res, awsError(status, type, message));
}

/** An answer tapegate made itself (an error, a miss): as the request's SDK reads errors. */
export function answerProxyError(res: ServerResponse, wire: WireResponse): void {
  answer(res, shapedProxyError(wire, errorShapeOf(res.req)));
}

/** A bug in tapegate answers this one request with a 500; the proxy keeps serving. */
export function answerInternalError(req: IncomingMessage, res: ServerResponse, error: unknown, log: (line: string) => void): void {
  const reason = error instanceof Error ? error.message : String(error);
  const message = `Failed to handle "${requestLabel(req.method, req.url)}": ${reason}`;
  log(`tapegate: ${oneLine(message)}`);
  if (!res.headersSent && !res.destroyed) sendWire(res, awsError(500, 'TapegateInternalError', message));
  else res.destroy();
}
