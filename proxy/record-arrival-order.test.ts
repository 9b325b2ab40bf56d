import { setImmediate as nextTurn } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ArrivalOrder } from './arrival-order.js';

// A full collection on demand, so that what the queue still holds is a fact, not a figure.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A writer that records what it got, resolving each write when told to. */
function writer() {
  const written: { item: string; seq: number }[] = [];
  const pending: (() => void)[] = [];
  const write = (item: string, seq: number) => {
    written.push({ item, seq });
    return new Promise<void>((resolve) => pending.push(resolve));
  };
  return { written, pending, write };
}

describe('ArrivalOrder', () => {
  it('writes in reservation order whatever order the slots settle in', async () => {
    const w = writer();
    const order = new ArrivalOrder<string>(w.write, 5);
    const [a, b, c] = [order.reserve(), order.reserve(), order.reserve()];
    const committed = [c.commit((seq) => `c${seq}`), b.commit((seq) => `b${seq}`)];
    expect(w.written).toEqual([]);
    const first = a.commit((seq) => `a${seq}`);
    expect(w.written).toEqual([
      { item: 'a5', seq: 5 },
      { item: 'b6', seq: 6 },
      { item: 'c7', seq: 7 },
    ]);
    for (const resolve of w.pending) resolve();
    expect(await Promise.all([first, ...committed])).toEqual([
      { seq: 5, item: 'a5' },
      { seq: 7, item: 'c7' },
      { seq: 6, item: 'b6' },
    ]);
  });

  it('a skipped slot or a failed build uses no sequence number and stops nobody', async () => {
    const w = writer();
    const order = new ArrivalOrder<string>(w.write);
    const [a, b, c, d] = [order.reserve(), order.reserve(), order.reserve(), order.reserve()];
    const refused = b.commit(() => {
      throw new Error('refused');
    });
    const later = c.commit((seq) => `c${seq}`);
    a.skip();
    a.skip();
    await expect(refused).rejects.toThrow('refused');
    expect(w.written).toEqual([{ item: 'c0', seq: 0 }]);
    d.skip();
    expect(order.waiting).toBe(0);
    w.pending[0]!();
    expect(await later).toEqual({ seq: 0, item: 'c0' });
    await expect(a.commit(() => 'late')).rejects.toThrow('settled twice');
  });

  it('keeps nothing of an item once it is written: a recorded body must not outlive its request', async () => {
    const order = new ArrivalOrder<{ body: Uint8Array }>(() => Promise.resolve());
    /** Commits one item in its own scope and returns only a weak reference to its body. */
    const record = async (): Promise<WeakRef<Uint8Array>> => {
      const body = new Uint8Array(1024);
      await order.reserve().commit(() => ({ body }));
      return new WeakRef(body);
    };
    // Passed entries stay in the queue until it is trimmed (every 1024): only they could hold the bodies.
    const written = [await record(), await record()];
    await nextTurn();
    collectGarbage();
    expect(written.map((ref) => ref.deref())).toEqual([undefined, undefined]);
  });

  it('a write that fails rejects that commit only', async () => {
    const order = new ArrivalOrder<string>((item) => (item === 'bad' ? Promise.reject(new Error('disk full')) : Promise.resolve()));
    const [a, b] = [order.reserve(), order.reserve()];
    await expect(a.commit(() => 'bad')).rejects.toThrow('disk full');
    await expect(b.commit(() => 'good')).resolves.toEqual({ seq: 1, item: 'good' });
  });
});
