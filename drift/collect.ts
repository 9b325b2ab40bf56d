/**
 * Changes seen in recorded traffic repeat (every GetRestApis call shows the same new field):
 * one change per distinct fact, with how many exchanges showed it and the first few of them.
 */
import type { DriftChange, ExchangeRef } from './types.js';

const KEPT_REFS = 5;

export class ChangeCollector {
  private readonly byKey = new Map<string, DriftChange>();

  add(change: DriftChange, where: ExchangeRef): void {
    const key = JSON.stringify([change.operation, change.side, change.errorType ?? null, change.code, change.pointer, change.before, change.after]);
    const known = this.byKey.get(key);
    if (!known) {
      this.byKey.set(key, { ...change, exchanges: [where], count: 1 });
      return;
    }
    known.count = (known.count ?? 1) + 1;
    if ((known.exchanges?.length ?? 0) < KEPT_REFS) known.exchanges?.push(where);
  }

  changes(): DriftChange[] {
    return [...this.byKey.values()];
  }
}
