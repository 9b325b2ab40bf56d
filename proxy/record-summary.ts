/**
 * What a recording run did, as data (`RecordStats`) and as the lines `tapegate record`,
 * `auto` and `passthrough` print on stdout when they stop (stderr carries the per-request
 * lines: findings, refusals, failures).
 */
import type { RecordMode } from './record-options.js';
import type { SeverityCounts, ServedFinding } from './served-findings.js';
import { countOf } from '../core/text.js';

export interface RecordStats {
  mode: RecordMode;
  /** The cassette file (absolute); null in passthrough. */
  cassette: string | null;
  /** Requests sent upstream. */
  forwarded: number;
  /** Exchanges appended to the cassette by this run. */
  recorded: number;
  /** auto: requests answered from the cassette. */
  replayed: number;
  /** Requests answered 502/504 because the upstream failed (recorded only with recordFailures). */
  upstreamFailures: number;
  /** Exchanges the secret scanner kept out of the cassette (their clients got the response). */
  refused: number;
  /** Requests refused before forwarding: malformed, too large, no usable upstream, no credentials, client gone. */
  rejected: number;
  /** Exchanges in the cassette now (those it had plus those recorded); 0 in passthrough. */
  exchanges: number;
  /** Contract findings of every recorded (or, in passthrough, forwarded) exchange. */
  findings: ServedFinding[];
  findingCounts: SeverityCounts;
  /** True when findings at or above `failOn` occurred: the CLI exits 1. */
  failOnReached: boolean;
}

/**
 * ```
 * tapegate record summary: 14 forwarded, 13 recorded, 1 upstream failure, 0 refused by the secret scanner, 0 rejected (cassette of 13 exchanges)
 * findings: 0 errors, 1 warn, 3 info
 * ```
 */
export function formatRecordSummary(stats: RecordStats): string {
  const parts: string[] = [];
  if (stats.mode === 'auto') parts.push(`${stats.replayed} replayed`);
  parts.push(`${stats.forwarded} forwarded`);
  if (stats.mode !== 'passthrough') parts.push(`${stats.recorded} recorded`);
  parts.push(countOf(stats.upstreamFailures, 'upstream failure'));
  if (stats.mode !== 'passthrough') parts.push(`${stats.refused} refused by the secret scanner`);
  parts.push(`${stats.rejected} rejected`);
  const cassette = stats.mode === 'passthrough' ? '' : ` (cassette of ${countOf(stats.exchanges, 'exchange')})`;
  const counts = stats.findingCounts;
  return [
    `tapegate ${stats.mode} summary: ${parts.join(', ')}${cassette}`,
    `findings: ${countOf(counts.error, 'error')}, ${counts.warn} warn, ${counts.info} info${stats.failOnReached ? ' (at or above --fail-on: exit 1)' : ''}`,
  ].join('\n') + '\n';
}
