/** What `tapegate verify` found: per cassette, per exchange, the validator's findings. */
import type { Finding } from '../core/findings.js';

export interface VerifiedFinding extends Finding {
  /** The recorded value at `path` (request or response side), when there is one. */
  received?: unknown;
}

export interface VerifiedExchange {
  seq: number;
  /** The recorded operation, else the one the contracts route it to; null when none does. */
  operation: string | null;
  method: string;
  path: string;
  status: number;
  findings: VerifiedFinding[];
  /** The service, when the contracts do not cover it: the exchange was not checked. */
  uncoveredService?: string;
}

export interface VerifiedCassette {
  /** As named on the command line, or found under a folder named there. */
  path: string;
  exchanges: VerifiedExchange[];
}

export interface VerifyReport {
  /** "the bundled contracts" or the folder they came from. */
  contracts: string;
  cassettes: VerifiedCassette[];
}
