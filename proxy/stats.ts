/**
 * One set of counters for every mode, and the stats a proxy reports (`stats()`, `close()`,
 * the summary). A mode leaves the counters of steps it does not run at 0.
 */
import type { Expired } from './mode-choice.js';
import type { ProxyMode } from './modes.js';
import type { ServedFinding, SeverityCounts } from './steps/validate.js';

export interface ProxyCounters {
  /** Requests answered from the cassette (replay hits; auto's replayed requests). */
  served: number;
  /** Replay: requests answered with a TapegateNoMatch miss. */
  missed: number;
  /** Requests sent upstream. */
  forwarded: number;
  /** Of those, unsigned calls that are no AWS operation, passed to --upstream as they came (an emulator's own endpoints). */
  unsigned: number;
  /** Exchanges appended to the cassette by this run. */
  recorded: number;
  /** Requests answered 502/504 because the upstream failed (recorded only with recordFailures). */
  upstreamFailures: number;
  /** Exchanges the secret scanner kept out of the cassette (their clients got the response). */
  refused: number;
  /** Requests refused before matching or forwarding: malformed, too large, no usable upstream, no credentials, client gone. */
  rejected: number;
}

export function newCounters(): ProxyCounters {
  return { served: 0, missed: 0, forwarded: 0, unsigned: 0, recorded: 0, upstreamFailures: 0, refused: 0, rejected: 0 };
}

export interface UnusedExchange {
  seq: number;
  operation: string | null;
}

export interface ProxyStats extends ProxyCounters {
  mode: ProxyMode;
  /** The cassette file (absolute); null in passthrough. */
  cassette: string | null;
  /** Exchanges in the cassette now (those it had plus those recorded); 0 in passthrough. */
  exchanges: number;
  /** Replay and auto: recorded exchanges no request used, in cassette order. */
  unused: UnusedExchange[];
  /** Contract findings: of the served exchanges (replay), of the recorded or forwarded ones (the others). */
  findings: ServedFinding[];
  findingCounts: SeverityCounts;
  /** True when findings at or above `failOn` occurred: the CLI exits 1. */
  failOnReached: boolean;
  /** The cassette was older than `expiresIn` when the proxy started (and was used anyway, or recorded again); null otherwise. */
  expired: Expired | null;
}
