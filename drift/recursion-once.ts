/**
 * "Have we been here?" for walks over two schemas that may hold `$ref` cycles. Only
 * definitions inside a cycle are remembered: a plain shared definition (a `Tags` map used by
 * ten members) is still visited at every place it appears, so its changes are reported at
 * each pointer, while a recursive one is entered once per walk and never unrolled.
 */
import type { SchemaSide } from './schema-side.js';

export class Once {
  private readonly pairs = new Set<string>();
  private readonly singles = new Map<SchemaSide, Set<string>>();

  constructor(private readonly sides: { before: SchemaSide; after: SchemaSide }) {}

  /** False when `a` (before) and `b` (after) name recursive definitions this pair was already entered for. */
  firstPair(a: unknown, b: unknown): boolean {
    const x = this.sides.before.refName(a);
    const y = this.sides.after.refName(b);
    const recursive = (x !== undefined && this.sides.before.isRecursive(x)) || (y !== undefined && this.sides.after.isRecursive(y));
    if (!recursive) return true;
    const key = `${x ?? ''}\u0000${y ?? ''}`;
    if (this.pairs.has(key)) return false;
    this.pairs.add(key);
    return true;
  }

  /** The same for one side alone (a subtree only that side has). */
  firstInline(node: unknown, side: SchemaSide): boolean {
    const name = side.refName(node);
    if (name === undefined || !side.isRecursive(name)) return true;
    let seen = this.singles.get(side);
    if (!seen) this.singles.set(side, (seen = new Set()));
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  }
}
