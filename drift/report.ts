/**
 * Drift's adapter to the shared report stack: each change a row (`breaking` is the stack's
 * `error`), the title (what was compared) first and the counts last, JSON with the changes in
 * report order, JUnit with a suite per operation compared and a testcase per change (an
 * operation without changes passes one "no drift" testcase). The text report also comes in
 * pieces, for the CLI to write service pair by service pair.
 */
import type { FailOn } from '../core/findings.js';
import { formatReport, type ReportFormat } from '../report/format.js';
import { groupByOperation, orderRows, type OperationSeen } from '../report/group.js';
import type { JunitSuite, ReportModel } from '../report/model.js';
import type { ReportRow } from '../report/row.js';
import type { ReportStyle } from '../report/style.js';
import { summarise, type Summary } from '../report/summary.js';
import { textEnd, textHead, textRows } from '../report/text.js';
import { exitCodeFor } from '../report/verdict.js';
import type { DriftChange, DriftReport, DriftSeverity } from './types.js';

export { REPORT_FORMATS, type ReportFormat } from '../report/format.js';

/** `--fail-on` of `tapegate drift`: the lowest severity that makes it exit 1. */
export const DRIFT_FAIL_ON = ['breaking', 'warn', 'never'] as const;
export type DriftFailOn = (typeof DRIFT_FAIL_ON)[number];

export const DRIFT_STYLE: ReportStyle = {
  labels: { error: 'breaking', warn: 'warn', info: 'info' },
  noun: { one: 'change', many: 'changes' },
  text: { severityWidth: 10, detailIndent: 14, seen: 'count', listClean: false },
};

const toFailOn = (failOn: DriftFailOn): FailOn => (failOn === 'breaking' ? 'error' : failOn);
const toSeverity = (severity: DriftSeverity): ReportRow['severity'] => (severity === 'breaking' ? 'error' : severity);

function changeRow(change: DriftChange): ReportRow {
  const { operation, side, errorType, pointer, message, code, before, after } = change;
  return {
    operation,
    severity: toSeverity(change.severity),
    code,
    side,
    pointer,
    message,
    ...(errorType === undefined ? {} : { errorType }),
    places: change.exchanges ?? [],
    count: change.count ?? change.exchanges?.length ?? 0,
    before,
    after,
  };
}

/** A row as drift's JSON spells a change. */
function changeJson(row: ReportRow): Record<string, unknown> {
  const { operation, side, pointer, before, after, code, message, errorType, places, count } = row;
  return {
    operation,
    side,
    pointer,
    before,
    after,
    severity: DRIFT_STYLE.labels[row.severity],
    code,
    message,
    ...(errorType === undefined ? {} : { errorType }),
    ...(places.length === 0 ? {} : { exchanges: places, count }),
  };
}

/** The changes in report order: by operation, the worst operation and the worst change first. */
export function orderChanges(changes: readonly DriftChange[]): DriftChange[] {
  const changeOf = new Map(changes.map((change) => [changeRow(change), change]));
  return orderRows([...changeOf.keys()]).map((row) => changeOf.get(row)!);
}

function counts(report: DriftReport) {
  const rows = report.changes.map(changeRow);
  const operations: OperationSeen[] = report.operations.map((operation) => ({ operation }));
  return { rows, operations, summary: summarise(rows, operations) };
}

function countsLine(s: Summary): string {
  if (s.error + s.warn + s.info === 0) return `No drift in ${s.operations} operations.`;
  return `${s.error} breaking, ${s.warn} warn, ${s.info} info in ${s.operationsWithRows} of ${s.operations} operations.`;
}

/** `1 breaking, 1 warn, 1 info in 2 of 3 operations.` */
export function summaryLine(report: DriftReport): string {
  return countsLine(counts(report).summary);
}

function junitSuites(rows: ReportRow[], operations: OperationSeen[]): JunitSuite[] {
  return groupByOperation(rows, operations).map((group) => ({
    name: group.operation,
    cases: group.rows.length > 0 ? group.rows.map((row) => ({ row })) : [{ classname: group.operation, name: 'no drift', rows: [] }],
  }));
}

export function driftReportModel(report: DriftReport, failOn: DriftFailOn = 'breaking'): ReportModel {
  const { rows, operations, summary: s } = counts(report);
  return {
    style: DRIFT_STYLE,
    title: report.title,
    summary: countsLine(s),
    notes: report.notes,
    operations,
    rows,
    failOn: toFailOn(failOn),
    verdict: false,
    json: {
      head: {
        title: report.title,
        kind: report.kind,
        summary: { breaking: s.error, warn: s.warn, info: s.info, changedOperations: s.operationsWithRows, operations: s.operations },
        notes: report.notes,
        operations: report.operations,
      },
      rows: 'in-order',
      row: changeJson,
    },
    junit: { name: report.title, suites: junitSuites(rows, operations) },
  };
}

export function formatDriftReport(report: DriftReport, format: ReportFormat, failOn: DriftFailOn = 'breaking'): string {
  return formatReport(driftReportModel(report, failOn), format);
}

/** --fail-on: 1 when a change at or above the level exists, else 0. */
export function driftExitCode(report: DriftReport, failOn: DriftFailOn): 0 | 1 {
  return exitCodeFor(counts(report).rows, toFailOn(failOn));
}

/**
 * The text report in pieces: `driftTextHead` (the title) before anything is compared, then
 * `driftTextChanges` for each service pair as it is compared, then `driftTextEnd` (notes and
 * counts, of the whole report). With one pair, or cassettes, that is `formatDriftReport`'s
 * text; with more, each pair's operations come together, in the order the pairs were compared.
 */
export function driftTextHead(title: string): string {
  return textHead(title);
}

export function driftTextChanges(changes: readonly DriftChange[]): string {
  return textRows(changes.map(changeRow), DRIFT_STYLE);
}

export function driftTextEnd(report: DriftReport): string {
  return textEnd(driftReportModel(report));
}
