/**
 * What a replay run did, as data (`ReplayStats`) and as the few lines `tapegate replay`
 * prints when it stops. The CLI prints the summary on stdout, after the `listening` line:
 * stdout carries the run's results, stderr its diagnostics (one line per miss or rejected
 * request), so `tapegate replay ... > run.txt` keeps the outcome apart from the noise.
 */
import type { SeverityCounts, ServedFinding } from './served-findings.js';
import { countOf } from '../core/text.js';

export interface UnusedExchange {
  seq: number;
  operation: string | null;
}

export interface ReplayStats {
  /** Exchanges in the cassette. */
  exchanges: number;
  /** Requests answered from the cassette. */
  served: number;
  /** Requests answered with a TapegateNoMatch miss. */
  missed: number;
  /** Requests refused before matching: malformed HTTP, a body over the limit, a client gone mid-body. */
  rejected: number;
  /** Recorded exchanges no request used, in cassette order. */
  unused: UnusedExchange[];
  /** Contract findings of the served exchanges (each distinct exchange validated once). */
  findings: ServedFinding[];
  findingCounts: SeverityCounts;
}

/** Lists at most this many unused exchanges; the count is always complete. */
const MAX_LISTED_UNUSED = 50;

/**
 * ```
 * tapegate replay summary: 12 served, 1 missed, 0 rejected (cassette of 14 exchanges)
 * never used: 2 exchanges
 *   #3 apigateway.GetIntegrationResponse
 *   #9 (unknown operation)
 * findings: 1 error, 0 warn, 2 info
 * ```
 */
export function formatSummary(stats: ReplayStats): string {
  const lines = [
    `tapegate replay summary: ${stats.served} served, ${stats.missed} missed, ${stats.rejected} rejected ` +
      `(cassette of ${countOf(stats.exchanges, 'exchange')})`,
    `never used: ${countOf(stats.unused.length, 'exchange')}`,
  ];
  for (const unused of stats.unused.slice(0, MAX_LISTED_UNUSED)) {
    lines.push(`  #${unused.seq} ${unused.operation ?? '(unknown operation)'}`);
  }
  if (stats.unused.length > MAX_LISTED_UNUSED) lines.push(`  ... and ${stats.unused.length - MAX_LISTED_UNUSED} more`);
  const counts = stats.findingCounts;
  lines.push(`findings: ${countOf(counts.error, 'error')}, ${counts.warn} warn, ${counts.info} info`);
  return lines.join('\n') + '\n';
}
