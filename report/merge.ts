/**
 * The same fact seen in several exchanges is one entry with all its places: rows seen in
 * recordings that differ only in where they were seen are merged (the first one's received
 * value stands for all). Rows not about recordings are never merged.
 */
import type { ReportRow } from './row.js';

function sameFact(row: ReportRow): string {
  const { operation, side, errorType, severity, code, pointer, message, before, after } = row;
  return JSON.stringify([operation, side, errorType ?? null, severity, code, pointer, message, before ?? null, after ?? null]);
}

/** Merged rows, in the order of each fact's first row. */
export function mergeSeen(rows: readonly ReportRow[]): ReportRow[] {
  const merged: ReportRow[] = [];
  const byFact = new Map<string, ReportRow>();
  for (const row of rows) {
    if (row.places.length === 0) {
      merged.push(row);
      continue;
    }
    const key = sameFact(row);
    const known = byFact.get(key);
    if (known) {
      known.places.push(...row.places);
      known.count += row.count;
    } else {
      const copy = { ...row, places: [...row.places] };
      byFact.set(key, copy);
      merged.push(copy);
    }
  }
  return merged;
}
