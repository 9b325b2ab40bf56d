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
  return `${report.title}\n\n${textChanges(report.changes)}${textEnd(report)}`;
}

/**
 * The three pieces of the text report, so the CLI can stream it: the title, then the
 * changes of each service pair as it is compared, then notes and the summary.
 */
export function textChanges(changes: DriftChange[]): string {
  return groupByOperation(changes).map((group) => `${[group.operation, ...group.changes.map(line)].join('\n')}\n\n`).join('');
}

export function textEnd(report: DriftReport): string {
  const notes = report.notes.map((note) => `note: ${note}\n`).join('');
  return `${notes}${notes ? '\n' : ''}${summaryLine(report)}\n`;
}
