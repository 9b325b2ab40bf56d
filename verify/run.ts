/**
 * Verifying cassettes: every exchange of every cassette through the Validator, one cassette
 * in memory at a time (findings are kept, exchanges are not). A cassette that cannot be read
 * ends the run with the store's message, which names it (bad input, exit 2).
 */
import type { Exchange } from '../core/exchange.js';
import type { ContractSet } from '../contracts/load.js';
import { exchangeFindings } from '../contracts/exchange-findings.js';
import { LearnedApis } from '../contracts/learned-apis.js';
import { Validator } from '../contracts/validator.js';
import { readCassetteToLook } from '../cassettes/format/read-to-look.js';
import { receivedValue } from './received.js';
import type { VerifiedExchange, VerifyReport } from './types.js';

export interface VerifyOptions {
  contracts: ContractSet;
  /** How the contracts are named in reports. */
  contractsLabel: string;
  /** Told as each cassette is read (the CLI shows a progress line on a terminal). */
  progress?: CassetteProgress;
}

export interface CassetteProgress {
  /** Cassette `index` (from 0) is being read. */
  step(index: number, file: string): void;
  /** The run ended (also after a failure). */
  done(): void;
}

const quiet: CassetteProgress = { step: () => undefined, done: () => undefined };

function verifyExchange(validator: Validator, exchange: Exchange, learned: LearnedApis): VerifiedExchange {
  const { request, response } = exchange;
  const checked = exchangeFindings(validator, exchange, learned);
  const findings = checked.findings.map((finding) => {
    const received = receivedValue(exchange, finding);
    return received === undefined ? finding : { ...finding, received };
  });
  const { operation, uncoveredService } = checked;
  return {
    seq: exchange.seq,
    operation,
    method: request.method,
    path: request.path,
    status: response.status,
    findings,
    ...(uncoveredService === undefined ? {} : { uncoveredService }),
  };
}

export async function verifyCassettes(files: readonly string[], options: VerifyOptions): Promise<VerifyReport> {
  const validator = new Validator(options.contracts);
  const progress = options.progress ?? quiet;
  const report: VerifyReport = { contracts: options.contractsLabel, cassettes: [] };
  try {
    for (const [index, file] of files.entries()) {
      progress.step(index, file);
      // Never through the journal: verify only reads, and a recording may be running.
      const cassette = await readCassetteToLook(file);
      // What the cassette recorded about its APIs (a v2 API's protocol type, say), wherever in it.
      const learned = new LearnedApis();
      for (const exchange of cassette.exchanges) learned.learn(exchange);
      report.cassettes.push({ path: file, exchanges: cassette.exchanges.map((exchange) => verifyExchange(validator, exchange, learned)) });
    }
  } finally {
    progress.done();
  }
  return report;
}
