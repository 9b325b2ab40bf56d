/**
 * `startProxy`: check the options once, open the proxy's own session (its cassette in its
 * mode: session.ts) and, with `sessions`, the registry of per-test sessions and their
 * control surface (sessions.ts, control.ts), then listen. One function for every mode; the
 * CLI and the Node API both come through here. Each request is admitted (steps/admit.ts),
 * goes to the control surface or to its session (steps/session.ts), and runs through that
 * session's pipeline.
 */
import { requestLabel } from '../cassettes/redact/request-label.js';
import { sensitiveLookup } from '../contracts/sensitive.js';
import { Validator } from '../contracts/validator.js';
import { ControlSurface, CONTROL_PREFIX, isControlPath } from './control.js';
import { createProxyServer, listen, urlOf } from './http-server.js';
import { InFlight } from './in-flight.js';
import type { ProxyMode } from './modes.js';
import { parseProxyOptions, type AnyProxyOptions, type OptionNaming, type ProxyOptions, type ProxySettings, type SessionsOptions } from './options.js';
import type { Handler } from './pipeline.js';
import { Outbound } from './outbound.js';
import { openSession, type Session } from './session.js';
import { SessionError, SessionRegistry, type SessionOutcome } from './sessions.js';
import { admission, foreignRequest, type Admission } from './steps/admit.js';
import { answerError } from './steps/answer.js';
import { takeSessionHeader } from './steps/session.js';
import { newCounters, type ProxyCounters, type ProxyStats } from './stats.js';

export interface TapegateProxy {
  /** `http://127.0.0.1:PORT`: the endpoint to give an SDK. */
  url: string;
  port: number;
  mode: ProxyMode;
  /** The cassette file (absolute); null in passthrough, and for a proxy serving sessions without one of its own. */
  cassette: string | null;
  /** With `sessions`: the control surface, `http://127.0.0.1:PORT/__tapegate` (see control.ts); null otherwise. */
  control: string | null;
  /** With `sessions`: every session started so far and its stats (final for those stopped); empty otherwise. */
  sessions(): SessionOutcome[];
  /** Counts so far and the contract findings of the proxy's own session (see stats.ts). */
  stats(): ProxyStats;
  /**
   * Stops accepting, lets requests in flight finish (bounded by the upstream timeout),
   * then turns the journals into cassettes: every session still open, then the proxy's
   * own. Returns the final stats of the proxy's own session. Idempotent.
   */
  close(): Promise<ProxyStats>;
}

/** The stats of a proxy that serves sessions and has no cassette of its own. */
function sessionsOnlyStats(settings: ProxySettings, counters: ProxyCounters): ProxyStats {
  return {
    mode: settings.mode,
    cassette: null,
    ...counters,
    exchanges: 0,
    unused: [],
    findings: [],
    findingCounts: { error: 0, warn: 0, info: 0 },
    failOnReached: false,
    expired: null,
  };
}

/** `naming`: blame a bad option by its Node API key (default) or by its CLI flag. */
export async function startProxy(options: ProxyOptions, naming?: OptionNaming): Promise<TapegateProxy>;
/** A proxy serving per-test sessions (sessions.ts, control.ts). */
export async function startProxy(options: SessionsOptions, naming?: OptionNaming): Promise<TapegateProxy>;
export async function startProxy(options: AnyProxyOptions, naming: OptionNaming = 'option'): Promise<TapegateProxy> {
  const settings = parseProxyOptions(options, naming);
  const { log } = settings;
  const validator = new Validator(settings.contracts);
  const outbound = new Outbound();
  const shared = { validator, sensitive: sensitiveLookup(settings.contracts), outbound };
  // Serving sessions, the proxy needs no cassette of its own; passthrough never has one.
  const own: Session | null = settings.cassette !== null || settings.mode === 'passthrough' ? await openSession(settings, shared) : null;
  const registry = new SessionRegistry(own, settings.sessions === null ? null : { ...options, cassetteDir: settings.sessions.cassetteDir }, shared, log);
  const control = settings.sessions === null ? null : new ControlSurface(registry, log);
  // Requests refused before any session was chosen count in the proxy's own session.
  const counters = own?.counters ?? newCounters();

  const inFlight = new InFlight();
  let admit: Admission | null = null;
  const guarded: Handler = (req, res) => {
    const refused = foreignRequest(req, admit as Admission);
    if (refused !== null) {
      req.resume();
      counters.rejected++;
      const message = `Failed to accept "${requestLabel(req.method, req.url)}": ${refused}`;
      log(`tapegate: ${message}`);
      answerError(res, 403, 'TapegateForbidden', message);
      return;
    }
    if (isControlPath(req.url)) {
      if (control !== null) return control.handle(req, res);
      req.resume();
      answerError(
        res,
        404,
        'TapegateNotFound',
        `Failed to find "${requestLabel(req.method, req.url)}": this proxy was started without sessions, so ${CONTROL_PREFIX} has nothing (tapegate serve)`,
      );
      return;
    }
    const choice = takeSessionHeader(req);
    let session: Session;
    try {
      if (!choice.ok) throw new SessionError(400, `Failed to choose a session for "${requestLabel(req.method, req.url)}": ${choice.message}`);
      session = registry.choose(choice.id);
    } catch (error) {
      if (!(error instanceof SessionError)) throw error;
      req.resume();
      counters.rejected++;
      log(`tapegate: ${error.message}`);
      answerError(res, error.status, error.status === 404 ? 'TapegateUnknownSession' : 'TapegateBadRequest', error.message);
      return;
    }
    return session.handle(req, res);
  };
  const server = createProxyServer({ handler: inFlight.track(guarded, log), log, onRejected: () => counters.rejected++ });
  let port: number;
  try {
    port = await listen(server, settings.host, settings.port);
  } catch (error) {
    await own?.abort();
    outbound.close();
    throw error;
  }
  admit = admission(settings.host, port, settings.allowedHosts);
  if (!['localhost', '::1'].includes(settings.host) && !/^127\./.test(settings.host)) {
    log(`tapegate: warning: listening on ${settings.host}, beyond this machine: anyone who can reach port ${port} can use this proxy`);
  }

  const stats = (): ProxyStats => own?.stats() ?? sessionsOnlyStats(settings, counters);
  const url = urlOf(settings.host, port);
  let closing: Promise<ProxyStats> | undefined;
  return {
    url,
    port,
    mode: own?.mode ?? settings.mode,
    cassette: own?.cassette ?? null,
    control: control === null ? null : url + CONTROL_PREFIX.slice(0, -1),
    sessions: () => registry.outcomes(),
    stats,
    close: () => {
      closing ??= (async () => {
        await inFlight.stop(server);
        await registry.stopAll();
        const final = (await own?.close()) ?? stats();
        outbound.close();
        return final;
      })();
      return closing;
    },
  };
}
