/**
 * Verify's adapter to the shared report stack: each finding a row (seen in one exchange),
 * grouped under the exchange's operation; the counts line first; the verdict under
 * --fail-on last; JSON by operation with the value received at each pointer; JUnit with a
 * suite per cassette and a testcase per exchange.
 */
import type { FailOn } from '../core/findings.js';
import { countOf } from '../core/text.js';
import { formatReport, type ReportFormat } from '../report/format.js';
import type { OperationSeen } from '../report/group.js';
import type { JunitSuite, ReportModel } from '../report/model.js';
import { UNROUTED, type ReportRow } from '../report/row.js';
import type { ReportStyle } from '../report/style.js';
import { summarise } from '../report/summary.js';
import { exitCodeFor, failingCount } from '../report/verdict.js';
import type { VerifiedExchange, VerifiedFinding, VerifyReport } from './types.js';

export { REPORT_FORMATS as VERIFY_FORMATS, type ReportFormat as VerifyFormat } from '../report/format.js';

export const VERIFY_STYLE: ReportStyle = {
  labels: { error: 'error', warn: 'warn', info: 'info' },
  noun: { one: 'finding', many: 'findings' },
  text: { severityWidth: 9, detailIndent: 11, seen: 'places', listClean: true },
};

function row(finding: VerifiedFinding, exchange: VerifiedExchange, cassette: string): ReportRow {
  const { side, severity, code, path, message, received } = finding;
  return {
    operation: exchange.operation,
    severity,
    code,
    side,
    pointer: path,
    message,
    places: [{ cassette, seq: exchange.seq }],
    count: 1,
    ...(received === undefined ? {} : { received }),
  };
}

interface Rows {
  /** Every finding, by cassette name then seq (the order equal findings are listed in). */
  all: ReportRow[];
  /** Per cassette, per exchange, in recorded order. */
  byExchange: ReportRow[][][];
  operations: OperationSeen[];
}

function rowsOf(report: VerifyReport): Rows {
  const byExchange = report.cassettes.map((cassette) => cassette.exchanges.map((exchange) => exchange.findings.map((f) => row(f, exchange, cassette.path))));
  const order = report.cassettes.map((_, i) => i).sort((a, b) => report.cassettes[a]!.path.localeCompare(report.cassettes[b]!.path));
  const exchangesOf = new Map<string, number>();
  for (const cassette of report.cassettes) {
    for (const exchange of cassette.exchanges) {
      const operation = exchange.operation ?? UNROUTED;
      exchangesOf.set(operation, (exchangesOf.get(operation) ?? 0) + 1);
    }
  }
  const operations = [...exchangesOf].map(([operation, exchanges]) => ({ operation, exchanges })).sort((a, b) => a.operation.localeCompare(b.operation));
  return { all: order.flatMap((i) => byExchange[i]!.flat()), byExchange, operations };
}

/** `Verified 10 exchanges in 1 cassette against the bundled contracts: 7 error, 1 warn, 1 info in 6 of 7 operations.` */
export function summaryLine(report: VerifyReport): string {
  const { all, operations } = rowsOf(report);
  return countsLine(report, all, operations);
}

/** Exchanges of services the contracts do not cover, per service, by name. */
export function uncoveredServices(report: VerifyReport): Record<string, number> {
  const counts = new Map<string, number>();
  for (const cassette of report.cassettes) {
    for (const { uncoveredService } of cassette.exchanges) {
      if (uncoveredService !== undefined) counts.set(uncoveredService, (counts.get(uncoveredService) ?? 0) + 1);
    }
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

/** ` Not covered (no contracts, not checked): cognito-idp 3 exchanges, sts 1 exchange.`, or nothing. */
function uncoveredText(report: VerifyReport): string {
  const entries = Object.entries(uncoveredServices(report));
  if (entries.length === 0) return '';
  return ` Not covered (no contracts, not checked): ${entries.map(([service, n]) => `${service} ${countOf(n, 'exchange')}`).join(', ')}.`;
}

/**
 * The counts line; it ends with the services not covered, so every format (text, Markdown,
 * the JUnit name, beside the JSON head's `uncovered`) says what was not checked.
 */
function countsLine(report: VerifyReport, rows: ReportRow[], operations: OperationSeen[]): string {
  const s = summarise(rows, operations);
  const exchanges = report.cassettes.reduce((sum, cassette) => sum + cassette.exchanges.length, 0);
  const head = `Verified ${countOf(exchanges, 'exchange')} in ${countOf(report.cassettes.length, 'cassette')} against ${report.contracts}`;
  if (rows.length === 0) return `${head}: no findings in ${countOf(s.operations, 'operation')}.${uncoveredText(report)}`;
  return `${head}: ${s.error} error, ${s.warn} warn, ${s.info} info in ${s.operationsWithRows} of ${countOf(s.operations, 'operation')}.${uncoveredText(report)}`;
}

function junitSuites(report: VerifyReport, byExchange: ReportRow[][][]): JunitSuite[] {
  return report.cassettes.map((cassette, c) => ({
    name: cassette.path,
    cases: cassette.exchanges.map((exchange, e) => ({
      classname: exchange.operation ?? UNROUTED,
      name: `#${exchange.seq} ${exchange.method} ${exchange.path}`,
      rows: byExchange[c]![e]!,
    })),
  }));
}

export function verifyReportModel(report: VerifyReport, failOn: FailOn): ReportModel {
  const { all, byExchange, operations } = rowsOf(report);
  const title = countsLine(report, all, operations);
  const s = summarise(all, operations);
  return {
    style: VERIFY_STYLE,
    title,
    summary: null,
    notes: [],
    operations,
    rows: all,
    failOn,
    verdict: true,
    json: {
      head: {
        format: 'tapegate-verify-report',
        formatVersion: 1,
        contracts: report.contracts,
        failOn,
        failed: failingCount(all, failOn) > 0,
        summary: {
          cassettes: report.cassettes.length,
          exchanges: report.cassettes.reduce((sum, cassette) => sum + cassette.exchanges.length, 0),
          operations: s.operations,
          operationsWithFindings: s.operationsWithRows,
          error: s.error,
          warn: s.warn,
          info: s.info,
        },
        /** Exchanges per service the contracts do not cover (not checked; never fail the run). */
        uncovered: uncoveredServices(report),
        cassettes: report.cassettes.map((cassette) => ({
          path: cassette.path,
          exchanges: cassette.exchanges.length,
          findings: cassette.exchanges.reduce((sum, exchange) => sum + exchange.findings.length, 0),
        })),
      },
      rows: 'by-operation',
      row: ({ places, operation, side, severity, code, pointer, message, received }) => ({
        cassette: places[0]?.cassette,
        seq: places[0]?.seq,
        operation,
        side,
        severity,
        code,
        path: pointer,
        message,
        ...(received === undefined ? {} : { received }),
      }),
    },
    junit: { name: `tapegate verify: ${title}`, suites: junitSuites(report, byExchange) },
  };
}

export function formatVerifyReport(report: VerifyReport, format: ReportFormat, failOn: FailOn): string {
  return formatReport(verifyReportModel(report, failOn), format);
}

/** --fail-on: 1 when a finding at or above the level exists, else 0. */
export function verifyExitCode(report: VerifyReport, failOn: FailOn): 0 | 1 {
  return exitCodeFor(rowsOf(report).all, failOn);
}
