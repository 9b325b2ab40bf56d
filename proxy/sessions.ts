/**
 * The sessions of one proxy: its own (the cassette it was started with, if any) and those
 * started through the control surface (control.ts), each with its own cassette, match
 * queues, counters and findings (session.ts). A request names its session in the
 * `x-tapegate-session` header (steps/session.ts); without it, it goes to the default session:
 * the last one started that is still open, else the proxy's own.
 *
 * Session cassettes are names inside the proxy's cassette folder: `.cassette` is added when
 * missing, an absolute name is refused, and a name that escapes the folder (`../x`, a link
 * out of it) is refused by the same check `--cassette-dir` uses (cassette-path.ts).
 */
import { randomBytes } from 'node:crypto';
import { isAbsolute, relative, resolve } from 'node:path';
import { TapegateError } from '../core/errors.js';
import { MODE_NAMES, parseProxyOptions, type AnyProxyOptions, type ModeName } from './options.js';
import type { ProxyMode } from './modes.js';
import { openSession, type Session, type SharedParts } from './session.js';
import type { ProxyStats } from './stats.js';

/** What a client asks for when it starts a session. */
export interface SessionRequest {
  /** The cassette's name inside the cassette folder (`tests/test_orders/test_create`). */
  cassette: string;
  /** Any mode name the proxy takes; default: the proxy's own mode. */
  mode?: ModeName;
  /** `record`: overwrite an existing cassette. */
  force?: boolean;
}

export interface SessionInfo {
  id: string;
  /** The name as the client gave it. */
  name: string;
  /** The cassette file, relative to the cassette folder (null in passthrough). */
  file: string | null;
  mode: ProxyMode;
}

export interface StartedSession extends SessionInfo {
  session: Session;
}

/** A session and its stats: final once it stopped. */
export interface SessionOutcome {
  id: string;
  name: string;
  stats: ProxyStats;
}

/** A refusal to start, stop or route to a session: its HTTP status says which. */
export class SessionError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

const CASSETTE_EXTENSION = '.cassette';

/** The file name a session's cassette name stands for; absolute names are refused here, escapes by cassette-path.ts. */
function cassetteFileName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') throw new SessionError(400, 'Failed to start a session: "cassette" must be a non-empty name inside the cassette folder');
  if (isAbsolute(name) || /^[A-Za-z]:/.test(name) || name.startsWith('\\')) {
    throw new SessionError(400, `Failed to start a session: the cassette "${name}" is an absolute path; give a name inside the cassette folder`);
  }
  return name.endsWith(CASSETTE_EXTENSION) ? name : name + CASSETTE_EXTENSION;
}

/** Prefixes a session's log lines with its cassette name, so a miss says which test it was. */
function prefixed(log: (line: string) => void, name: string): (line: string) => void {
  return (line) => log(line.startsWith('tapegate: ') ? `tapegate [${name}]: ${line.slice('tapegate: '.length)}` : `tapegate [${name}]: ${line}`);
}

export class SessionRegistry {
  /** In start order: the last entry is the default. */
  readonly #started = new Map<string, StartedSession>();
  /** Files of sessions being opened or open, so two sessions never share a cassette. */
  readonly #files = new Map<string, string>();
  /** Every session stopped so far, with its final stats, for the proxy's closing summary. */
  readonly #stopped: SessionOutcome[] = [];

  constructor(
    /** The proxy's own session; null when it was started with sessions and no cassette. */
    readonly own: Session | null,
    /** The proxy's options, each session parsed from them with its own cassette and mode; null: started without sessions. */
    private readonly options: (AnyProxyOptions & { cassetteDir: string }) | null,
    private readonly shared: SharedParts,
    private readonly log: (line: string) => void,
  ) {
    if (own?.cassette != null) this.#files.set(own.cassette, 'the proxy itself');
  }

