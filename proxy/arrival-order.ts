/**
 * Recording in arrival order while forwarding in parallel. Each request reserves a slot
 * when it arrives; slots are settled (an exchange to write, or nothing) in any order as
 * upstream answers come back, and are passed to the writer strictly in reservation order.
 * So sequence numbers follow arrival, the journal writer (which serialises appends in call
 * order) never sees two exchanges in the wrong order, and nothing interleaves.
 *
 * The price is head-of-line waiting: an exchange is written, and its response delivered,
 * only once every request that arrived before it has been written or dropped. Upstream
 * timeouts bound that wait.
 *
 * `build(seq)` runs in slot order too, so work that must see exchanges in a stable order
 * (redaction numbering account ids by first appearance) sees them as they arrived. A
 * `build` that throws drops its slot without using up a sequence number.
 */

export interface ArrivalSlot<T> {
  /**
   * Settles the slot with an item; resolves once `write` resolved for it (fsynced), with
   * the sequence number and the item built. Rejects when `build` or `write` failed.
   */
  commit(build: (seq: number) => T): Promise<{ seq: number; item: T }>;
  /** Settles the slot with nothing: later slots stop waiting for it. Idempotent. */
  skip(): void;
  /** True once commit or skip was called. */
  readonly settled: boolean;
}

interface Entry<T> {
  state: 'waiting' | 'committed' | 'skipped';
  build?: (seq: number) => T;
  resolve?: (value: { seq: number; item: T }) => void;
  reject?: (error: unknown) => void;
}

export class ArrivalOrder<T> {
  readonly #queue: Entry<T>[] = [];
  #head = 0;
  #next: number;

  /** `write` is called in slot order and may run concurrently with earlier writes. */
  constructor(
    private readonly write: (item: T, seq: number) => Promise<void>,
    firstSeq = 0,
  ) {
    this.#next = firstSeq;
  }

  /** Slots reserved but not yet passed on. */
  get waiting(): number {
    return this.#queue.length - this.#head;
  }

  reserve(): ArrivalSlot<T> {
    const entry: Entry<T> = { state: 'waiting' };
    this.#queue.push(entry);
    const settle = (): void => this.#pump();
    return {
      commit: (build) => {
        if (entry.state !== 'waiting') return Promise.reject(new Error('tapegate bug: an arrival slot was settled twice'));
        return new Promise((resolve, reject) => {
          entry.state = 'committed';
          entry.build = build;
          entry.resolve = resolve;
          entry.reject = reject;
          settle();
        });
      },
      skip: () => {
        if (entry.state !== 'waiting') return;
        entry.state = 'skipped';
        settle();
      },
      get settled() {
        return entry.state !== 'waiting';
      },
    };
  }

  #pump(): void {
    while (this.#head < this.#queue.length) {
      const entry = this.#queue[this.#head] as Entry<T>;
      if (entry.state === 'waiting') break;
      this.#head++;
      if (entry.state === 'committed') this.#pass(entry);
    }
    // Drop the passed prefix now and then so a long recording does not keep every entry.
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue.splice(0, this.#head);
      this.#head = 0;
    }
  }

  #pass(entry: Entry<T>): void {
    const { build, resolve, reject } = entry as Required<Entry<T>>;
    // A passed entry stays in the queue until the next splice (up to 1024 of them): it must
    // not keep `build`'s exchange alive, or every recorded body (a 50 MB object) outlives its request.
    delete entry.build;
    delete entry.resolve;
    delete entry.reject;
    const seq = this.#next;
    let item: T;
    try {
      item = build(seq);
    } catch (error) {
      reject(error);
      return;
    }
    this.#next++;
    let written: Promise<void>;
    try {
      written = this.write(item, seq);
    } catch (error) {
      written = Promise.reject(error);
    }
    written.then(() => resolve({ seq, item }), reject);
  }
}
