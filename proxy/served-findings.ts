/**
 * Contract findings of the exchanges replay served. Validation costs nothing per request:
 * the matcher already counts how often each exchange was served, and the served ones are
 * validated when someone asks for the findings (stats, the summary at close). Each distinct
 * exchange is validated once, however often it is served: its bytes never change.
 */
import type { Exchange } from '../core/exchange.js';
import type { Matcher } from '../cassettes/match/matcher.js';
import type { Finding, Severity } from '../core/findings.js';
import type { Validator } from '../contracts/validator.js';

/** A finding and the cassette position of the exchange it was found in. */
export type ServedFinding = Finding & { seq: number };

export type SeverityCounts = Record<Severity, number>;

export class ServedFindings {
  private readonly validated = new Set<Exchange>();
  private readonly found: ServedFinding[] = [];

  constructor(
    private readonly validator: Validator,
    private readonly matcher: Matcher,
  ) {}

  /** Findings of every exchange served so far (those new since the last call validated now). */
  list(): ServedFinding[] {
    for (const { exchange, count } of this.matcher.usage()) {
      if (count === 0 || this.validated.has(exchange)) continue;
      this.validated.add(exchange);
      this.validate(exchange);
    }
    return [...this.found];
  }

  private validate(exchange: Exchange): void {
    const findings = validateExchange(this.validator, exchange);
    for (const finding of findings) this.found.push({ ...finding, seq: exchange.seq });
  }
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warn: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/**
 * The findings of one recorded exchange. A validator bug must not take replay or recording
 * down: it becomes an error finding that still shows in the summary.
 */
export function validateExchange(validator: Validator, exchange: Exchange): Finding[] {
  try {
    return validator.validate({ request: exchange.request, response: exchange.response }, exchange.operation);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{
      operation: exchange.operation,
      side: 'request',
      severity: 'error',
      code: 'schema-violation',
      path: '',
      message: `Failed to validate exchange #${exchange.seq}: ${reason}`,
    }];
  }
}
