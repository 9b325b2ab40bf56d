/**
 * The report to paste in a pull request: error and warn rows in a table, info folded away.
 * The same fact seen in several exchanges is one row with its count.
 */
import { orderRows } from './group.js';
import { mergeSeen } from './merge.js';
import type { ReportModel } from './model.js';
import { operationOf, where, type ReportRow } from './row.js';
import type { ReportStyle } from './style.js';
import { shortValue } from './values.js';
import { verdictLine } from './verdict.js';

/**
 * Text for a table cell: pipes and backslashes escaped, one line, and `<`, `>`, `&` as
 * entities, so that recorded text (`</details>`, an HTML error page) shows as text instead
 * of becoming markup in the rendered pull request.
 */
function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A code span in a cell: backslashes stay (code spans show them as they are), pipes are escaped. */
function codeCell(text: string): string {
  return text ? `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\n/g, ' ')}\`` : '';
}

/** `before → after` for a change, the value received for a finding. */
function values(row: ReportRow): string {
  if (row.before !== undefined || row.after !== undefined) return `${shortValue(row.before)} → ${shortValue(row.after)}`;
  return shortValue(row.received);
}

function table(rows: ReportRow[], style: ReportStyle): string[] {
  const heading = rows.some((row) => row.before !== undefined || row.after !== undefined) ? 'Before → after' : 'Received';
  const out = [`| Severity | Operation | Where | ${heading} | What it means |`, '| --- | --- | --- | --- | --- |'];
  for (const row of rows) {
    const label = style.labels[row.severity];
    const times = row.count > 1 ? ` (×${row.count})` : '';
    out.push(
      `| ${row.severity === 'error' ? `**${label}**` : label} | ${codeCell(operationOf(row))} | ${codeCell(where(row))} | ` +
        `${cell(values(row))} | ${cell(row.message)}${times} |`,
    );
  }
  return out;
}

export function markdownReport(model: ReportModel): string {
  const { style } = model;
  const ordered = mergeSeen(orderRows(model.rows));
  const loud = ordered.filter((row) => row.severity !== 'info');
  const quiet = ordered.filter((row) => row.severity === 'info');
  const out = [`**${cell(model.title)}**`, ''];
  if (model.summary !== null) out.push(model.summary, '');
  if (loud.length > 0) out.push(...table(loud, style), '');
  if (quiet.length > 0) {
    const summary = `${quiet.length} ${style.labels.info} ${quiet.length === 1 ? style.noun.one : style.noun.many}`;
    out.push(`<details><summary>${summary}</summary>`, '', ...table(quiet, style), '', '</details>', '');
  }
  for (const note of model.notes) out.push(`> ${cell(note)}`);
  if (model.verdict) {
    if (out.at(-1) !== '') out.push('');
    out.push(verdictLine(model.rows, model.failOn, style));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
