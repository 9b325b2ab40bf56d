/**
 * What the four writers read: the rows, the operations looked at, and the few things each
 * kind of report supplies itself (its first line, its JSON document's own fields, how its
 * JUnit suites are cut). Verify and drift each build one of these: they are the adapters.
 */
import type { FailOn } from '../core/findings.js';
import type { OperationSeen } from './group.js';
import type { ReportRow } from './row.js';
import type { ReportStyle } from './style.js';

export interface ReportModel {
  style: ReportStyle;
  /** The first line of every format: what was compared (drift), or the counts (verify). */
  title: string;
  /** The counts, when the title is not them (drift): last in text, after the title elsewhere. */
  summary: string | null;
  /** Things worth knowing that are not rows (services not compared, say). */
  notes: string[];
  /**
   * Every operation looked at, with its exchange count when exchanges were checked; those
   * without rows are listed in this order.
   */
  operations: OperationSeen[];
  rows: ReportRow[];
  failOn: FailOn;
  /** End with the verdict under `failOn` (verify); drift leaves it to the exit code. */
  verdict: boolean;
  json: JsonLayout;
  junit: JunitLayout;
}

export interface JsonLayout {
  /** The document's own fields, before the rows: format, what was compared, counts. */
  head: Record<string, unknown>;
  /**
   * `by-operation`: an `operations` list (by name) of `{operation, exchanges, <rows>}`;
   * `in-order`: the rows in report order under the plural noun (`changes`).
   */
  rows: 'by-operation' | 'in-order';
  /** One row as this report's JSON format spells it. */
  row(row: ReportRow): Record<string, unknown>;
}

export interface JunitLayout {
  /** The `<testsuites name>`. */
  name: string;
  suites: JunitSuite[];
}

export interface JunitSuite {
  name: string;
  cases: JunitCase[];
}

/**
 * A testcase is either something checked with the rows found in it (an exchange, or an
 * operation without changes), or one row standing on its own.
 */
export type JunitCase = { classname: string; name: string; rows: ReportRow[] } | { row: ReportRow };