  /** Every session started so far, in start order of stopping: the stopped ones' final stats, the open ones' so far. */
  outcomes(): SessionOutcome[] {
    return [...this.#stopped, ...this.list().map((started) => ({ id: started.id, name: started.name, stats: started.session.stats() }))];
  }

  list(): StartedSession[] {
    return [...this.#started.values()];
  }

  get(id: string): StartedSession | undefined {
    return this.#started.get(id);
  }

  /** The session a request goes to: `id` from its header, else the default. */
  choose(id: string | null): Session {
    if (id !== null) {
      if (this.options === null) throw new SessionError(404, `Failed to find session "${id}": this proxy was started without sessions (tapegate serve, or sessions: true)`);
      const started = this.#started.get(id);
      if (started === undefined) throw new SessionError(404, `Failed to find session "${id}": no open session has this id (stopped already, or started on another proxy)`);
      return started.session;
    }
    // The common case first, without allocating: no session started, the proxy's own cassette.
    if (this.#started.size === 0 && this.own !== null) return this.own;
    const last = [...this.#started.values()].at(-1);
    if (last !== undefined) return last.session;
    throw new SessionError(
      400,
      'Failed to choose a session: no session is open and this proxy has no cassette of its own; start one with POST /__tapegate/sessions and send its id in x-tapegate-session',
    );
  }

  async start(request: SessionRequest): Promise<StartedSession> {
    const base = this.options;
    if (base === null) throw new SessionError(404, 'Failed to start a session: this proxy was started without sessions (tapegate serve, or sessions: true)');
    const fileName = cassetteFileName(request.cassette);
    if (request.mode !== undefined && !(MODE_NAMES as readonly unknown[]).includes(request.mode)) {
      throw new SessionError(400, `Failed to start a session: "mode" must be one of ${MODE_NAMES.map((m) => `"${m}"`).join(', ')} (got ${JSON.stringify(request.mode)})`);
    }
    if (request.force !== undefined && typeof request.force !== 'boolean') throw new SessionError(400, 'Failed to start a session: "force" must be true or false');
    const name = request.cassette;
    const options = {
      ...base,
      mode: request.mode ?? base.mode ?? 'replay',
      cassette: fileName,
      ...(request.force === undefined ? {} : { force: request.force }),
    } as AnyProxyOptions;
    let opened: Session;
    let file: string | null;
    try {
      const settings = parseProxyOptions(options);
      file = settings.cassette;
      const holder = file === null ? undefined : this.#files.get(file);
      if (holder !== undefined) throw new SessionError(409, `Failed to start a session on "${name}": its cassette is in use by ${holder}; stop that session first`);
      if (file !== null) this.#files.set(file, `session on "${name}"`);
      try {
        opened = await openSession({ ...settings, log: prefixed(settings.log, name) }, this.shared);
      } catch (error) {
        if (file !== null) this.#files.delete(file);
        throw error;
      }
    } catch (error) {
      if (error instanceof TapegateError) throw new SessionError(400, error.message);
      throw error;
    }
    const id = randomBytes(8).toString('hex');
    const started: StartedSession = { id, name, file: file === null ? null : relative(resolve(base.cassetteDir), file), mode: opened.mode, session: opened };
    if (file !== null) this.#files.set(file, `session ${id}`);
    this.#started.set(id, started);
    return started;
  }

  /** Stops session `id`: no request reaches it any more, its requests in flight finish, its cassette is written. */
  async stop(id: string): Promise<{ started: StartedSession; stats: ProxyStats }> {
    const started = this.#started.get(id);
    if (started === undefined) throw new SessionError(404, `Failed to stop session "${id}": no open session has this id (stopped already, or started on another proxy)`);
    this.#started.delete(id);
    try {
      const stats = await started.session.close();
      this.#stopped.push({ id, name: started.name, stats });
      return { started, stats };
    } finally {
      if (started.session.cassette !== null) this.#files.delete(started.session.cassette);
    }
  }

  /** When the proxy stops: every session still open is stopped and written, one log line each. */
  async stopAll(): Promise<void> {
    for (const id of [...this.#started.keys()]) {
      const { started, stats } = await this.stop(id);
      this.log(`tapegate: session ${id} ("${started.name}") was still open when the proxy stopped: stopped, ${stats.exchanges} exchanges in its cassette`);
    }
  }
}
