/**
 * The replay request handler: read the request, name its operation, match, write the
 * precomputed response. Nothing else happens per request on a hit (validation waits until
 * findings are asked for, see served-findings.ts); misses and refusals are answered
 * AWS-style and logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Exchange } from '../core/exchange.js';
import type { MissExplanation } from '../cassettes/match/explain.js';
import type { Matcher } from '../cassettes/match/matcher.js';
import type { Router } from '../contracts/router.js';
import { awsError } from './aws-error.js';
import { readIncoming, type IncomingResult } from './incoming.js';
import { RouteCache } from './route-cache.js';
import { sendWire, type WireResponse } from './wire-response.js';
import { oneLine } from '../core/text.js';

export interface ReplayHandlerContext {
  router: Router;
  matcher: Matcher;
  /** The wire form of every recorded response, built at startup. */
  prepared: ReadonlyMap<Exchange, WireResponse>;
  maxBodyBytes: number;
  /** One line per miss or refusal (no trailing newline). */
  log: (line: string) => void;
  /** Counts requests refused before matching. */
  onRejected: () => void;
}

/** The miss body: the explanation's paragraph as `message`, its parts as data beside it. */
export function missResponse(explanation: MissExplanation): WireResponse {
  return awsError(400, 'TapegateNoMatch', explanation.message, {
    reason: explanation.reason,
    operation: explanation.operation,
    closest: explanation.closest === null
      ? null
      : { seq: explanation.closest.exchange.seq, operation: explanation.closest.exchange.operation, relation: explanation.closest.relation },
    differences: explanation.differences,
  });
}


export function createReplayHandler(context: ReplayHandlerContext): (req: IncomingMessage, res: ServerResponse) => void {
  const { matcher, prepared, maxBodyBytes, log } = context;
  // Room for every recorded target twice over (percent-encoding variants of the same path).
  const routes = new RouteCache(context.router, prepared.size * 2);

  const refuse = (req: IncomingMessage, res: ServerResponse, result: Exclude<IncomingResult, { ok: true }>): void => {
    context.onRejected();
    const what = `${req.method ?? '?'} ${req.url ?? '?'}`;
    if (result.reason === 'aborted') {
      log(`tapegate: aborted ${oneLine(what)}: ${result.detail}`);
      res.destroy();
      return;
    }
    const size = result.declared ? `declares ${result.bytes} bytes` : `passed ${result.bytes} bytes`;
    const message = `Failed to read "${what}": the request body ${size}, over the limit of ${maxBodyBytes} bytes (--max-body)`;
    log(`tapegate: ${oneLine(message)}`);
    sendWire(res, awsError(413, 'TapegateRequestTooLarge', message));
  };

  const answer = (req: IncomingMessage, res: ServerResponse, result: IncomingResult): void => {
    if (!result.ok) {
      refuse(req, res, result);
      return;
    }
    const request = result.request;
    const operation = routes.operationOf(request.method, req.url ?? '/', request.path, request.query);
    const match = matcher.match(operation, request);
    if (match.hit) {
      sendWire(res, prepared.get(match.exchange) as WireResponse);
      return;
    }
    log(`tapegate: miss: ${oneLine(match.explanation.message)}`);
    sendWire(res, missResponse(match.explanation));
  };

  return (req, res) => {
    readIncoming(req, maxBodyBytes, (result) => {
      try {
        answer(req, res, result);
      } catch (error) {
        // A bug in tapegate answers this one request with a 500; the proxy keeps serving.
        const reason = error instanceof Error ? error.message : String(error);
        const message = `Failed to replay "${req.method ?? '?'} ${req.url ?? '?'}": ${reason}`;
        log(`tapegate: ${oneLine(message)}`);
        if (!res.headersSent) sendWire(res, awsError(500, 'TapegateInternalError', message));
        else res.destroy();
      }
    });
  };
}
