/**
 * Changes seen in recorded traffic repeat (every GetRestApis call shows the same new field):
 * one change per distinct fact, with how many exchanges showed it and the first few of them.
 * One exchange that shows a fact more than once (the same field in each item of a list) counts once.
 */
import type { DriftChange, ExchangeRef } from './types.js';

const KEPT_REFS = 5;

export class ChangeCollector {
  private readonly byKey = new Map<string, { change: DriftChange; seen: Set<string> }>();

  add(change: DriftChange, where: ExchangeRef): void {
    const key = JSON.stringify([change.operation, change.side, change.errorType ?? null, change.code, change.pointer, change.before, change.after]);
    const place = JSON.stringify([where.cassette, where.seq]);
    const known = this.byKey.get(key);
    if (!known) {
      this.byKey.set(key, { change: { ...change, exchanges: [where], count: 1 }, seen: new Set([place]) });
      return;
    }
    if (known.seen.has(place)) return;
    known.seen.add(place);
    known.change.count = (known.change.count ?? 1) + 1;
    if ((known.change.exchanges?.length ?? 0) < KEPT_REFS) known.change.exchanges?.push(where);
  }

  changes(): DriftChange[] {
    return [...this.byKey.values()].map((entry) => entry.change);
  }
}
