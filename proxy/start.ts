/**
 * `startProxy`: check the options once, open what the mode starts from, assemble the
 * pipeline's steps for the mode (modes.ts) and listen. One function for every mode; the
 * CLI and the Node API both come through here.
 */
import type { RedactOptions } from '../cassettes/redact/redact.js';
import { AccountIdMap } from '../cassettes/redact/account-ids.js';
import { requestLabel } from '../cassettes/redact/request-label.js';
import { sensitiveLookup } from '../contracts/sensitive.js';
import { Validator } from '../contracts/validator.js';
import { openCassette } from './cassette-open.js';
import { TapegateError } from '../core/errors.js';
import { expiryOf, refuseRecordingInCI } from './mode-choice.js';
import { credentialSource } from './credentials.js';
import { endpointPrefixes } from './endpoints.js';
import { Forwarder } from './forwarder.js';
import { createProxyServer, listen, urlOf } from './http-server.js';
import { InFlight } from './in-flight.js';
import { MODE_STEPS, type ProxyMode } from './modes.js';
import { parseProxyOptions, type OptionNaming, type ProxyOptions } from './options.js';
import { createPipeline, type Handler } from './pipeline.js';
import { admission, foreignRequest, type Admission } from './steps/admit.js';
import { answerError } from './steps/answer.js';
import { newCounters, type ProxyStats } from './stats.js';
import { MatchStep } from './steps/match.js';
import { Journal } from './steps/record.js';
import { RouteCache } from './steps/route.js';
import { countBySeverity, Findings, reached } from './steps/validate.js';

export interface TapegateProxy {
  /** `http://127.0.0.1:PORT`: the endpoint to give an SDK. */
  url: string;
  port: number;
  mode: ProxyMode;
  /** The cassette file (absolute); null in passthrough. */
  cassette: string | null;
  /** Counts so far and the contract findings (see stats.ts). */
  stats(): ProxyStats;
  /**
   * Stops accepting, lets requests in flight finish (bounded by the upstream timeout),
   * then turns the journal into the cassette. Returns the final stats. Idempotent.
   */
  close(): Promise<ProxyStats>;
}

/** The path of a request target, without its query (which may carry secrets) or any authority. */
/** `naming`: blame a bad option by its Node API key (default) or by its CLI flag. */
export async function startProxy(options: ProxyOptions, naming: OptionNaming = 'option'): Promise<TapegateProxy> {
  let settings = parseProxyOptions(options, naming);
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
    sensitive: sensitiveLookup(settings.contracts),
  };
  const validator = new Validator(settings.contracts);
  const match = steps.match === null ? null : new MatchStep(opened.existing, settings.match, redact);
  if (match !== null && match.matcher.droppedHeaders.length > 0) {
    log(`tapegate: matchHeaders ignores ${match.matcher.droppedHeaders.join(', ')}: they change on every request (signing, SDK bookkeeping)`);
  }
  const forward = settings.forward;
  const forwarder = forward === null ? null : new Forwarder(forward.timeoutMs, forward.maxResponseBytes);
  const journal = opened.writer === null ? null : new Journal(opened.writer);
  const counters = newCounters();
  const findings = new Findings(validator, log, mode === 'replay' ? (match?.matcher ?? null) : null);

  const handler = createPipeline({
    steps,
    maxBodyBytes: settings.maxBodyBytes,
    // Replay plans for every recorded target twice over (percent-encoding variants of the same path).
    routes: new RouteCache(validator.router, opened.existing.length * 2),
    match,
    forward:
      forward === null || forwarder === null
        ? null
        : {
            contracts: settings.contracts,
            upstream: {
              ...(forward.upstream ? { upstream: forward.upstream } : {}),
              ...(forward.region ? { region: forward.region } : {}),
              endpointPrefixes: endpointPrefixes(settings.contracts),
            },
            credentials: credentialSource({ ...(forward.credentials ? { credentials: forward.credentials } : {}), ...(forward.profile ? { profile: forward.profile } : {}) }),
            forwarder,
          },
    redact,
    journal,
    recordFailures: forward?.recordFailures ?? false,
    findings,
    counters,
    log,
  });
  const inFlight = new InFlight();
  let admit: Admission | null = null;
  const guarded: Handler = (req, res) => {
    const refused = foreignRequest(req, admit as Admission);
    if (refused === null) return handler(req, res);
    req.resume();
    counters.rejected++;
    const message = `Failed to accept "${requestLabel(req.method, req.url)}": ${refused}`;
    log(`tapegate: ${message}`);
    answerError(res, 403, 'TapegateForbidden', message);
  };
  const server = createProxyServer({ handler: inFlight.track(guarded, log), log, onRejected: () => counters.rejected++ });
  let port: number;
  try {
    port = await listen(server, settings.host, settings.port);
  } catch (error) {
    await journal?.abort();
    throw error;
  }
  admit = admission(settings.host, port, settings.allowedHosts);
  if (!['localhost', '::1'].includes(settings.host) && !/^127\./.test(settings.host)) {
    log(`tapegate: warning: listening on ${settings.host}, beyond this machine: anyone who can reach port ${port} can use this proxy`);
  }

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
    url: urlOf(settings.host, port),
    port,
    mode,
    cassette: settings.cassette,
    stats,
    close: () => {
      closing ??= (async () => {
        await inFlight.stop(server);
        forwarder?.close();
        await journal?.finish();
        return stats();
      })();
      return closing;
    },
  };
}
