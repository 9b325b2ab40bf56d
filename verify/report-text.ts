/**
 * The terminal report: the summary, then each operation with findings (the worst first),
 * each finding with its severity, side, JSON Pointer, code, the sentence saying what was
 * expected and what came, and where: `cassette #seq`. The same finding in several exchanges
 * is one entry with all its places. Last, the verdict under `--fail-on`.
 */
import type { FailOn } from '../core/findings.js';
import { groupByOperation, summaryLine, verdictLine, type LocatedFinding, type OperationGroup } from './report-common.js';
import type { VerifyReport } from './types.js';
import { countOf } from '../core/text.js';

/** Places listed per finding before `+N more`. */
const PLACES_SHOWN = 6;
/** Clean operations named before `+N more`. */
const CLEAN_SHOWN = 10;
const INDENT = '           ';

function places(findings: LocatedFinding[]): string {
  const byCassette = new Map<string, number[]>();
  for (const finding of findings) {
    const seqs = byCassette.get(finding.cassette);
    if (seqs) seqs.push(finding.seq);
    else byCassette.set(finding.cassette, [finding.seq]);
  }
  const all = [...byCassette].flatMap(([cassette, seqs]) => seqs.map((seq, i) => (i === 0 ? `${cassette} #${seq}` : `#${seq}`)));
  const more = all.length - PLACES_SHOWN;
  return `at ${all.slice(0, PLACES_SHOWN).join(', ')}${more > 0 ? `, +${more} more` : ''}`;
}

function entries(group: OperationGroup): string[] {
  const merged = new Map<string, LocatedFinding[]>();
  for (const finding of group.findings) {
    const key = [finding.side, finding.severity, finding.code, finding.path, finding.message].join('\u0000');
    const list = merged.get(key);
    if (list) list.push(finding);
    else merged.set(key, [finding]);
  }
  return [...merged.values()].map((same) => {
    const first = same[0]!;
    return `  ${first.severity.toUpperCase().padEnd(6)}   ${first.side} ${first.path}  [${first.code}]\n${INDENT}${first.message}\n${INDENT}${places(same)}`;
  });
}

export function textReport(report: VerifyReport, failOn: FailOn): string {
  const out = [summaryLine(report), ''];
  const groups = groupByOperation(report);
  for (const group of groups.filter((g) => g.findings.length > 0)) {
    out.push(`${group.operation}: ${countOf(group.findings.length, 'finding')} in ${countOf(group.exchanges, 'exchange')}`, ...entries(group), '');
  }
  const clean = groups.filter((g) => g.findings.length === 0).map((g) => g.operation);
  if (clean.length > 0) {
    const more = clean.length - CLEAN_SHOWN;
    out.push(`Without findings: ${clean.slice(0, CLEAN_SHOWN).join(', ')}${more > 0 ? `, +${more} more` : ''}`, '');
  }
  out.push(verdictLine(report, failOn));
  return `${out.join('\n')}\n`;
}
