/**
 * "Have we been here?" for walks over two schemas that may hold `$ref` cycles (recursive
 * shapes). Each time a walk enters a cycle from outside, every pair of its definitions is
 * visited once for that entry: a shape reached by two members (`top` and `more`, both a
 * recursive `Section`) is walked under each, while the cycle itself is never unrolled, and
 * the work per entry stays linear in the size of the cycle (a dense cycle has exponentially
 * many paths). Definitions outside any cycle are not tracked: a plain shared definition (a
 * `Tags` map used by ten members) is visited at every place it appears, as before.
 */
import type { SchemaSide } from './schema-side.js';

/** Called when the walk leaves the node it entered. */
export type Leave = () => void;

const nothingToLeave: Leave = () => undefined;

export class Once {
  /** Per cycle being walked (by the pair of cycles' keys): how deep in it, and the pairs seen. */
  private readonly entries = new Map<string, { depth: number; seen: Set<string> }>();

  constructor(private readonly sides: { before: SchemaSide; after: SchemaSide }) {}

  /** Enters the pair `a` (before) / `b` (after): null when it was already walked in this entry of its cycle. */
  enter(a: unknown, b: unknown): Leave | null {
    return this.enterKeys(this.keyOf(this.sides.before, a), this.keyOf(this.sides.after, b));
  }

  /** The same for one side alone (a subtree only that side has). */
  enterOne(node: unknown, side: SchemaSide): Leave | null {
    return side === this.sides.before ? this.enterKeys(this.keyOf(side, node), undefined) : this.enterKeys(undefined, this.keyOf(side, node));
  }

  private keyOf(side: SchemaSide, node: unknown): { cycle: string; name: string } | undefined {
    const name = side.refName(node);
    const cycle = name === undefined ? undefined : side.cycleOf(name);
    return cycle === undefined ? undefined : { cycle, name: name! };
  }

  private enterKeys(x: { cycle: string; name: string } | undefined, y: { cycle: string; name: string } | undefined): Leave | null {
    if (x === undefined && y === undefined) return nothingToLeave;
    const cycle = `${x?.cycle ?? ''}\u0000${y?.cycle ?? ''}`;
    const pair = `${x?.name ?? ''}\u0000${y?.name ?? ''}`;
    let entry = this.entries.get(cycle);
    if (!entry) this.entries.set(cycle, (entry = { depth: 0, seen: new Set() }));
    if (entry.seen.has(pair)) return null;
    entry.seen.add(pair);
    entry.depth += 1;
    const current = entry;
    return () => {
      current.depth -= 1;
      // Out of the cycle again: the next entry (from another member) walks it afresh.
      if (current.depth === 0) this.entries.delete(cycle);
    };
  }
}
