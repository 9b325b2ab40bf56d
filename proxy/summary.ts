/**
 * The lines every proxy command prints on stdout when it stops (stderr carries the
 * per-request lines: misses, findings, refusals, failures), so `tapegate replay ... >
 * run.txt` keeps the outcome apart from the noise. One function for every mode; a mode
 * shows the counters of the steps it runs (modes.ts).
 *
 * ```
 * tapegate replay summary: 12 served, 1 missed, 0 rejected (cassette of 14 exchanges)
 * never used: 2 exchanges
 *   #3 apigateway.GetIntegrationResponse
 *   #9 (unknown operation)
 * findings: 1 error, 0 warn, 2 info
 *
 * tapegate record summary: 14 forwarded, 13 recorded, 1 upstream failure, 0 refused by the secret scanner, 0 rejected (cassette of 13 exchanges)
 * findings: 0 errors, 1 warn, 3 info
 * ```
 */
import { countOf } from '../core/text.js';
import type { SessionOutcome } from './sessions.js';
import type { ProxyStats } from './stats.js';

/** Lists at most this many unused exchanges by default; the count is always complete. */
const MAX_LISTED_UNUSED = 50;

export interface SummaryOptions {
  /** How many unused exchanges to name before "... and N more" (`exec` names a few unless --verbose). */
  unusedListed?: number;
  /** Said after "... and N more": how to see them all. */
  moreHint?: string;
}

function countsLine(stats: ProxyStats): string {
  const parts: string[] = [];
  if (stats.mode === 'replay') parts.push(`${stats.served} served`, `${stats.missed} missed`);
  if (stats.mode === 'auto') parts.push(`${stats.served} replayed`);
  if (stats.mode !== 'replay') {
    parts.push(`${stats.forwarded} forwarded`);
    if (stats.unsigned > 0) parts.push(`${stats.unsigned} of them unsigned (no AWS operation, passed to --upstream as they came)`);
    if (stats.mode !== 'passthrough') parts.push(`${stats.recorded} recorded`);
    parts.push(countOf(stats.upstreamFailures, 'upstream failure'));
    if (stats.mode !== 'passthrough') parts.push(`${stats.refused} refused by the secret scanner`);
  }
  parts.push(`${stats.rejected} rejected`);
  const cassette = stats.mode === 'passthrough' ? '' : ` (cassette of ${countOf(stats.exchanges, 'exchange')})`;
  return `tapegate ${stats.mode} summary: ${parts.join(', ')}${cassette}`;
}

function unusedLines(stats: ProxyStats, listed: number, moreHint: string): string[] {
  const lines = [`never used: ${countOf(stats.unused.length, 'exchange')}`];
  for (const unused of stats.unused.slice(0, listed)) lines.push(`  #${unused.seq} ${unused.operation ?? '(unknown operation)'}`);
  if (stats.unused.length > listed) lines.push(`  ... and ${stats.unused.length - listed} more${moreHint}`);
  return lines;
}

export function formatSummary(stats: ProxyStats, options: SummaryOptions = {}): string {
  const counts = stats.findingCounts;
  return (
    [
      countsLine(stats),
      ...(stats.mode === 'replay' ? unusedLines(stats, options.unusedListed ?? MAX_LISTED_UNUSED, options.moreHint ?? '') : []),
      ...(stats.expired === null
        ? []
        : [
            `expired: recorded ${stats.expired.recordedAt}, older than ${stats.expired.expiresIn} (expiresIn)${stats.mode === 'record' ? ': recorded again' : ': record it again'}`,
          ]),
      `findings: ${countOf(counts.error, 'error')}, ${counts.warn} warn, ${counts.info} info${stats.failOnReached ? ' (at or above --fail-on: exit 1)' : ''}`,
    ].join('\n') + '\n'
  );
}

/** Lists at most this many sessions with misses; the count is always complete. */
const MAX_LISTED_SESSIONS = 20;

/**
 * The closing lines of a proxy serving sessions (`tapegate serve`, `exec --sessions`): the
 * counts over every session, the sessions that missed by name, the findings of all of them.
 *
 * ```
 * tapegate sessions summary: 12 sessions, 40 served, 1 missed, 0 forwarded, 0 recorded, 0 rejected
 * sessions with misses: 1
 *   test_orders/test_create: 1 missed
 * findings: 0 errors, 0 warn, 3 info
 * ```
 */
export function formatSessionsSummary(outcomes: readonly SessionOutcome[]): string {
  const total = { served: 0, missed: 0, forwarded: 0, recorded: 0, rejected: 0, error: 0, warn: 0, info: 0 };
  for (const { stats } of outcomes) {
    for (const key of ['served', 'missed', 'forwarded', 'recorded', 'rejected'] as const) total[key] += stats[key];
    for (const key of ['error', 'warn', 'info'] as const) total[key] += stats.findingCounts[key];
  }
  const missing = outcomes.filter((outcome) => outcome.stats.missed > 0);
  const lines = [
    `tapegate sessions summary: ${countOf(outcomes.length, 'session')}, ${total.served} served, ${total.missed} missed, ${total.forwarded} forwarded, ${total.recorded} recorded, ${total.rejected} rejected`,
  ];
  if (missing.length > 0) {
    lines.push(`sessions with misses: ${missing.length}`);
    for (const outcome of missing.slice(0, MAX_LISTED_SESSIONS)) lines.push(`  ${outcome.name}: ${outcome.stats.missed} missed`);
    if (missing.length > MAX_LISTED_SESSIONS) lines.push(`  ... and ${missing.length - MAX_LISTED_SESSIONS} more`);
  }
  lines.push(`findings: ${countOf(total.error, 'error')}, ${total.warn} warn, ${total.info} info`);
  return lines.join('\n') + '\n';
}
