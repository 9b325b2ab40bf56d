/**
 * `startRecordingProxy`: the loopback proxy of the modes that talk to a real upstream.
 *  - `record`: forward everything, write a new cassette (refusing an existing one unless
 *    `force`);
 *  - `auto`: answer each request the cassette holds an unused exchange for, forward and
 *    append the rest (a repeat of a request beyond its recorded count is forwarded and
 *    recorded too, so re-running a longer scenario extends the cassette);
 *  - `passthrough`: forward and validate, write nothing.
 * The cassette is written through its journal (fsync per exchange) and becomes the cassette
 * on `close()` by an atomic rename; a crash leaves the journal for recovery.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Exchange } from '../core/exchange.js';
import { createHeader, type CassetteHeader } from '../cassettes/format/format.js';
import { openJournal, type CassetteWriter } from '../cassettes/format/journal.js';
import { Matcher } from '../cassettes/match/matcher.js';
import { AccountIdMap } from '../cassettes/redact/account-ids.js';
import type { RedactOptions } from '../cassettes/redact/redact.js';
import { readCassette } from '../cassettes/format/store.js';
import { bundledContracts, type ContractSet } from '../contracts/load.js';
import { Validator } from '../contracts/validator.js';
import { TapegateError } from '../core/errors.js';
import { toolVersion } from '../core/package-root.js';
import { resolveCassettePath } from './cassette-path.js';
import { credentialSource } from './credentials.js';
import { endpointPrefixes } from './endpoints.js';
import { Forwarder } from './forward.js';
import { InFlight } from './in-flight.js';
import { createProxyServer, listen, urlOf } from './http-server.js';
import { DEFAULT_HOST, DEFAULT_MAX_BODY_BYTES, parseHost, parsePort } from './options.js';
import { createRecordHandler, type RecordCounters } from './record-handler.js';
import { parseFailOn } from '../core/findings.js';
import { checkTimeoutMs, parseMode, parseProfile, type RecordingProxyOptions } from './record-options.js';
import { Recorder } from './recorder.js';
import type { RecordStats } from './record-summary.js';
import { RouteCache } from './route-cache.js';
import { countBySeverity } from './served-findings.js';
import { parseRegion, parseUpstream } from './upstream.js';

export type { RecordingProxyOptions, RecordMode } from './record-options.js';
export type { FailOn } from '../core/findings.js';
export type { RecordStats } from './record-summary.js';

export interface RecordingProxy {
  /** `http://127.0.0.1:PORT`: the endpoint to give an SDK. */
  url: string;
  port: number;
  /** The cassette being written (absolute); null in passthrough. */
  cassette: string | null;
  stats(): RecordStats;
  /**
   * Stops accepting, lets requests in flight finish (bounded by the upstream timeout),
   * then turns the journal into the cassette. Idempotent.
   */
  close(): Promise<RecordStats>;
}

function defaultLog(line: string): void {
  process.stderr.write(line + '\n');
}

