/**
 * Contract findings of the exchanges replay served. Validation stays off the hot path:
 * serving an exchange for the first time only queues it, and the queue is validated after
 * the response is on its way (setImmediate), or at once when someone asks for the findings.
 * Each distinct exchange is validated once, however often it is served: its bytes never change.
 */
import type { Exchange } from '../cassettes/exchange.js';
import type { Finding, Severity } from '../contracts/findings.js';
import type { Validator } from '../contracts/validator.js';

/** A finding and the cassette position of the exchange it was found in. */
export type ServedFinding = Finding & { seq: number };

export type SeverityCounts = Record<Severity, number>;

export class ServedFindings {
  private readonly seen = new Set<Exchange>();
  private pending: Exchange[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private readonly found: ServedFinding[] = [];

  constructor(private readonly validator: Validator) {}

  /** Notes one serve; only the first serve of an exchange costs anything later. */
  served(exchange: Exchange): void {
    if (this.seen.has(exchange)) return;
    this.seen.add(exchange);
    this.pending.push(exchange);
    this.scheduled ??= setImmediate(() => this.drain());
  }

  /** Validates everything queued so far. */
  drain(): void {
    if (this.scheduled !== undefined) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const batch = this.pending;
    this.pending = [];
    for (const exchange of batch) this.validate(exchange);
  }

  private validate(exchange: Exchange): void {
    let findings: Finding[];
    try {
      findings = this.validator.validate({ request: exchange.request, response: exchange.response }, exchange.operation);
    } catch (error) {
      // A validator bug must not take replay down; it still shows in the summary.
      const reason = error instanceof Error ? error.message : String(error);
      findings = [{
        operation: exchange.operation,
        side: 'request',
        severity: 'error',
        code: 'schema-violation',
        path: '',
        message: `Failed to validate exchange #${exchange.seq}: ${reason}`,
      }];
    }
    for (const finding of findings) this.found.push({ ...finding, seq: exchange.seq });
  }

  /** All findings so far, in the order the exchanges were first served. */
  list(): ServedFinding[] {
    this.drain();
    return [...this.found];
  }

  /** Stops the pending timer (the proxy is closing); queued exchanges are validated now. */
  close(): void {
    this.drain();
  }
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warn: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
