/**
 * The request handler of the recording modes. Per request:
 *
 *   arrive → reserve a cassette slot (arrival order) → read the body → name the operation
 *   → auto: a recorded answer? serve it → decide the upstream (credential scope or
 *   --upstream; refuse otherwise) → credentials → re-sign → forward (http-proxy) →
 *   redact, scan, append + fsync → validate → only then answer the client.
 *
 * Answering after the fsync is the crash-safety rule: whatever a client has seen is in the
 * journal, so `kill -9` at any moment loses nothing that was delivered.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Exchange, RecordedRequest } from '../core/exchange.js';
import type { Matcher } from '../cassettes/match/matcher.js';
import { redactRequestForMatch, type RedactOptions } from '../cassettes/redact/redact.js';
import type { ContractSet } from '../contracts/load.js';
import { awsError } from './aws-error.js';
import type { CredentialsProvider } from './credentials.js';
import { parseCredentialScope, signingNameOf } from './endpoints.js';
import type { Forwarder } from './forward.js';
import { readIncoming, type IncomingResult } from './incoming.js';
import type { Recorder, RecordSlot, UnsealedExchange } from './recorder.js';
import { originForm } from './request-target.js';
import { resignHeaders } from './resign.js';
import { RouteCache } from './route-cache.js';
import { planUpstream, type UpstreamConfig } from './upstream.js';
import { upstreamFailure } from './upstream-error.js';
import { recordedResponseOf, recordedResponseOfWire, wireResponseOf } from './upstream-response.js';
import { prepareResponse, sendWire, type WireResponse } from './wire-response.js';
import { oneLine } from '../core/text.js';

export interface RecordCounters {
  forwarded: number;
  recorded: number;
  replayed: number;
  upstreamFailures: number;
  refused: number;
  rejected: number;
}

export interface RecordHandlerContext {
  contracts: ContractSet;
  routes: RouteCache;
  upstream: UpstreamConfig;
  credentials: CredentialsProvider;
  forwarder: Forwarder;
  recorder: Recorder;
  /** auto: the cassette's exchanges, each served at most once (see record-server.ts). */
  matcher: Matcher | null;
  /** The recorder's redaction, applied to an incoming request before matching. */
  redact: RedactOptions;
  recordFailures: boolean;
  maxBodyBytes: number;
  log: (line: string) => void;
  counters: RecordCounters;
}

/** A request read whole and routed, ready to forward. */
interface Arrived {
  request: RecordedRequest;
  operation: string | null;
  /** The body bytes exactly as received. */
  body: Buffer;
  startedAt: Date;
  /** performance.now() at arrival. */
  start: number;
}


function readBody(req: IncomingMessage, maxBodyBytes: number): Promise<IncomingResult> {
  return new Promise((resolve) => readIncoming(req, maxBodyBytes, resolve));
}

function send(res: ServerResponse, wire: WireResponse): void {
  // The client may have gone while we waited for the upstream or the disk.
  if (res.destroyed || res.headersSent) return;
  sendWire(res, wire);
}

