/**
 * Explanations of misses, mockttp-style: what was asked, the closest recorded exchange,
 * the first differences, and one ready paragraph for the error response.
 *
 * Two forms of the paragraph: `message`, for the client that sent the request (it shows
 * the values: the client knows its own request, and recorded values were redacted before
 * they were stored; secret-shaped text is masked all the same), and `summary`, for the
 * proxy's log, which names the differing fields by JSON Pointer and shows no value at
 * all: logs are read by more people than the test's author, and a received value may be a
 * secret no pattern knows (a password in a body).
 */
import type { Exchange, RecordedRequest } from '../../core/exchange.js';
import { MASK, requestLabel } from '../redact/request-label.js';
import { maskSecretShapes } from '../redact/secret-patterns.js';
import { DifferenceCollector, truncate, type Difference } from './explain-diff.js';
import { compareRequests, type RequestView } from './fields.js';
import type { KeyOptions } from './key.js';

export type { Difference } from './explain-diff.js';

/** How the closest exchange was found: the tier of candidates it came from. */
export type Relation = 'same operation' | 'same method and path' | 'nearest of all';

export interface ClosestExchange {
  exchange: Exchange;
  relation: Relation;
  /** Differences found, counted up to `MAX_COUNTED_DIFFERENCES`. */
  differenceCount: number;
}

export interface MissExplanation {
  /** `no-match`: no recorded key equals the request's; `exhausted`: it did, all were used. */
  reason: 'no-match' | 'exhausted';
  operation: string | null;
  method: string;
  path: string;
  closest: ClosestExchange | null;
  /** The first `MAX_REPORTED_DIFFERENCES` differences with the closest exchange. */
  differences: Difference[];
  /** For `exhausted`: how many exchanges were recorded under this key. */
  recordedCount?: number;
  /** The paragraph for the client, with values (secret-shaped text masked). */
  message: string;
  /** The paragraph for logs: the same without any value, differences named by pointer only. */
  summary: string;
}

export const MAX_REPORTED_DIFFERENCES = 5;
/** Counting stops here: past it a candidate is far off anyway, and the walk stays bounded. */
export const MAX_COUNTED_DIFFERENCES = 50;

export interface CandidateTier {
  relation: Relation;
  exchanges: readonly Exchange[];
}

function describeRequest(operation: string | null, request: RecordedRequest): string {
  return `${operation ?? '(unknown operation)'} ${requestLabel(request.method, request.path)}`;
}

function formatValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  // Values come through boundValue: JSON-able, so stringify always gives text.
  const json = JSON.stringify(value) as string | undefined;
  return truncate(maskSecretShapes(json ?? '(unprintable)', MASK));
}

/** `/body/a, /query/b; and 3 more`: where the differences are, without what they are. */
function formatPointers(differences: readonly Difference[], total: number): string {
  const shown = differences.slice(0, MAX_REPORTED_DIFFERENCES).map((d) => maskSecretShapes(d.pointer, MASK));
  const more = total - shown.length;
  return shown.join(', ') + (more > 0 ? `; and ${total >= MAX_COUNTED_DIFFERENCES ? 'at least ' : ''}${more} more` : '');
}

function formatDifferences(differences: readonly Difference[], total: number): string {
  const shown = differences
    .slice(0, MAX_REPORTED_DIFFERENCES)
    .map((d) => `${maskSecretShapes(d.pointer, MASK)}: recorded ${formatValue(d.recorded)}, received ${formatValue(d.received)}`);
  const more = total - shown.length;
  const tail = more > 0 ? `; and ${total >= MAX_COUNTED_DIFFERENCES ? 'at least ' : ''}${more} more` : '';
  return shown.join('; ') + tail;
}

/**
 * Picks the candidate with the fewest differences (ties go to the earlier one) and
 * explains the miss against it. `tier` is undefined when the cassette is empty.
 */
export function explainNoMatch(received: RequestView, tier: CandidateTier | undefined, options: KeyOptions): MissExplanation {
  const head = `No recorded exchange matches ${describeRequest(received.operation, received.request)}.`;
  const base = { reason: 'no-match' as const, operation: received.operation, ...requestLine(received.request) };
  let chosen: Exchange | undefined;
  let chosenDifferences: Difference[] = [];
  for (const exchange of tier?.exchanges ?? []) {
    // A candidate reaching the current best count cannot win: stop walking it there.
    const limit = chosen === undefined ? MAX_COUNTED_DIFFERENCES : chosenDifferences.length;
    const out = new DifferenceCollector(limit);
    compareRequests(exchange, received, options, out);
    if (chosen === undefined || out.differences.length < chosenDifferences.length) {
      chosen = exchange;
      chosenDifferences = out.differences;
      if (chosenDifferences.length === 0) break;
    }
  }
  if (tier === undefined || chosen === undefined) {
    const message = `${head} The cassette holds no exchanges.`;
    return { ...base, closest: null, differences: [], message, summary: message };
  }
  const count = chosenDifferences.length;
  const none = 'No difference is visible in the compared parts.';
  const listed = count === 0 ? none : `Differences: ${formatDifferences(chosenDifferences, count)}.`;
  const located = count === 0 ? none : `Differences at ${formatPointers(chosenDifferences, count)}.`;
  const closest = `Closest: #${chosen.seq} (${tier.relation}).`;
  return {
    ...base,
    closest: { exchange: chosen, relation: tier.relation, differenceCount: count },
    differences: chosenDifferences.slice(0, MAX_REPORTED_DIFFERENCES),
    message: `${head} ${closest} ${listed}`,
    summary: `${head} ${closest} ${located}`,
  };
}

/** Explains a key whose recorded exchanges were all served under `repeat: 'error'`. */
export function explainExhausted(received: RequestView, recorded: readonly Exchange[]): MissExplanation {
  const last = recorded[recorded.length - 1];
  const n = recorded.length;
  const noun = n === 1 ? 'exchange' : 'exchanges';
  const lastPart = last === undefined ? '' : ` The last one was #${last.seq}.`;
  const message =
    `No recorded exchange is left for ${describeRequest(received.operation, received.request)}: ` +
    `the ${n} recorded ${noun} for this request were all used (repeat: 'error').${lastPart}`;
  return {
    reason: 'exhausted',
    operation: received.operation,
    ...requestLine(received.request),
    closest: last === undefined ? null : { exchange: last, relation: 'same operation', differenceCount: 0 },
    differences: [],
    recordedCount: n,
    message,
    summary: message,
  };
}

function requestLine(request: RecordedRequest): { method: string; path: string } {
  return { method: request.method.toUpperCase(), path: maskSecretShapes(request.path, MASK) };
}
