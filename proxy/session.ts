/**
 * One session: a cassette, the mode it is used in, and everything that belongs to that
 * cassette alone: what it held when opened, its match queues (identical requests are served
 * in this cassette's order, whatever other sessions do), its journal, its counters and its
 * findings, with the one pipeline (pipeline.ts) assembled for its mode. A proxy has its own
 * session (the `cassette` it was started with) and, with `sessions`, one more per started
 * session (sessions.ts); every request goes to exactly one of them.
 */
import { isIP } from 'node:net';
import type { RedactOptions } from '../cassettes/redact/redact.js';
import { AccountIdMap } from '../cassettes/redact/account-ids.js';
import type { SensitiveLookup } from '../core/sensitive.js';
import type { Validator } from '../contracts/validator.js';
import { TapegateError } from '../core/errors.js';
import { openCassette } from './cassette-open.js';
import { endpointPrefixes } from './endpoints.js';
import { expiryOf, refuseRecordingInCI } from './mode-choice.js';
import { MODE_STEPS, type ProxyMode } from './modes.js';
import type { Outbound } from './outbound.js';
import type { ProxySettings } from './options.js';
import { createPipeline, type Handler } from './pipeline.js';
import { newCounters, type ProxyCounters, type ProxyStats } from './stats.js';
import { MatchStep } from './steps/match.js';
import { Journal } from './steps/record.js';
import { RouteCache } from './steps/route.js';
import { routeRecorded } from './route-recorded.js';
import { countBySeverity, Findings, reached } from './steps/validate.js';

/** What every session of one proxy shares: built once from the proxy's contracts and forwarding options. */
export interface SharedParts {
  validator: Validator;
  sensitive: SensitiveLookup;
  /** The connection pool and credentials: the proxy closes them, after its sessions. */
  outbound: Outbound;
}

export interface Session {
  readonly mode: ProxyMode;
  /** The cassette file (absolute); null in passthrough. */
  readonly cassette: string | null;
  readonly counters: ProxyCounters;
  /** Runs a request through this session's pipeline (the session header already taken off). */
  readonly handle: Handler;
  stats(): ProxyStats;
  /** Waits for this session's requests in flight, then finishes its cassette. Idempotent. */
  close(): Promise<ProxyStats>;
  /** Drops the journal without finishing it (the proxy failed to listen). */
  abort(): Promise<void>;
}

/** The proxy's own names an SDK may be pointed at, whose subdomains are S3 bucket labels: IP addresses have none. */
function s3EndpointHosts(settings: ProxySettings): string[] {
  return [settings.host, ...settings.allowedHosts].filter((name) => isIP(name) === 0 && name !== 'localhost');
}

/** Counts a handler's unfinished runs, so that closing one session waits for its own requests only. */
function tracked(handler: Handler): { handle: Handler; idle: () => Promise<void> } {
  let running = 0;
  const waiting: (() => void)[] = [];
  const handle: Handler = (req, res) => {
    const run = handler(req, res);
    if (run === undefined) return run;
    running++;
    return run.finally(() => {
      if (--running === 0) for (const wake of waiting.splice(0)) wake();
    });
  };
  const idle = (): Promise<void> => (running === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve)));
  return { handle, idle };
}

/**
 * Opens the cassette `settings` name in its mode (an expired one as `expiresIn`/`onExpired`
 * say) and assembles its pipeline. Throws a TapegateError for bad input (a corrupt cassette,
 * an existing one to record without force, recording under CI).
 */