export function createRecordHandler(context: RecordHandlerContext): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { counters, log } = context;
  const prepared = new Map<Exchange, WireResponse>();

  const reject = (res: ServerResponse, status: number, type: 'TapegateBadRequest' | 'TapegateCredentialsError' | 'TapegateRequestTooLarge', message: string): void => {
    counters.rejected++;
    log(`tapegate: ${oneLine(message)}`);
    send(res, awsError(status, type, message));
  };

  /** Records (or, in passthrough, inspects) and then answers; the answer waits for the fsync. */
  const deliver = async (slot: RecordSlot | null, exchange: UnsealedExchange, wire: WireResponse, res: ServerResponse): Promise<void> => {
    if (slot === null) {
      const inspected = context.recorder.inspect(exchange);
      send(res, wire);
      context.recorder.validate(inspected);
      return;
    }
    let outcome;
    try {
      outcome = await context.recorder.record(slot, exchange);
    } catch (error) {
      // The journal failed: the client must not see an answer the cassette does not hold.
      const reason = error instanceof Error ? error.message : String(error);
      const message = `Failed to record "${exchange.request.method} ${exchange.request.path}": the upstream answered ${exchange.response.status}, but ${reason}`;
      log(`tapegate: ${oneLine(message)}`);
      send(res, awsError(500, 'TapegateInternalError', message));
      return;
    }
    if (!outcome.recorded) {
      counters.refused++;
      send(res, wire);
      return;
    }
    counters.recorded++;
    send(res, wire);
    context.recorder.validate(outcome.exchange);
  };

  const forwardAndRecord = async (req: IncomingMessage, res: ServerResponse, slot: RecordSlot | null, arrived: Arrived): Promise<void> => {
    const { request, operation, body } = arrived;
    const what = `${request.method} ${request.path}`;
    const decision = planUpstream(
      { scope: parseCredentialScope(request.headers.authorization, request.query), routedService: signingNameOf(context.contracts, operation) },
      context.upstream,
    );
    if (!decision.ok) return reject(res, 400, 'TapegateBadRequest', `Failed to forward "${what}": ${decision.message}`);
    const { plan } = decision;
    let credentials;
    try {
      credentials = await context.credentials();
    } catch (error) {
      return reject(res, 500, 'TapegateCredentialsError', `Failed to sign "${what}": ${(error as Error).message}`);
    }
    const headers = await resignHeaders(
      { method: request.method, target: plan.target, path: request.path, query: request.query, headers: request.headers, body },
      { region: plan.region, service: plan.service, credentials },
    );
    counters.forwarded++;
    const rawTarget = req.url ?? request.path;
    const result = await context.forwarder.forward(req, res, { target: plan.target, path: rawTarget, headers, body });
    const timing = { startedAt: arrived.startedAt.toISOString(), durationMs: Math.round(performance.now() - arrived.start) };
    if (result.ok) {
      const exchange = { operation, request, response: recordedResponseOf(result.response), timing };
      return deliver(slot, exchange, wireResponseOf(result.response), res);
    }
    if (result.kind === 'client-gone') {
      counters.rejected++;
      log(`tapegate: aborted ${oneLine(what)}: ${result.detail}`);
      return;
    }
    counters.upstreamFailures++;
    const { message, wire } = upstreamFailure(result.kind, result.detail, what, plan.target.origin);
    log(`tapegate: upstream failure: ${oneLine(message)}`);
    if (context.recordFailures) return deliver(slot, { operation, request, response: recordedResponseOfWire(wire), timing }, wire, res);
    send(res, wire);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, slot: RecordSlot | null): Promise<void> => {
    const startedAt = new Date();
    const start = performance.now();
    const target = originForm(req.url ?? '/');
    if (target === null) {
      req.resume();
      return reject(res, 400, 'TapegateBadRequest', `Failed to read "${req.method ?? '?'} ${req.url ?? '?'}": the request target is neither a path nor an absolute URL`);
    }
    if (target.ignoredAuthority !== null) {
      log(`tapegate: ignored the host "${target.ignoredAuthority}" in the request target: tapegate forwards only to the upstream it decides itself`);
    }
    req.url = target.target;
    const result = await readBody(req, context.maxBodyBytes);
    if (!result.ok) {
      if (result.reason === 'aborted') {
        counters.rejected++;
        log(`tapegate: aborted ${oneLine(`${req.method ?? '?'} ${req.url}`)}: ${result.detail}`);
        res.destroy();
        return;
      }
      const size = result.declared ? `declares ${result.bytes} bytes` : `passed ${result.bytes} bytes`;
      return reject(res, 413, 'TapegateRequestTooLarge', `Failed to read "${req.method ?? '?'} ${req.url}": the request body ${size}, over the limit of ${context.maxBodyBytes} bytes (--max-body)`);
    }
    const request = result.request;
    const operation = context.routes.operationOf(request.method, target.target, request.path, request.query);
    if (context.matcher !== null) {
      const match = context.matcher.match(operation, redactRequestForMatch(request, context.redact));
      if (match.hit) {
        counters.replayed++;
        let wire = prepared.get(match.exchange);
        if (wire === undefined) prepared.set(match.exchange, (wire = prepareResponse(match.exchange.response)));
        send(res, wire);
        return;
      }
    }
    const body = Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength);
    await forwardAndRecord(req, res, slot, { request, operation, body, startedAt, start });
  };

  return async (req, res) => {
    // Reserved on arrival, before the body is read: sequence numbers follow arrival.
    const slot = context.recorder.reserve();
    try {
      await handle(req, res, slot);
    } finally {
      // Every path that did not record must free its slot, or later exchanges would wait forever.
      slot?.skip();
    }
  };
}
