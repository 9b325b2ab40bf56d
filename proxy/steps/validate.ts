/**
 * Step 8, validate: each exchange against its contract, after its client has the answer
 * (the first exchange of an operation compiles its schemas, which no client need wait
 * for). Findings are kept with the cassette position of their exchange and logged one line
 * each. Replay validates lazily instead: the exchanges served so far, when findings are
 * asked for (stats, the summary), each distinct exchange once, since its bytes never change.
 * A failure of the validator itself is a `validator-failure` finding (contracts/exchange-findings.ts),
 * never a crash of the proxy. What the session's exchanges say about their APIs (a v2 API's
 * protocol type, an integration's subtype) is learned from each exchange before it is checked,
 * in session order (contracts/learned-apis.ts).
 */
import { MASK } from '../../cassettes/redact/request-label.js';
import { maskSecretShapes } from '../../cassettes/redact/secret-patterns.js';
import type { Exchange } from '../../core/exchange.js';
import type { Matcher } from '../../cassettes/match/matcher.js';
import { fails, type FailOn, type Finding, type Severity } from '../../core/findings.js';
import { exchangeFindings } from '../../contracts/exchange-findings.js';
import { LearnedApis } from '../../contracts/learned-apis.js';
import type { Validator } from '../../contracts/validator.js';
import { oneLine } from '../../core/text.js';

/** A finding and the cassette position of the exchange it was found in. */
export type ServedFinding = Finding & { seq: number };

export type SeverityCounts = Record<Severity, number>;

/** `finding: error apigateway.X request /body/... message` */
export function findingLine(finding: Finding): string {
  // A finding may quote a value (passthrough exchanges are not scanned): secret shapes are masked.
  return maskSecretShapes(`finding: ${finding.severity} ${finding.operation ?? '(unknown operation)'} ${finding.side} ${finding.path || '/'} ${oneLine(finding.message)}`, MASK);
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warn: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export class Findings {
  readonly #found: ServedFinding[] = [];
  readonly #validated = new Set<Exchange>();
  readonly #learned = new LearnedApis();

  constructor(
    private readonly validator: Validator,
    private readonly log: (line: string) => void,
    /** Replay: the matcher whose served exchanges are validated lazily. */
    private readonly served: Matcher | null = null,
  ) {}

  /** Validates `exchange` now; each finding is kept and logged as one line. */
  validate(exchange: Exchange): void {
    this.#learned.learn(exchange);
    for (const finding of exchangeFindings(this.validator, exchange, this.#learned).findings) {
      this.#found.push({ ...finding, seq: exchange.seq });
      this.log(findingLine(finding));
    }
  }

  /** Every finding so far (replay: the served exchanges not yet validated are validated now, unlogged). */
  list(): ServedFinding[] {
    if (this.served !== null) {
      const fresh = this.served
        .usage()
        .filter(({ exchange, count }) => count > 0 && !this.#validated.has(exchange))
        .map(({ exchange }) => exchange);
      // Learn from all of them first: which one a client asked for first says nothing about the API.
      for (const exchange of fresh) this.#learned.learn(exchange);
      for (const exchange of fresh) {
        this.#validated.add(exchange);
        for (const finding of exchangeFindings(this.validator, exchange, this.#learned).findings) this.#found.push({ ...finding, seq: exchange.seq });
      }
    }
    return [...this.#found];
  }
}

/** True when one of `findings` is at or above `level` (`never`: never). */
export function reached(findings: readonly Finding[], level: FailOn): boolean {
  return findings.some((finding) => fails(finding.severity, level));
}