function cassetteFile(options: RecordingProxyOptions): string | null {
  if (options.mode === 'passthrough') return null;
  if (options.cassette === undefined) throw new TapegateError(`Failed to start ${options.mode} mode: a cassette is required`, 2);
  return options.cassetteDir === undefined ? resolve(options.cassette) : resolveCassettePath(options.cassetteDir, options.cassette);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

function newHeader(contracts: ContractSet): CassetteHeader {
  return createHeader({ toolVersion: toolVersion(), services: contracts.services.map((s) => ({ service: s.service, apiVersion: s.apiVersion })) });
}

/** The journal to write and, in auto mode, the exchanges the cassette already holds. */
async function openCassette(options: RecordingProxyOptions, file: string, contracts: ContractSet): Promise<{ writer: CassetteWriter; existing: Exchange[] }> {
  await mkdir(dirname(file), { recursive: true });
  if (options.mode === 'record') {
    if (!options.force && (await exists(file))) {
      throw new TapegateError(`Failed to record "${file}": the cassette exists; pass --force to overwrite it, or use \`tapegate auto\` to add to it`, 2);
    }
    return { writer: await openJournal(file, newHeader(contracts)), existing: [] };
  }
  if (!(await exists(file)) && !(await exists(file + '.journal'))) return { writer: await openJournal(file, newHeader(contracts)), existing: [] };
  // Recovers a journal a crashed recording left: auto mode carries on from it.
  const { header, exchanges } = await readCassette(file);
  const known = new Set(header.services.map((s) => s.service));
  const services = [...header.services, ...newHeader(contracts).services.filter((s) => !known.has(s.service))];
  return { writer: await openJournal(file, { ...header, services }, exchanges), existing: exchanges };
}

export async function startRecordingProxy(options: RecordingProxyOptions): Promise<RecordingProxy> {
  const mode = parseMode(options.mode);
  const host = parseHost(options.host ?? DEFAULT_HOST, 'host');
  const port = parsePort(options.port ?? 0, 'port');
  const upstream = options.upstream === undefined ? undefined : parseUpstream(options.upstream, 'upstream');
  const region = options.region === undefined ? undefined : parseRegion(options.region, 'region');
  const profile = options.profile === undefined ? undefined : parseProfile(options.profile, 'profile');
  const failOn = parseFailOn(options.failOn ?? 'never', 'failOn');
  const timeoutMs = checkTimeoutMs(options.upstreamTimeoutMs);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new TapegateError(`Failed to parse "maxBodyBytes": expected a positive integer, got ${String(maxBodyBytes)}`, 2);
  }
  const log = options.log === false ? () => undefined : (options.log ?? defaultLog);
  const contracts = options.contracts ?? bundledContracts();
  const validator = new Validator(contracts);
  const file = cassetteFile({ ...options, mode });

  const opened = file === null ? null : await openCassette({ ...options, mode }, file, contracts);
  const redact: RedactOptions = {
    ...(options.redactAccountIds ? { redactAccountIds: true, accountIds: new AccountIdMap() } : {}),
    ...(options.redactHeaders ? { extraHeaders: options.redactHeaders } : {}),
  };
  const recorder = new Recorder({ writer: opened?.writer ?? null, validator, redact, log });
  // repeat 'error': an exchange answers one request; a repeat beyond the recorded count is a miss, so it is recorded.
  const matcher = mode === 'auto' ? new Matcher(opened?.existing ?? [], { repeat: 'error', matchHeaders: options.matchHeaders, ignoreBody: options.ignoreBody }) : null;
  const forwarder = new Forwarder(timeoutMs);
  const counters: RecordCounters = { forwarded: 0, recorded: 0, replayed: 0, upstreamFailures: 0, refused: 0, rejected: 0 };
  const handler = createRecordHandler({
    contracts,
    routes: new RouteCache(validator.router),
    upstream: { ...(upstream ? { upstream } : {}), ...(region ? { region } : {}), endpointPrefixes: endpointPrefixes(contracts) },
    credentials: credentialSource({ ...(options.credentials ? { credentials: options.credentials } : {}), ...(profile ? { profile } : {}) }),
    forwarder,
    recorder,
    matcher,
    redact,
    recordFailures: options.recordFailures ?? false,
    maxBodyBytes,
    log,
    counters,
  });
  const inFlight = new InFlight();
  const server = createProxyServer({ handler: inFlight.track(handler, log), log, onRejected: () => counters.rejected++ });
  let boundPort: number;
  try {
    boundPort = await listen(server, host, port);
  } catch (error) {
    await opened?.writer.abort();
    throw error;
  }

  const stats = (): RecordStats => {
    const findings = recorder.findings();
    return {
      mode,
      cassette: file,
      ...counters,
      exchanges: (opened?.existing.length ?? 0) + counters.recorded,
      findings,
      findingCounts: countBySeverity(findings),
      failOnReached: recorder.reached(failOn),
    };
  };
  let closing: Promise<RecordStats> | undefined;
  return {
    url: urlOf(host, boundPort),
    port: boundPort,
    cassette: file,
    stats,
    close: () => {
      closing ??= (async () => {
        await inFlight.stop(server);
        forwarder.close();
        await opened?.writer.finish();
        return stats();
      })();
      return closing;
    },
  };
}
