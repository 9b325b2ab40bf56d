/**
 * Step 3, match: is this request in the cassette? Replay and auto run exactly this code,
 * so a request is prepared for matching the same way in both: redacted as the cassette's
 * requests were when they were written (account ids to their placeholders, extra headers
 * dropped, credential parameters and contract-sensitive members to `<redacted>`), then
 * looked up. Every recorded response is encoded to wire bytes once, at
 * startup, so a hit costs one lookup and one write.
 */
import type { Exchange, RecordedRequest } from '../../core/exchange.js';
import type { MissExplanation } from '../../cassettes/match/explain.js';
import { Matcher, type MatcherOptions } from '../../cassettes/match/matcher.js';
import { redactRequestForMatch, type RedactOptions } from '../../cassettes/redact/redact.js';
import { signingServiceOf } from '../../core/aws-service.js';
import { awsError } from '../aws-error.js';
import { KnownBodies } from '../known-bodies.js';
import { prepareResponse, type WireResponse } from '../wire-response.js';

export type MatchOutcome = { hit: true; exchange: Exchange; wire: WireResponse } | { hit: false; explanation: MissExplanation };

/**
 * True when redaction may rewrite what a request's key is made of beyond its query and body:
 * account ids (in the path too) and extra headers. Otherwise a request without a body or a
 * query string (and no header in its identity) cannot change under redaction, whose
 * rewrites of credential parameters, credentials named in text and contract-sensitive
 * members all live in the query and the body.
 */
function rewritesPaths(redact: RedactOptions): boolean {
  return redact.redactAccountIds === true || (redact.extraHeaders?.length ?? 0) > 0;
}

export class MatchStep {
  readonly matcher: Matcher;
  /** The cassette's large request bodies, which the read step need not read into memory again. */
  readonly known: KnownBodies;
  readonly #wire = new Map<Exchange, WireResponse>();
  readonly #redact: RedactOptions;
  readonly #asRead: boolean;

  constructor(exchanges: readonly Exchange[], options: MatcherOptions, redact: RedactOptions) {
    this.matcher = new Matcher(exchanges, options);
    this.#redact = redact;
    this.#asRead = !rewritesPaths(redact) && (options.matchHeaders?.length ?? 0) === 0;
    for (const exchange of exchanges) this.#wire.set(exchange, prepareResponse(exchange.response));
    this.known = new KnownBodies(exchanges);
  }

  /** `target`: the raw request line (cassettes/match/request-line.ts), the matcher's shortcut for body-less repeats. */
  match(operation: string | null, request: RecordedRequest, target: string): MatchOutcome {
    // As the cassette's requests were written: the live request may carry what was redacted
    // (an API key in a sensitive member, a token in the query), and must match its placeholder.
    const asRead = this.#asRead && request.body.kind === 'empty' && !target.includes('?');
    // The SigV4 service is read before redaction drops Authorization: it is part of an unrouted request's identity.
    const service = operation === null ? signingServiceOf(request.headers) : undefined;
    const match = asRead
      ? this.matcher.match(operation, request, target, service)
      : this.matcher.match(operation, redactRequestForMatch(request, this.#redact, operation), undefined, service);
    if (!match.hit) return match;
    return { hit: true, exchange: match.exchange, wire: this.#wire.get(match.exchange) as WireResponse };
  }
}

/** The miss body: the explanation's paragraph as `message`, its parts as data beside it. */
export function missResponse(explanation: MissExplanation): WireResponse {
  return awsError(400, 'TapegateNoMatch', explanation.message, {
    reason: explanation.reason,
    operation: explanation.operation,
    closest:
      explanation.closest === null ? null : { seq: explanation.closest.exchange.seq, operation: explanation.closest.exchange.operation, relation: explanation.closest.relation },
    differences: explanation.differences,
  });
}
