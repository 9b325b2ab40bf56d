/**
 * The request flow, once, for every mode. Each step lives in its own file under steps/, in
 * request order:
 *
 *   read → route → match → forward → redact → record → answer → validate
 *
 * and modes.ts says which steps a mode runs. A replay hit never leaves the synchronous
 * path (read, route, match, answer); everything that waits on the network or the disk is
 * in `forwardAndRecord`.
 */
import { requestLine } from '../cassettes/match/request-line.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RedactOptions } from '../cassettes/redact/redact.js';
import { hostLabel, requestLabel } from '../cassettes/redact/request-label.js';
import { oneLine } from '../core/text.js';
import type { ModeSteps } from './modes.js';
import { pathStyleRequest } from './s3-addressing.js';
import type { ProxyCounters } from './stats.js';
import { answer, answerError, answerInternalError, answerProxyError } from './steps/answer.js';
import { forward, type ForwardContext, type ReadyRequest, type UnsealedExchange } from './steps/forward.js';
import { missResponse, type MatchStep } from './steps/match.js';
import { readRequest, type IncomingResult } from './steps/read.js';
import type { Journal, RecordSlot } from './steps/record.js';
import { redact } from './steps/redact.js';
import type { RouteCache } from './steps/route.js';
import type { Findings } from './steps/validate.js';
import type { WireResponse } from './wire-response.js';

export interface PipelineContext {
  steps: ModeSteps;
  maxBodyBytes: number;
  routes: RouteCache;
  /** replay and auto. */
  match: MatchStep | null;
  /** The modes that forward. */
  forward: ForwardContext | null;
  redact: RedactOptions;
  /** Names of this proxy a bucket label may stand in front of, besides `localhost` (s3-addressing.ts). */
  s3EndpointHosts: readonly string[];
  /** record and auto. */
  journal: Journal | null;
  recordFailures: boolean;
  findings: Findings;
  counters: ProxyCounters;
  log: (line: string) => void;
}

/** When a forwarded request arrived, for its exchange's timing. */
interface Arrival {
  startedAt: Date;
  /** performance.now() then. */
  start: number;
}

