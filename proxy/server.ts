/**
 * `startReplayProxy`: a loopback HTTP server that answers from one cassette. Startup does
 * the work (read and check the cassette, build the matcher, encode every recorded response
 * to bytes) so that a request costs routing, one key hash and one write. Never needs
 * credentials, never opens a connection of its own.
 */
import { resolve } from 'node:path';
import type { Exchange } from '../core/exchange.js';
import { Matcher } from '../cassettes/match/matcher.js';
import { readCassette } from '../cassettes/format/store.js';
import { bundledContracts } from '../contracts/load.js';
import { Validator } from '../contracts/validator.js';
import { TapegateError } from '../core/errors.js';
import { resolveCassettePath } from './cassette-path.js';
import { closeServer, createProxyServer, listen, urlOf } from './http-server.js';
import { DEFAULT_HOST, DEFAULT_MAX_BODY_BYTES, parseHost, parsePort, parseRepeat, type ReplayProxyOptions } from './options.js';
import { createReplayHandler } from './replay-handler.js';
import { countBySeverity, ServedFindings } from './served-findings.js';
import type { ReplayStats } from './summary.js';
import { prepareResponse, type WireResponse } from './wire-response.js';

export type { ReplayProxyOptions } from './options.js';
export type { ReplayStats } from './summary.js';

export interface ReplayProxy {
  /** `http://127.0.0.1:PORT`: the endpoint to give an SDK. */
  url: string;
  port: number;
  /** The cassette file being served (absolute). */
  cassette: string;
  stats(): ReplayStats;
  /** Stops the server (open connections included) and returns the final stats. Idempotent. */
  close(): Promise<ReplayStats>;
}

function defaultLog(line: string): void {
  process.stderr.write(line + '\n');
}

function checkMaxBody(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new TapegateError(`Failed to parse "maxBodyBytes": expected a positive integer, got ${String(value)}`, 2);
  }
  return value;
}

export async function startReplayProxy(options: ReplayProxyOptions): Promise<ReplayProxy> {
  const host = parseHost(options.host ?? DEFAULT_HOST, 'host');
  const port = parsePort(options.port ?? 0, 'port');
  const repeat = parseRepeat(options.repeat ?? 'last', 'repeat');
  const maxBodyBytes = checkMaxBody(options.maxBodyBytes);
  const log = options.log === false ? () => undefined : (options.log ?? defaultLog);
  const file = options.cassetteDir === undefined ? resolve(options.cassette) : resolveCassettePath(options.cassetteDir, options.cassette);

  // Read only: a journal beside the cassette may belong to a recording in progress.
  const { exchanges } = await readCassette(file, { recoverJournal: false });
  const validator = new Validator(options.contracts ?? bundledContracts());
  const matcher = new Matcher(exchanges, { repeat, matchHeaders: options.matchHeaders, ignoreBody: options.ignoreBody });
  if (matcher.droppedHeaders.length > 0) {
    log(`tapegate: matchHeaders ignores ${matcher.droppedHeaders.join(', ')}: they change on every request (signing, SDK bookkeeping)`);
  }
  const prepared = new Map<Exchange, WireResponse>();
  for (const exchange of exchanges) prepared.set(exchange, prepareResponse(exchange.response));
  const findings = new ServedFindings(validator, matcher);
  let rejected = 0;
  const onRejected = (): void => {
    rejected++;
  };

  const handler = createReplayHandler({ router: validator.router, matcher, prepared, maxBodyBytes, log, onRejected });
  const server = createProxyServer({ handler, log, onRejected });
  const boundPort = await listen(server, host, port);

  const stats = (): ReplayStats => {
    const list = findings.list();
    const counts = matcher.stats();
    return {
      exchanges: exchanges.length,
      served: counts.served,
      missed: counts.missed,
      rejected,
      unused: matcher.unused().map((exchange) => ({ seq: exchange.seq, operation: exchange.operation })),
      findings: list,
      findingCounts: countBySeverity(list),
    };
  };
  let closing: Promise<ReplayStats> | undefined;
  return {
    url: urlOf(host, boundPort),
    port: boundPort,
    cassette: file,
    stats,
    close: () => {
      closing ??= closeServer(server).then(stats);
      return closing;
    },
  };
}
