/** `--fail-on`: which rows fail a run, its exit code, and the sentence that says so. */
import { fails, type FailOn } from '../core/findings.js';
import { countOf } from '../core/text.js';
import type { ReportRow } from './row.js';
import { levelWords, type ReportStyle } from './style.js';

export function failingCount(rows: readonly ReportRow[], failOn: FailOn): number {
  let count = 0;
  for (const row of rows) if (fails(row.severity, failOn)) count += 1;
  return count;
}

/** 1 when a row at or above the level exists, else 0. */
export function exitCodeFor(rows: readonly ReportRow[], failOn: FailOn): 0 | 1 {
  return rows.some((row) => fails(row.severity, failOn)) ? 1 : 0;
}

/** `Failed: 2 findings at error (--fail-on error).` The flag is spelled as the report's CLI takes it. */
export function verdictLine(rows: readonly ReportRow[], failOn: FailOn, style: ReportStyle): string {
  if (failOn === 'never') return 'Passed: --fail-on never.';
  const count = failingCount(rows, failOn);
  const at = `at ${levelWords(style, failOn)} (--fail-on ${style.labels[failOn]})`;
  return count > 0 ? `Failed: ${countOf(count, style.noun.one, style.noun.many)} ${at}.` : `Passed: no ${style.noun.many} ${at}.`;
}
