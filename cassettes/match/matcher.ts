/**
 * Replay: answers requests from a loaded cassette. Lookup is the request's canonical form
 * (hashed only when long, see `indexKey`) and one Map get, whatever the cassette's size;
 * identical requests are served in recorded order (Polly-style order counter per key).
 * Misses are explained (see explain.ts) and counted, so the proxy can report served,
 * missed and never used.
 */
import { requestLine } from './request-line.js';
import { TapegateError } from '../../core/errors.js';
import type { Exchange, RecordedRequest } from '../../core/exchange.js';
import { explainExhausted, explainNoMatch, type MissExplanation } from './explain.js';
import { CandidateIndex } from './candidates.js';
import { indexKey, KeyOptions, type MatchKeyOptions } from './key.js';

export interface MatcherOptions extends MatchKeyOptions {
  /**
   * After the last recorded exchange for a key was served: `last` (default) serves it
   * again, `error` answers a miss saying all were used.
   */
  repeat?: 'last' | 'error';
  /** At most this many candidates are compared when explaining a miss (default 300). */
  maxCandidates?: number;
}

export type MatchResult = { hit: true; exchange: Exchange } | { hit: false; explanation: MissExplanation };

export interface MatcherStats {
  /** Requests answered from the cassette. */
  served: number;
  /** Requests that got a miss. */
  missed: number;
  /** Recorded exchanges never served. */
  unused: number;
}

export interface ExchangeUsage {
  exchange: Exchange;
  /** How many requests this exchange answered. */
  count: number;
}

/** The exchanges recorded under one key, in order, and the next one to serve. */
interface Queue {
  /** The operation of the key (part of it), so a request line shared by two services' operations never crosses over. */
  readonly operation: string | null;
  readonly positions: number[];
  next: number;
}

const DEFAULT_MAX_CANDIDATES = 300;

export class Matcher {
  private readonly exchanges: Exchange[] = [];
  private readonly counts: number[] = [];
  private readonly queues = new Map<string, Queue>();
  /**
   * `METHOD target` → queue, for requests without a body when no header takes part in the
   * identity: then the raw request line alone decides the key, so a repeat skips building
   * the canonical form. Bounded like the route cache; a miss is never remembered.
   */
  private readonly byTarget = new Map<string, Queue>();
  private readonly byTargetCapacity: number;
  private readonly candidates: CandidateIndex;
  private readonly keyOptions: KeyOptions;
  private readonly repeat: 'last' | 'error';
  private served = 0;
  private missed = 0;

  constructor(exchanges: readonly Exchange[], options: MatcherOptions = {}) {
    const repeat = options.repeat ?? 'last';
    if (repeat !== 'last' && repeat !== 'error') {
      throw new TapegateError(`Failed to configure "repeat": expected 'last' or 'error', got ${JSON.stringify(repeat)}`, 2);
    }
    const maxCandidates = options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
    if (!Number.isInteger(maxCandidates) || maxCandidates < 1) {
      throw new TapegateError(`Failed to configure "maxCandidates": expected a positive integer, got ${maxCandidates}`, 2);
    }
    this.repeat = repeat;
    this.keyOptions = new KeyOptions(options);
    this.candidates = new CandidateIndex(maxCandidates);
    this.byTargetCapacity = Math.max(4096, exchanges.length * 2);
    for (const exchange of exchanges) this.add(exchange);
  }

  /** Header names the options allow-listed but the matcher dropped as volatile. */
  get droppedHeaders(): readonly string[] {
    return this.keyOptions.droppedHeaders;
  }

  /** Appends an exchange (auto mode records while replaying); it queues after its key's others. */
  add(exchange: Exchange): void {
    const position = this.exchanges.length;
    this.exchanges.push(exchange);
    this.counts.push(0);
    const key = indexKey(exchange.operation, exchange.request, this.keyOptions, exchange.service ?? null);
    let queue = this.queues.get(key);
    if (queue === undefined) this.queues.set(key, (queue = { operation: exchange.operation, positions: [position], next: 0 }));
    else queue.positions.push(position);
    this.candidates.add(exchange);
    // A routed request with no body and no query: its request line is all its key is made of,
    // so the line finds its queue from the first request on (a large cassette is mostly first
    // requests: caching the line only on a repeat would rarely pay).
    const { request } = exchange;
    if (exchange.operation !== null && request.body.kind === 'empty' && this.keyOptions.matchHeaders.length === 0 && Object.keys(request.query).length === 0) {
      const line = requestLine(request.method, request.path, request.headers);
      if (!this.byTarget.has(line)) this.byTarget.set(line, queue);
    }
  }

  /**
   * The recorded answer for this request, or an explained miss. `target`: the raw request
   * line (`METHOD /path?query`) the request was read from, when the caller has it and the
   * request is as read (not rewritten, e.g. by redaction): it lets a body-less repeat skip
   * the canonical form. `service`: the request's SigV4 service when its `Authorization` is no
   * longer on it (redacted for matching); by default read from that header.
   */
  match(operation: string | null, request: RecordedRequest, target?: string, service?: string | null): MatchResult {
    // Without an operation the service and X-Amz-Target are part of the identity: not the line alone.
    const byLine = target !== undefined && operation !== null && request.body.kind === 'empty' && this.keyOptions.matchHeaders.length === 0;
    let queue = byLine ? this.byTarget.get(target) : undefined;
    // One line, two operations: Lambda's and another service's `GET /` (the route cache keys on the
    // signing service too; the line the matcher keeps does not, so the operation must agree).
    if (queue !== undefined && queue.operation !== operation) queue = undefined;
    if (queue === undefined) {
      queue = this.queues.get(indexKey(operation, request, this.keyOptions, service));
      if (queue !== undefined && byLine) {
        if (this.byTarget.size >= this.byTargetCapacity) this.byTarget.clear();
        this.byTarget.set(target, queue);
      }
    }
    if (queue === undefined) {
      this.missed++;
      const tier = this.candidates.tierFor(operation, request);
      return { hit: false, explanation: explainNoMatch({ operation, request, ...(service === undefined ? {} : { service }) }, tier, this.keyOptions) };
    }
    let position: number | undefined;
    if (queue.next < queue.positions.length) position = queue.positions[queue.next++];
    else if (this.repeat === 'last') position = queue.positions[queue.positions.length - 1];
    if (position === undefined) {
      this.missed++;
      const recorded = queue.positions.map((p) => this.exchanges[p] as Exchange);
      return { hit: false, explanation: explainExhausted({ operation, request }, recorded) };
    }
    this.served++;
    this.counts[position] = (this.counts[position] ?? 0) + 1;
    return { hit: true, exchange: this.exchanges[position] as Exchange };
  }

  /** Rewinds playback and clears the statistics (e.g. between test files). */
  reset(): void {
    for (const queue of this.queues.values()) queue.next = 0;
    this.counts.fill(0);
    this.served = 0;
    this.missed = 0;
  }

  /** Every exchange with how many requests it answered, in cassette order. */
  usage(): ExchangeUsage[] {
    return this.exchanges.map((exchange, i) => ({ exchange, count: this.counts[i] ?? 0 }));
  }

  /** Exchanges no request has used, in cassette order. */
  unused(): Exchange[] {
    return this.exchanges.filter((_, i) => this.counts[i] === 0);
  }

  stats(): MatcherStats {
    let unused = 0;
    for (const count of this.counts) if (count === 0) unused++;
    return { served: this.served, missed: this.missed, unused };
  }
}
