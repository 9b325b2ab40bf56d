/**
 * Step 4, forward: decide where the request goes (its SigV4 scope's AWS endpoint, or the
 * configured upstream, and nowhere else), get credentials, re-sign, send it with the
 * Forwarder and wait for the whole answer. Every outcome is a value: the upstream's
 * answer as an exchange to record, a refusal before anything was sent, the client gone,
 * or an upstream failure with the 502/504 the client gets.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestLabel } from '../../cassettes/redact/request-label.js';
import type { RecordedRequest, Exchange } from '../../core/exchange.js';
import type { ContractSet } from '../../contracts/load.js';
import type { CredentialsProvider } from '../credentials.js';
import { parseCredentialScope, signingNameOf } from '../endpoints.js';
import type { Forwarder } from '../forwarder.js';
import { forwardedHeaders, resignHeaders } from '../resign.js';
import { sentAddress } from '../s3-addressing.js';
import { s3PayloadHash, signsLikeS3 } from '../s3-signing.js';
import { planUpstream, type UpstreamConfig } from '../upstream.js';
import { upstreamFailure } from '../upstream-error.js';
import { recordedResponseOf, recordedResponseOfWire, wireResponseOf } from '../upstream-response.js';
import type { WireResponse } from '../wire-response.js';

/** An exchange before it has a place in the cassette. */
export type UnsealedExchange = Omit<Exchange, 'seq'>;

export type Forwarded =
  /** The upstream answered (any status): record it, answer with `wire`. */
  | { kind: 'answered'; exchange: UnsealedExchange; wire: WireResponse; unsigned: boolean }
  /** Nothing was sent: no upstream to send to, or no credentials. */
  | { kind: 'refused'; status: 400 | 500; type: 'TapegateBadRequest' | 'TapegateCredentialsError'; message: string }
  /** The client hung up while the upstream worked. */
  | { kind: 'client-gone'; detail: string }
  /** Sent, but no whole answer came: `exchange` is what recordFailures records. */
  | { kind: 'failed'; message: string; exchange: UnsealedExchange; wire: WireResponse };

export interface ForwardContext {
  contracts: ContractSet;
  upstream: UpstreamConfig;
  credentials: CredentialsProvider;
  forwarder: Forwarder;
}

/** A request read and routed, ready to forward. */
export interface ReadyRequest {
  request: RecordedRequest;
  operation: string | null;
  /** The body bytes exactly as received. */
  body: Buffer;
  startedAt: Date;
  /** performance.now() at arrival. */
  start: number;
}

/**
 * The request target to send: as the client sent it (percent-encoding and query untouched),
 * with `sentPath` for its path when that differs (a virtual-hosted S3 request sent path-style).
 */
function sentTarget(clientTarget: string, sentPath: string): string {
  const mark = clientTarget.indexOf('?');
  if ((mark < 0 ? clientTarget : clientTarget.slice(0, mark)) === sentPath) return clientTarget;
  return mark < 0 ? sentPath : sentPath + clientTarget.slice(mark);
}

export async function forward(context: ForwardContext, req: IncomingMessage, res: ServerResponse, ready: ReadyRequest): Promise<Forwarded> {
  const { request, operation, body } = ready;
  // Built only for a message: masking the path for a label costs a dozen regex passes.
  const what = (): string => requestLabel(request.method, request.path);
  const scope = parseCredentialScope(request.headers.authorization);
  // Authorization is never recorded: the scope's service is, so the exchange keeps its identity.
  const service = scope === null ? {} : { service: scope.service };
  const signed = request.headers.authorization !== undefined;
  const decision = planUpstream({ scope, routedService: signingNameOf(context.contracts, operation), signed }, context.upstream);
  if (!decision.ok) return { kind: 'refused', status: 400, type: 'TapegateBadRequest', message: `Failed to forward "${what()}": ${decision.message}` };
  const { plan } = decision;
  // An unsigned pass-through is marked, so verify and the findings know it for an emulator's own call, not an unknown AWS one.
  const identity = plan.sign ? service : { ...service, unsigned: true as const };
  // A virtual-hosted S3 request was made path-style when read: it goes upstream as it came (s3-addressing.ts).
  const sent = sentAddress(request, plan.target);
  const toSend = { method: request.method, target: plan.target, ...sent, query: request.query, headers: request.headers, body };
  let headers: Record<string, string>;
  if (plan.sign) {
    const unsignable = signsLikeS3(plan.service) ? s3PayloadHash(request.headers['x-amz-content-sha256']) : null;
    if (unsignable !== null && !unsignable.ok) return { kind: 'refused', status: 400, type: 'TapegateBadRequest', message: `Failed to sign "${what()}": ${unsignable.reason}` };
    let credentials;
    try {
      credentials = await context.credentials();
    } catch (error) {
      return { kind: 'refused', status: 500, type: 'TapegateCredentialsError', message: `Failed to sign "${what()}": ${(error as Error).message}` };
    }
    headers = await resignHeaders(toSend, { region: plan.region, service: plan.service, credentials });
  } else {
    headers = forwardedHeaders(toSend);
  }
  const result = await context.forwarder.forward(req, res, { target: plan.target, path: sentTarget(req.url ?? request.path, sent.path), headers, body });
  const timing = { startedAt: ready.startedAt.toISOString(), durationMs: Math.round(performance.now() - ready.start) };
  if (result.ok) {
    const response = recordedResponseOf(result.response);
    return {
      kind: 'answered',
      unsigned: !plan.sign,
      exchange: { operation, ...identity, request, response, timing },
      wire: wireResponseOf(result.response, response),
    };
  }
  if (result.kind === 'client-gone') return { kind: 'client-gone', detail: result.detail };
  const { message, wire } = upstreamFailure(result.kind, result.detail, what(), plan.target.origin);
  return { kind: 'failed', message, wire, exchange: { operation, ...identity, request, response: recordedResponseOfWire(wire), timing } };
}
