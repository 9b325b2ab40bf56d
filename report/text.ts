/**
 * The terminal report: the title, then each operation with rows (the worst first), each row
 * with its severity, where, code, the sentence, and where it was seen; then, as the report
 * has them, the operations without rows, notes, the counts and the verdict.
 */
import { countOf } from '../core/text.js';
import { groupByOperation, type OperationGroup } from './group.js';
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

export function textReport(model: ReportModel): string {
  const { style } = model;
  const out = [model.title, ''];
  const groups = groupByOperation(model.rows, model.operations);
  for (const group of groups.filter((g) => g.rows.length > 0)) {
    out.push(heading(group, style), ...mergeSeen(group.rows).map((row) => entry(row, style)), '');
  }
  const clean = groups.filter((g) => g.rows.length === 0).map((g) => g.operation);
  if (style.text.listClean && clean.length > 0) {
    const more = clean.length - CLEAN_SHOWN;
    out.push(`Without ${style.noun.many}: ${clean.slice(0, CLEAN_SHOWN).join(', ')}${more > 0 ? `, +${more} more` : ''}`, '');
  }
  for (const note of model.notes) out.push(`note: ${note}`);
  if (model.notes.length > 0) out.push('');
  if (model.summary !== null) out.push(model.summary);
  if (model.verdict) out.push(verdictLine(model.rows, model.failOn, style));
  return `${out.join('\n')}\n`;
}
