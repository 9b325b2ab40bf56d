/** The report to paste in a pull request: breaking and warn changes in a table, info folded away. */
import { groupByOperation, shortValue, summaryLine, where } from './report-common.js';
import type { DriftChange, DriftReport } from './types.js';

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: string): string {
  return text ? `\`${text.replace(/`/g, "'")}\`` : '';
}

function table(changes: DriftChange[]): string[] {
  const rows = ['| Severity | Operation | Where | Before → after | What it means |', '| --- | --- | --- | --- | --- |'];
  for (const change of changes) {
    const times = change.count !== undefined && change.count > 1 ? ` (×${change.count})` : '';
    rows.push(
      `| ${change.severity === 'breaking' ? '**breaking**' : change.severity} | ${code(change.operation)} | ${cell(code(where(change)))} | ` +
        `${cell(`${shortValue(change.before)} → ${shortValue(change.after)}`)} | ${cell(change.message)}${times} |`,
    );
  }
  return rows;
}

export function markdownReport(report: DriftReport): string {
  const ordered = groupByOperation(report.changes).flatMap((group) => group.changes);
  const loud = ordered.filter((change) => change.severity !== 'info');
  const quiet = ordered.filter((change) => change.severity === 'info');
  const out = [`**${cell(report.title)}**`, '', summaryLine(report), ''];
  if (loud.length > 0) out.push(...table(loud), '');
  if (quiet.length > 0) {
    out.push(`<details><summary>${quiet.length} info change${quiet.length === 1 ? '' : 's'}</summary>`, '', ...table(quiet), '', '</details>', '');
  }
  for (const note of report.notes) out.push(`> ${cell(note)}`);
  return `${out.join('\n').trimEnd()}\n`;
}
