/**
 * The terminal report: the title, then each operation with rows (the worst first), each row
 * with its severity, where, code, the sentence, and where it was seen; then, as the report
 * has them, the operations without rows, notes, the counts and the verdict. It is made of
 * three pieces (head, rows, end) so that drift can write it service pair by service pair.
 */
import { countOf } from '../core/text.js';
import { groupByOperation, type OperationGroup, type OperationSeen } from './group.js';
import { mergeSeen } from './merge.js';
import type { ReportModel } from './model.js';
import { where, type Place, type ReportRow } from './row.js';
import type { ReportStyle } from './style.js';
import { scalarChange, shortValue } from './values.js';
import { verdictLine } from './verdict.js';

/** Places listed per row before `+N more`. */
const PLACES_SHOWN = 6;
/** Operations without rows named before `+N more`. */
const CLEAN_SHOWN = 10;

/** `at a.cassette #0, #1, b.cassette #4, +2 more`: places grouped by cassette. */
function places(list: readonly Place[], count: number): string {
  const byCassette = new Map<string, number[]>();
  for (const { cassette, seq } of list) {
    const seqs = byCassette.get(cassette);
    if (seqs) seqs.push(seq);
    else byCassette.set(cassette, [seq]);
  }
  const all = [...byCassette].flatMap(([cassette, seqs]) => seqs.map((seq, i) => (i === 0 ? `${cassette} #${seq}` : `#${seq}`)));
  const shown = all.slice(0, PLACES_SHOWN);
  const more = Math.max(count, all.length) - shown.length;
  return `at ${shown.join(', ')}${more > 0 ? `, +${more} more` : ''}`;
}

function entry(row: ReportRow, style: ReportStyle): string {
  const indent = ' '.repeat(style.text.detailIndent);
  const times = style.text.seen === 'count' && row.count > 1 ? ` (×${row.count})` : '';
  const lines = [`  ${style.labels[row.severity].toUpperCase().padEnd(style.text.severityWidth)}${where(row)}  [${row.code}]${times}`, indent + row.message];
  if (scalarChange(row.before, row.after)) lines.push(`${indent}${shortValue(row.before)} → ${shortValue(row.after)}`);
  if (style.text.seen === 'places' && row.places.length > 0) lines.push(indent + places(row.places, row.count));
  return lines.join('\n');
}

/** `apigatewayv2.GetApis: 7 findings in 7 exchanges`, or the name alone when no exchanges were counted. */
function heading(group: OperationGroup, style: ReportStyle): string {
  if (group.exchanges === undefined) return group.operation;
  return `${group.operation}: ${countOf(group.rows.length, style.noun.one, style.noun.many)} in ${countOf(group.exchanges, 'exchange')}`;
}

/**
 * The text report in the pieces it is made of, so that a long run can write it as it goes:
 * `textHead`, then `textRows` once per batch of rows (drift: per service pair), then
 * `textEnd`. `textReport` is the three at once.
 */
export function textHead(title: string): string {
  return `${title}\n\n`;
}

/** Each operation of `rows`, its worst row first; operations without rows are `textEnd`'s. */
export function textRows(rows: readonly ReportRow[], style: ReportStyle, seen: readonly OperationSeen[] = []): string {
  let out = '';
  for (const group of groupByOperation(rows, seen)) {
    if (group.rows.length === 0) continue;
    out += `${[heading(group, style), ...mergeSeen(group.rows).map((row) => entry(row, style))].join('\n')}\n\n`;
  }
  return out;
}

/** As the model has them: the operations without rows, the notes, the counts, the verdict. */
export function textEnd(model: ReportModel): string {
  const { style } = model;
  const out: string[] = [];
  if (style.text.listClean) {
    const clean = groupByOperation(model.rows, model.operations)
      .filter((g) => g.rows.length === 0)
      .map((g) => g.operation);
    const more = clean.length - CLEAN_SHOWN;
    if (clean.length > 0) out.push(`Without ${style.noun.many}: ${clean.slice(0, CLEAN_SHOWN).join(', ')}${more > 0 ? `, +${more} more` : ''}`, '');
  }
  for (const note of model.notes) out.push(`note: ${note}`);
  if (model.notes.length > 0) out.push('');
  if (model.summary !== null) out.push(model.summary);
  if (model.verdict) out.push(verdictLine(model.rows, model.failOn, style));
  return out.map((line) => `${line}\n`).join('');
}

export function textReport(model: ReportModel): string {
  return textHead(model.title) + textRows(model.rows, model.style, model.operations) + textEnd(model);
}