/** The server's handler: returns a promise in the modes that forward (in-flight.ts waits for them). */
export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export function createPipeline(context: PipelineContext): Handler {
  const { counters, log, steps } = context;

  const reject = (res: ServerResponse, status: number, type: 'TapegateBadRequest' | 'TapegateCredentialsError' | 'TapegateRequestTooLarge', message: string): void => {
    counters.rejected++;
    log(`tapegate: ${oneLine(message)}`);
    answerError(res, status, type, message);
  };

  const unreadable = (req: IncomingMessage, res: ServerResponse, result: Exclude<IncomingResult, { ok: true }>): void => {
    // Method and path only: a query string or a body may carry a secret (request-label.ts).
    const what = requestLabel(req.method, req.url);
    if (result.reason === 'aborted') {
      counters.rejected++;
      log(`tapegate: aborted ${what}: ${oneLine(result.detail)}`);
      res.destroy();
      return;
    }
    if (result.reason === 'unreadable') {
      reject(res, 400, 'TapegateBadRequest', `Failed to read "${what}": ${result.detail}`);
      return;
    }
    if (result.reason === 'bad-target') {
      reject(res, 400, 'TapegateBadRequest', `Failed to read "${what}": the request target is neither a path nor an absolute URL`);
      return;
    }
    const size = result.declared ? `declares ${result.bytes} bytes` : `passed ${result.bytes} bytes`;
    reject(res, 413, 'TapegateRequestTooLarge', `Failed to read "${what}": the request body ${size}, over the limit of ${context.maxBodyBytes} bytes (--max-body)`);
  };

  /** Passthrough numbers its exchanges itself (no cassette, but findings name an exchange). */
  let inspected = 0;

  /** record → answer → validate, for an exchange the upstream (or a failure of it) produced. */
  const deliver = async (slot: RecordSlot | null, exchange: UnsealedExchange, wire: WireResponse, res: ServerResponse): Promise<void> => {
    if (slot === null || context.journal === null) {
      const shown = redact({ ...exchange, seq: inspected++ }, context.redact, false);
      answer(res, wire);
      if (steps.validateForwarded) context.findings.validate(shown);
      return;
    }
    let outcome;
    try {
      outcome = await context.journal.record(slot, exchange, (sealed) => redact(sealed, context.redact));
    } catch (error) {
      // The journal failed: the client must not see an answer the cassette does not hold.
      const reason = error instanceof Error ? error.message : String(error);
      const message = `Failed to record "${requestLabel(exchange.request.method, exchange.request.path)}": the upstream answered ${exchange.response.status}, but ${reason}`;
      log(`tapegate: ${oneLine(message)}`);
      answerError(res, 500, 'TapegateInternalError', message);
      return;
    }
    if (!outcome.recorded) {
      counters.refused++;
      log(`tapegate: ${oneLine(outcome.reason)}`);
      answer(res, wire);
      return;
    }
    counters.recorded++;
    answer(res, wire);
    if (steps.validateForwarded) context.findings.validate(outcome.exchange);
  };

  const forwardAndRecord = async (req: IncomingMessage, res: ServerResponse, ready: ReadyRequest): Promise<void> => {
    const journal = context.journal;
    if (journal?.failure != null) {
      // Fail closed: nothing is executed upstream that the cassette could not hold.
      const message = `Failed to forward "${requestLabel(ready.request.method, ready.request.path)}": the cassette's journal cannot be written (${journal.failure}); nothing more is forwarded`;
      counters.rejected++;
      log(`tapegate: ${oneLine(message)}`);
      answerError(res, 503, 'TapegateInternalError', message);
      return;
    }
    // Taken now, with the request whole: a slow client never held a place in the queue.
    const slot = journal?.reserve() ?? null;
    try {
      const forwarded = await forward(context.forward as ForwardContext, req, res, ready);
      switch (forwarded.kind) {
        case 'refused':
          return reject(res, forwarded.status, forwarded.type, forwarded.message);
        case 'client-gone':
          counters.forwarded++;
          counters.rejected++;
          log(`tapegate: aborted ${requestLabel(ready.request.method, ready.request.path)}: ${oneLine(forwarded.detail)}`);
          return;
        case 'failed':
          counters.forwarded++;
          counters.upstreamFailures++;
          log(`tapegate: upstream failure: ${oneLine(forwarded.message)}`);
          if (context.recordFailures) return await deliver(slot, forwarded.exchange, forwarded.wire, res);
          answerProxyError(res, forwarded.wire);
          return;
        case 'answered': {
          counters.forwarded++;
          if (forwarded.unsigned) counters.unsigned++;
          // A broken event stream is recorded and answered as it came (the client sees what AWS sent); the log says so.
          const body = forwarded.exchange.response.body;
          const problem = body.kind === 'bytes' ? body.frames?.problem : undefined;
          if (problem !== undefined) {
            log(
              `tapegate: the event stream answering ${requestLabel(ready.request.method, ready.request.path)} does not end in a whole message: ${oneLine(problem)}; recorded as received`,
            );
          }
          return await deliver(slot, forwarded.exchange, forwarded.wire, res);
        }
      }
    } finally {
      // Every path that did not record frees its slot, or later exchanges would wait forever.
      slot?.skip();
    }
  };

  const handleRead = (req: IncomingMessage, res: ServerResponse, result: IncomingResult, arrival: Arrival | null): Promise<void> | void => {
    if (!result.ok) return unreadable(req, res, result);
    // A virtual-hosted S3 request is routed, matched and recorded path-style, its bucket in the path.
    const { request, target } = pathStyleRequest(result.request, req.url ?? '/', context.s3EndpointHosts);
    const line = requestLine(request.method, target, request.headers, request.body);
    const operation = context.routes.operationOf(line, request);
    if (context.match !== null) {
      const match = context.match.match(operation, request, line);
      if (match.hit) {
        counters.served++;
        answer(res, match.wire);
        return;
      }
      if (steps.match?.miss === 'answer') {
        counters.missed++;
        // The summary names differing fields by pointer, never a value (explain.ts).
        log(`tapegate: miss: ${oneLine(match.explanation.summary)}`);
        answerProxyError(res, missResponse(match.explanation));
        return;
      }
    }
    const body = Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength);
    const { startedAt, start } = arrival as Arrival;
    return forwardAndRecord(req, res, { request, operation, body, startedAt, start });
  };

  const ignored = (host: string): void => {
    log(`tapegate: ignored the host "${hostLabel(host)}" in the request target: tapegate forwards only to the upstream it decides itself`);
  };

  const known = context.match?.known ?? null;
  if (!steps.forward) {
    // Replay: no clock, no promise; a hit is read, route, match, answer.
    return (req, res) => {
      readRequest(
        req,
        context.maxBodyBytes,
        ignored,
        (result) => {
          try {
            // Replay never forwards: handleRead answers synchronously and returns nothing to wait for.
            void handleRead(req, res, result, null);
          } catch (error) {
            answerInternalError(req, res, error, log);
          }
        },
        known,
      );
    };
  }
  return (req, res) => {
    const arrival: Arrival = { startedAt: new Date(), start: performance.now() };
    return new Promise<void>((resolve, reject) => {
      readRequest(
        req,
        context.maxBodyBytes,
        ignored,
        (result) => {
          try {
            Promise.resolve(handleRead(req, res, result, arrival)).then(resolve, reject);
          } catch (error) {
            reject(error);
          }
        },
        known,
      );
    });
  };
}
