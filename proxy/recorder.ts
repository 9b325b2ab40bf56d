/**
 * What happens to a forwarded exchange before its response goes back: redact, scan for
 * secrets, append to the journal (fsynced) in arrival order, validate against its contract
 * and log each finding as one line. In passthrough there is no journal: redact, validate,
 * log. A secret-scan refusal is not a failure of the exchange: the client still gets its
 * answer, only the cassette does not get the exchange.
 */
import type { CassetteWriter } from '../cassettes/format/journal.js';
import { TapegateError } from '../core/errors.js';
import type { Exchange } from '../core/exchange.js';
import { redactExchange, type RedactOptions } from '../cassettes/redact/redact.js';
import { assertNoSecrets } from '../cassettes/redact/secret-scan.js';
import { atLeast, type Finding } from '../core/findings.js';
import type { Validator } from '../contracts/validator.js';
import { ArrivalOrder, type ArrivalSlot } from './arrival-order.js';
import type { FailOn } from '../core/findings.js';
import { validateExchange, type ServedFinding } from './served-findings.js';
import { oneLine } from '../core/text.js';

/** An exchange before it has a place in the cassette. */
export type UnsealedExchange = Omit<Exchange, 'seq'>;

export type RecordOutcome = { recorded: true; exchange: Exchange } | { recorded: false; reason: string };

export type RecordSlot = ArrivalSlot<Exchange>;

export interface RecorderOptions {
  /** The journal; null in passthrough (nothing is written). */
  writer: CassetteWriter | null;
  validator: Validator;
  redact: RedactOptions;
  log: (line: string) => void;
}

/** Thrown inside a slot's build step: the exchange is refused, the slot used no sequence number. */
class Refusal extends Error {}


/** `finding: error apigateway.X request /body/... message` */
export function findingLine(finding: Finding): string {
  return `finding: ${finding.severity} ${finding.operation ?? '(unknown operation)'} ${finding.side} ${finding.path || '/'} ${oneLine(finding.message)}`;
}

export class Recorder {
  readonly #order: ArrivalOrder<Exchange> | null;
  readonly #found: ServedFinding[] = [];
  /** Passthrough numbers its exchanges itself (no cassette, but findings name an exchange). */
  #inspected = 0;

  constructor(private readonly options: RecorderOptions) {
    const writer = options.writer;
    this.#order = writer === null ? null : new ArrivalOrder<Exchange>((exchange) => writer.append(exchange), writer.count);
  }

  /** A place in the cassette, taken when a request arrives; null in passthrough. */
  reserve(): RecordSlot | null {
    return this.#order?.reserve() ?? null;
  }

  /**
   * Redacts, scans and appends `exchange` in `slot`'s place. Resolves once it is fsynced
   * (or refused by the scanner); rejects when the journal failed. Validation is left to
   * `validate`, after the client has its answer: the first exchange of an operation
   * compiles its schemas, which the client need not wait for.
   */
  async record(slot: RecordSlot, exchange: UnsealedExchange): Promise<RecordOutcome> {
    try {
      const { item } = await slot.commit((seq) => this.#sealed(exchange, seq));
      return { recorded: true, exchange: item };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.options.log(`tapegate: ${oneLine(error.message)}`);
      return { recorded: false, reason: error.message };
    }
  }

  /** Passthrough: the exchange redacted (never written), numbered for its findings; validate it next. */
  inspect(exchange: UnsealedExchange): Exchange {
    return redactExchange({ ...exchange, seq: this.#inspected++ }, this.options.redact);
  }

  /** Checks an exchange against its contract; each finding is kept and logged as one line. */
  validate(exchange: Exchange): void {
    const findings = validateExchange(this.options.validator, exchange);
    for (const finding of findings) {
      this.#found.push({ ...finding, seq: exchange.seq });
      this.options.log(findingLine(finding));
    }
  }

  findings(): ServedFinding[] {
    return [...this.#found];
  }

  /** True when a finding at or above `level` occurred. */
  reached(level: FailOn): boolean {
    return level !== 'never' && this.#found.some((finding) => atLeast(finding.severity, level));
  }

  #sealed(exchange: UnsealedExchange, seq: number): Exchange {
    const where = exchange.operation ?? `${exchange.request.method} ${exchange.request.path}`;
    try {
      const redacted = redactExchange({ ...exchange, seq }, this.options.redact);
      assertNoSecrets(redacted, where);
      return redacted;
    } catch (error) {
      // Only the scanner's and redaction's own refusals; anything else is a bug (a RangeError
      // once passed for a refusal and the exchange went silently unrecorded): the journal fails.
      if (!(error instanceof TapegateError)) throw error;
      throw new Refusal(error.message);
    }
  }
}