export async function openSession(initial: ProxySettings, shared: SharedParts): Promise<Session> {
  let settings = initial;
  const { log } = settings;
  refuseRecordingInCI(settings, settings.mode);
  let opened = await openCassette(settings);
  const expired = opened.createdAt === null ? null : expiryOf(settings, opened.createdAt);
  if (expired !== null) {
    const what = `Failed to use cassette "${settings.cassette}": recorded ${expired.recordedAt}, it is older than ${expired.expiresIn} (expiresIn)`;
    if (settings.expiry?.strategy === 'error') {
      await opened.writer?.abort();
      throw new TapegateError(`${what}; record it again`, 2);
    }
    if (settings.expiry?.strategy === 'record') {
      await opened.writer?.abort();
      // Recorded again as it was recorded: account ids stay placeholders if they were.
      settings = { ...settings, mode: 'record', force: true, redact: { ...settings.redact, accountIds: settings.redact.accountIds ?? opened.accountIdsRedacted } };
      refuseRecordingInCI(settings, 'record', ' (the cassette expired)');
      log(`tapegate: the cassette was recorded ${expired.recordedAt}, older than ${expired.expiresIn} (expiresIn): recording it again`);
      opened = await openCassette(settings);
    } else {
      log(`tapegate: warning: the cassette was recorded ${expired.recordedAt}, older than ${expired.expiresIn} (expiresIn): record it again`);
    }
  }
  const { mode } = settings;
  const steps = MODE_STEPS[mode];
  const redact: RedactOptions = {
    ...(opened.accountIdsRedacted ? { redactAccountIds: true, accountIds: new AccountIdMap() } : {}),
    ...(settings.redact.extraHeaders.length > 0 ? { extraHeaders: settings.redact.extraHeaders } : {}),
    // Where each operation carries secrets (its contract): replaced before storing, and before matching.
    sensitive: shared.sensitive,
  };
  const match = steps.match === null ? null : new MatchStep(routeRecorded(opened.existing, shared.validator.router), settings.match, redact);
  if (match !== null && match.matcher.droppedHeaders.length > 0) {
    log(`tapegate: matchHeaders ignores ${match.matcher.droppedHeaders.join(', ')}: they change on every request (signing, SDK bookkeeping)`);
  }
  const forward = settings.forward;
  const outbound = forward === null ? null : shared.outbound.for(forward);
  const journal = opened.writer === null ? null : new Journal(opened.writer);
  const counters = newCounters();
  const findings = new Findings(shared.validator, log, mode === 'replay' ? (match?.matcher ?? null) : null);

  const pipeline = createPipeline({
    steps,
    maxBodyBytes: settings.maxBodyBytes,
    // Replay plans for every recorded target twice over (percent-encoding variants of the same path).
    routes: new RouteCache(shared.validator.router, opened.existing.length * 2),
    match,
    forward:
      forward === null || outbound === null
        ? null
        : {
            contracts: settings.contracts,
            upstream: {
              ...(forward.upstream ? { upstream: forward.upstream } : {}),
              ...(forward.region ? { region: forward.region } : {}),
              endpointPrefixes: endpointPrefixes(settings.contracts),
            },
            credentials: outbound.credentials,
            forwarder: outbound.forwarder,
          },
    redact,
    s3EndpointHosts: s3EndpointHosts(settings),
    journal,
    recordFailures: forward?.recordFailures ?? false,
    findings,
    counters,
    log,
  });
  const { handle, idle } = tracked(pipeline);

  const stats = (): ProxyStats => {
    const list = findings.list();
    return {
      mode,
      cassette: settings.cassette,
      ...counters,
      exchanges: mode === 'passthrough' ? 0 : opened.existing.length + counters.recorded,
      unused: match === null ? [] : match.matcher.unused().map((exchange) => ({ seq: exchange.seq, operation: exchange.operation })),
      findings: list,
      findingCounts: countBySeverity(list),
      failOnReached: reached(list, settings.failOn),
      expired,
    };
  };
  let closing: Promise<ProxyStats> | undefined;
  return {
    mode,
    cassette: settings.cassette,
    counters,
    handle,
    stats,
    close: () => {
      closing ??= (async () => {
        await idle();
        await journal?.finish();
        return stats();
      })();
      return closing;
    },
    abort: async () => {
      await journal?.abort();
    },
  };
}
