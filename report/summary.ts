/** The counts every report states: rows by severity, operations looked at, operations with rows. */
import type { Severity } from '../core/findings.js';
import type { OperationSeen } from './group.js';
import { operationOf, type ReportRow } from './row.js';

export interface Summary extends Record<Severity, number> {
  /** Operations looked at. */
  operations: number;
  /** Operations with at least one row. */
  operationsWithRows: number;
}

export function summarise(rows: readonly ReportRow[], seen: readonly OperationSeen[]): Summary {
  const summary: Summary = { error: 0, warn: 0, info: 0, operations: seen.length, operationsWithRows: 0 };
  const withRows = new Set<string>();
  for (const row of rows) {
    summary[row.severity] += 1;
    withRows.add(operationOf(row));
  }
  summary.operationsWithRows = withRows.size;
  return summary;
}
