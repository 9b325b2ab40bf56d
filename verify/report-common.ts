/** What the verify report formats share: findings with their place, grouping, counts, the verdict. */
import { atLeast, type Severity } from '../core/findings.js';
import type { FailOn } from '../core/findings.js';
import { UNROUTED, type VerifiedFinding, type VerifyReport } from './types.js';
import { countOf } from '../core/text.js';

/** A finding with the exchange it came from. */
export interface LocatedFinding extends VerifiedFinding {
  cassette: string;
  seq: number;
}

export interface OperationGroup {
  operation: string;
  /** Exchanges of this operation, with or without findings. */
  exchanges: number;
  worst: Severity | null;
  findings: LocatedFinding[];
}

const RANK: Record<Severity, number> = { error: 2, warn: 1, info: 0 };
const rank = (severity: Severity | null): number => (severity === null ? -1 : RANK[severity]);

function compareFindings(a: LocatedFinding, b: LocatedFinding): number {
  return (
    RANK[b.severity] - RANK[a.severity] ||
    (a.side === b.side ? 0 : a.side === 'request' ? -1 : 1) ||
    a.path.localeCompare(b.path) ||
    a.code.localeCompare(b.code) ||
    a.cassette.localeCompare(b.cassette) ||
    a.seq - b.seq
  );
}

/** Every operation seen, the worst first (then by name); inside one, the worst finding first. */
export function groupByOperation(report: VerifyReport): OperationGroup[] {
  const groups = new Map<string, OperationGroup>();
  for (const cassette of report.cassettes) {
    for (const exchange of cassette.exchanges) {
      const operation = exchange.operation ?? UNROUTED;
      let group = groups.get(operation);
      if (!group) groups.set(operation, (group = { operation, exchanges: 0, worst: null, findings: [] }));
      group.exchanges += 1;
      for (const finding of exchange.findings) {
        group.findings.push({ ...finding, cassette: cassette.path, seq: exchange.seq });
        if (rank(finding.severity) > rank(group.worst)) group.worst = finding.severity;
      }
    }
  }
  for (const group of groups.values()) group.findings.sort(compareFindings);
  return [...groups.values()].sort((a, b) => rank(b.worst) - rank(a.worst) || a.operation.localeCompare(b.operation));
}

export interface Summary {
  cassettes: number;
  exchanges: number;
  operations: number;
  /** Operations with at least one finding. */
  operationsWithFindings: number;
  error: number;
  warn: number;
  info: number;
}

export function summarise(report: VerifyReport): Summary {
  const summary: Summary = { cassettes: report.cassettes.length, exchanges: 0, operations: 0, operationsWithFindings: 0, error: 0, warn: 0, info: 0 };
  for (const cassette of report.cassettes) {
    summary.exchanges += cassette.exchanges.length;
    for (const exchange of cassette.exchanges) for (const finding of exchange.findings) summary[finding.severity] += 1;
  }
  const groups = groupByOperation(report);
  summary.operations = groups.length;
  summary.operationsWithFindings = groups.filter((group) => group.findings.length > 0).length;
  return summary;
}


/** `Verified 10 exchanges in 1 cassette against the bundled contracts: 7 error, 1 warn, 1 info in 6 of 7 operations.` */
export function summaryLine(report: VerifyReport): string {
  const s = summarise(report);
  const head = `Verified ${countOf(s.exchanges, 'exchange')} in ${countOf(s.cassettes, 'cassette')} against ${report.contracts}`;
  if (s.error + s.warn + s.info === 0) return `${head}: no findings in ${countOf(s.operations, 'operation')}.`;
  return `${head}: ${s.error} error, ${s.warn} warn, ${s.info} info in ${s.operationsWithFindings} of ${countOf(s.operations, 'operation')}.`;
}

/** True when the finding fails the run under `--fail-on`. */
export function fails(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && atLeast(severity, failOn);
}

export function failingCount(report: VerifyReport, failOn: FailOn): number {
  let count = 0;
  for (const cassette of report.cassettes) {
    for (const exchange of cassette.exchanges) count += exchange.findings.filter((finding) => fails(finding.severity, failOn)).length;
  }
  return count;
}

/** `--fail-on`: 1 when a finding at or above the level exists, else 0. */
export function exitCodeFor(report: VerifyReport, failOn: FailOn): 0 | 1 {
  return failingCount(report, failOn) > 0 ? 1 : 0;
}

/** The last line of the text report and what `--output` leaves on stdout. */
export function verdictLine(report: VerifyReport, failOn: FailOn): string {
  if (failOn === 'never') return 'Passed: --fail-on never.';
  const count = failingCount(report, failOn);
  const level = failOn === 'warn' ? 'warn or error' : 'error';
  return count > 0 ? `Failed: ${countOf(count, 'finding')} at ${level} (--fail-on ${failOn}).` : `Passed: no findings at ${level} (--fail-on ${failOn}).`;
}
