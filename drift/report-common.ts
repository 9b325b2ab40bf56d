/** What every report format shares: the order of changes, grouping by operation, the summary. */
import { atLeastSeverity, severityRank, type DriftChange, type DriftReport, type DriftSeverity } from './types.js';

const SIDE_ORDER = { request: 0, response: 1, error: 2 } as const;

export interface OperationGroup {
  operation: string;
  worst: DriftSeverity;
  changes: DriftChange[];
}

function compareChanges(a: DriftChange, b: DriftChange): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    SIDE_ORDER[a.side] - SIDE_ORDER[b.side] ||
    (a.errorType ?? '').localeCompare(b.errorType ?? '') ||
    a.pointer.localeCompare(b.pointer) ||
    a.code.localeCompare(b.code)
  );
}

/** By operation, operations whose worst change is worst first; inside one, breaking first. */
export function groupByOperation(changes: DriftChange[]): OperationGroup[] {
  const groups = new Map<string, DriftChange[]>();
  for (const change of changes) {
    const group = groups.get(change.operation);
    if (group) group.push(change);
    else groups.set(change.operation, [change]);
  }
  return [...groups.entries()]
    .map(([operation, list]) => {
      const sorted = [...list].sort(compareChanges);
      return { operation, worst: sorted[0]!.severity, changes: sorted };
    })
    .sort((a, b) => severityRank(b.worst) - severityRank(a.worst) || a.operation.localeCompare(b.operation));
}

export function orderChanges(changes: DriftChange[]): DriftChange[] {
  return groupByOperation(changes).flatMap((group) => group.changes);
}

export interface Summary {
  breaking: number;
  warn: number;
  info: number;
  /** Operations with at least one change. */
  changedOperations: number;
  operations: number;
}

export function summarise(report: DriftReport): Summary {
  const count = (severity: DriftSeverity) => report.changes.filter((c) => c.severity === severity).length;
  return {
    breaking: count('breaking'),
    warn: count('warn'),
    info: count('info'),
    changedOperations: new Set(report.changes.map((c) => c.operation)).size,
    operations: report.operations.length,
  };
}

export function summaryLine(report: DriftReport): string {
  const s = summarise(report);
  if (report.changes.length === 0) return `No drift in ${s.operations} operations.`;
  return `${s.breaking} breaking, ${s.warn} warn, ${s.info} info in ${s.changedOperations} of ${s.operations} operations.`;
}

/** `--fail-on`: 1 when a change at or above the level exists, else 0. */
export function exitCodeFor(report: DriftReport, failOn: DriftSeverity | 'never'): 0 | 1 {
  if (failOn === 'never') return 0;
  return report.changes.some((change) => atLeastSeverity(change.severity, failOn)) ? 1 : 0;
}

/** A before/after value in one short line for text and Markdown. */
export function shortValue(value: unknown): string {
  if (value === null || value === undefined) return '–';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function where(change: DriftChange): string {
  const side = change.side === 'error' ? `error ${change.errorType ?? ''}`.trim() : change.side;
  return change.pointer ? `${side} ${change.pointer}` : side;
}
