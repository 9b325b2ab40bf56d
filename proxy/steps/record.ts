/**
 * Step 6, record: append the exchange to the cassette's journal, fsynced, in the order
 * requests became ready to forward. A slot is taken only once a request is whole and about
 * to be forwarded, so a slow or stalled client holds back nobody (its slot does not exist
 * yet); an upstream timeout bounds how long a forwarded request can hold the queue.
 *
 * Fail closed: once an append failed (disk full, journal deleted or replaced), `failure`
 * says why and the pipeline forwards nothing more. Executing requests upstream that the
 * cassette would not hold is what a recording must never do.
 */
import type { CassetteWriter } from '../../cassettes/format/journal.js';
import type { Exchange } from '../../core/exchange.js';
import { ArrivalOrder, type ArrivalSlot } from '../arrival-order.js';
import type { UnsealedExchange } from './forward.js';
import { SecretRefusal } from './redact.js';

export type RecordSlot = ArrivalSlot<Exchange>;

export type RecordOutcome =
  | { recorded: true; exchange: Exchange }
  /** The secret scanner kept it out; `reason` names where, never the value. */
  | { recorded: false; reason: string };

export class Journal {
  readonly #order: ArrivalOrder<Exchange>;
  #failure: string | null = null;

  constructor(private readonly writer: CassetteWriter) {
    this.#order = new ArrivalOrder<Exchange>((exchange) => this.#append(exchange), writer.count);
  }

  /** Why the journal stopped taking exchanges, or null while it works. */
  get failure(): string | null {
    return this.#failure;
  }

  /** A place in the cassette; take it right before forwarding, and `skip()` it on every path that records nothing. */
  reserve(): RecordSlot {
    return this.#order.reserve();
  }

  /**
   * Seals `exchange` with its sequence number (through `seal`: redaction runs in slot order)
   * and appends it. Resolves once fsynced, or refused by the scanner; rejects when the
   * journal failed.
   */
  async record(slot: RecordSlot, exchange: UnsealedExchange, seal: (exchange: Exchange) => Exchange): Promise<RecordOutcome> {
    try {
      const { item } = await slot.commit((seq) => seal({ ...exchange, seq }));
      return { recorded: true, exchange: item };
    } catch (error) {
      if (error instanceof SecretRefusal) return { recorded: false, reason: error.message };
      throw error;
    }
  }

  finish(): Promise<void> {
    return this.writer.finish();
  }

  abort(): Promise<void> {
    return this.writer.abort();
  }

  async #append(exchange: Exchange): Promise<void> {
    if (this.#failure !== null) throw new Error(this.#failure);
    try {
      await this.writer.append(exchange);
    } catch (error) {
      this.#failure = error instanceof Error ? error.message : String(error);
      throw error;
    }
  }
}
