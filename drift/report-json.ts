/** The machine-readable report: everything the others show, plus the summary counts. */
import { orderChanges, summarise } from './report-common.js';
import type { DriftReport } from './types.js';

export function jsonReport(report: DriftReport): string {
  const { kind, title, notes, operations } = report;
  return `${JSON.stringify({ title, kind, summary: summarise(report), notes, operations, changes: orderChanges(report.changes) }, null, 2)}\n`;
}
