/**
 * How one kind of report names and lays out what the shared writers print. Verify and drift
 * print the same structure; these are the places where their established output differs.
 */
import type { FailOn, Severity } from '../core/findings.js';

export interface ReportStyle {
  /** The severities as this report names them (drift calls `error` breaking). */
  labels: Record<Severity, string>;
  /** What one row is called, in counts and verdicts: finding / findings. */
  noun: { one: string; many: string };
  text: {
    /** Columns the severity takes before the row's place (`ERROR    request /body/x`). */
    severityWidth: number;
    /** Indent of a row's sentence and the lines after it. */
    detailIndent: number;
    /** Where a row was seen: listed (`at a.cassette #0, #3`), or counted after it (`(×3)`). */
    seen: 'places' | 'count';
    /** A last line naming the operations without rows. */
    listClean: boolean;
  };
}

/** `warn or breaking` for --fail-on warn, `error` for --fail-on error. */
export function levelWords(style: ReportStyle, level: Exclude<FailOn, 'never'>): string {
  return level === 'error' ? style.labels.error : `${style.labels.warn} or ${style.labels.error}`;
}
