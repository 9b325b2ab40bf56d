/** The terminal report: the title, then changes grouped by operation, breaking first, then a summary. */
import { groupByOperation, shortValue, summaryLine, where } from './report-common.js';
import type { DriftChange, DriftReport } from './types.js';

function line(change: DriftChange): string {
  const times = change.count !== undefined && change.count > 1 ? ` (×${change.count})` : '';
  // Lists and objects are spelled out by the message; scalars are worth a line of their own.
  const scalar = (value: unknown) => typeof value !== 'object' || value === null;
  const shown = (change.before !== null || change.after !== null) && scalar(change.before) && scalar(change.after);
  const values = shown ? `\n              ${shortValue(change.before)} → ${shortValue(change.after)}` : '';
  return `  ${change.severity.toUpperCase().padEnd(9)} ${where(change)}  [${change.code}]${times}\n              ${change.message}${values}`;
}

export function textReport(report: DriftReport): string {
  const out = [report.title, ''];
  for (const group of groupByOperation(report.changes)) {
    out.push(group.operation, ...group.changes.map(line), '');
  }
  for (const note of report.notes) out.push(`note: ${note}`);
  if (report.notes.length > 0) out.push('');
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}
