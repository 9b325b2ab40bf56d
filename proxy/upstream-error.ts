/**
 * What the client gets when forwarding failed: 502 (refused, reset, cut short, any other
 * transport failure) or 504 (timed out), typed `TapegateUpstreamError`, with a message
 * saying what happened. SDKs raise it as a service exception (and may retry it like any
 * 5xx); it is never taken for AWS's own answer, and is recorded only with --record-failures.
 */
import { awsError } from './aws-error.js';
import type { ForwardFailureKind } from './forwarder.js';
import type { WireResponse } from './wire-response.js';

export function upstreamStatus(kind: ForwardFailureKind): 502 | 504 {
  return kind === 'timeout' ? 504 : 502;
}

/** `what` is `METHOD path` of the request; `origin` where it was sent. */
export function upstreamFailure(kind: ForwardFailureKind, detail: string, what: string, origin: string): { message: string; wire: WireResponse } {
  const message = `Failed to forward "${what}" to ${origin}: ${detail}`;
  return { message, wire: awsError(upstreamStatus(kind), 'TapegateUpstreamError', message, { failure: kind }) };
}
