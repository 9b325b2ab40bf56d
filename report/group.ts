/**
 * The order of every report: rows grouped by operation, the operations whose worst row is
 * worst first (then by name), and inside one the worst row first, requests before responses
 * before errors, then by pointer and code. Equal rows keep the order they came in.
 */
import type { Severity } from '../core/findings.js';
import { operationOf, type ReportRow } from './row.js';

/** An operation a report looked at, with how many exchanges of it were checked (when exchanges were). */
export interface OperationSeen {
  operation: string;
  exchanges?: number;
}

export interface OperationGroup extends OperationSeen {
  /** Null for an operation without rows. */
  worst: Severity | null;
  rows: ReportRow[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 2, warn: 1, info: 0 };
const SIDE_ORDER = { request: 0, response: 1, error: 2 } as const;

export function severityRank(severity: Severity | null): number {
  return severity === null ? -1 : SEVERITY_RANK[severity];
}

export function compareRows(a: ReportRow, b: ReportRow): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    SIDE_ORDER[a.side] - SIDE_ORDER[b.side] ||
    (a.errorType ?? '').localeCompare(b.errorType ?? '') ||
    a.pointer.localeCompare(b.pointer) ||
    a.code.localeCompare(b.code)
  );
}

/**
 * Groups for the operations of `rows`, and for each operation of `seen` without rows (after
 * the others, in the order given). `seen` also gives each group its exchange count.
 */
export function groupByOperation(rows: readonly ReportRow[], seen: readonly OperationSeen[] = []): OperationGroup[] {
  const groups = new Map<string, OperationGroup>();
  for (const row of rows) {
    const operation = operationOf(row);
    let group = groups.get(operation);
    if (!group) groups.set(operation, (group = { operation, worst: null, rows: [] }));
    group.rows.push(row);
    if (severityRank(row.severity) > severityRank(group.worst)) group.worst = row.severity;
  }
  for (const group of groups.values()) group.rows.sort(compareRows);
  const changed = [...groups.values()].sort((a, b) => severityRank(b.worst) - severityRank(a.worst) || a.operation.localeCompare(b.operation));
  const clean = new Map<string, OperationGroup>();
  for (const { operation, exchanges } of seen) {
    const group = groups.get(operation) ?? clean.get(operation);
    if (group) {
      if (exchanges !== undefined) group.exchanges = exchanges;
    } else {
      clean.set(operation, { operation, ...(exchanges === undefined ? {} : { exchanges }), worst: null, rows: [] });
    }
  }
  return [...changed, ...clean.values()];
}

/** The rows in report order. */
export function orderRows(rows: readonly ReportRow[]): ReportRow[] {
  return groupByOperation(rows).flatMap((group) => group.rows);
}
