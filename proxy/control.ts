/**
 * The control surface of a proxy serving sessions: a small JSON API under `/__tapegate/`,
 * a prefix no AWS API uses, so that a pytest fixture, a JUnit rule or a shell script gives
 * each test its own cassette on one running proxy (the shape of the Azure SDK's test
 * proxy, in tapegate's words):
 *
 *   POST   /__tapegate/sessions       {"cassette": "NAME", "mode"?: "replay", "force"?: false}
 *                                      → 201 {"id", "cassette", "file", "mode", "header"}
 *   GET    /__tapegate/sessions       → 200 {"default": id | null, "sessions": [...]}
 *   GET    /__tapegate/sessions/ID    → 200 the session's counts so far
 *   DELETE /__tapegate/sessions/ID    → 200 its summary, once its cassette is written
 *
 * Errors are JSON (`{"type", "message"}`, the type also in `X-Amzn-ErrorType`): 400 for bad
 * input (a name outside the cassette folder, a bad mode, a corrupt cassette), 404 for an
 * unknown session, 409 for a cassette another open session uses. The surface is reached
 * only through the admit step (start.ts: no Origin, one of the proxy's own Host names) and
 * only on a loopback address, even when the proxy listens beyond it (--allow-remote).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { oneLine } from '../core/text.js';
import { awsError, type ProxyErrorType } from './aws-error.js';
import { SessionError, type SessionRegistry, type StartedSession } from './sessions.js';
import type { ProxyStats } from './stats.js';
import { SESSION_HEADER } from './steps/session.js';
import { formatSummary } from './summary.js';
import { sendWire } from './wire-response.js';

export const CONTROL_PREFIX = '/__tapegate/';

/** A control request body is a few names; anything longer is a mistake. */
const MAX_CONTROL_BODY = 64 * 1024;

/** True for `/__tapegate` and anything under it (the query aside). */
export function isControlPath(url: string | undefined): boolean {
  const path = (url ?? '/').split('?', 1)[0] as string;
  return path === CONTROL_PREFIX.slice(0, -1) || path.startsWith(CONTROL_PREFIX);
}

/** 127.0.0.0/8, ::1, and IPv4 loopback seen through a dual-stack socket. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4 === '::1' || /^127\.\d+\.\d+\.\d+$/.test(v4);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  sendWire(res, { status, headers: ['content-type', 'application/json', 'content-length', String(bytes.length)], body: bytes });
}

function sendError(res: ServerResponse, status: number, type: ProxyErrorType, message: string): void {
  sendWire(res, awsError(status, type, message, { type }));
}

const ERROR_TYPES: Record<SessionError['status'], ProxyErrorType> = { 400: 'TapegateBadRequest', 404: 'TapegateUnknownSession', 409: 'TapegateSessionConflict' };

/** A session as listed and as started. */
function infoOf(started: StartedSession): Record<string, unknown> {
  return { id: started.id, cassette: started.name, file: started.file, mode: started.mode };
}

/** What a stop answers (and a GET of one session): the counts, the findings by severity, the summary text. */
export function sessionSummary(started: StartedSession, stats: ProxyStats): Record<string, unknown> {
  return {
    ...infoOf(started),
    served: stats.served,
    missed: stats.missed,
    forwarded: stats.forwarded,
    unsigned: stats.unsigned,
    recorded: stats.recorded,
    upstreamFailures: stats.upstreamFailures,
    refused: stats.refused,
    rejected: stats.rejected,
    exchanges: stats.exchanges,
    unused: stats.unused.length,
    unusedExchanges: stats.unused,
    findings: stats.findingCounts,
    failOnReached: stats.failOnReached,
    expired: stats.expired,
    summary: formatSummary(stats),
  };
}

/** The body of a POST: a JSON object, or null with the reason. */
function readJsonObject(req: IncomingMessage): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_CONTROL_BODY) chunks.push(chunk);
    });
    req.on('error', (error) => resolve({ ok: false, message: error.message }));
    req.on('end', () => {
      if (size > MAX_CONTROL_BODY) return resolve({ ok: false, message: `the body is over ${MAX_CONTROL_BODY} bytes` });
      const text = Buffer.concat(chunks).toString('utf8');
      let value: unknown;
      try {
        value = JSON.parse(text === '' ? '{}' : text);
      } catch (error) {
        return resolve({ ok: false, message: `the body is not JSON (${(error as Error).message})` });
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return resolve({ ok: false, message: 'the body must be a JSON object' });
      resolve({ ok: true, value: value as Record<string, unknown> });
    });
  });
}

export class ControlSurface {
  constructor(
    private readonly registry: SessionRegistry,
    private readonly log: (line: string) => void,
  ) {}

  /** Answers one control request; never rejects (a failure is a JSON error). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopbackAddress(req.socket.localAddress)) {
      req.resume();
      return sendError(res, 403, 'TapegateForbidden', 'Failed to accept a control request: the control surface answers on a loopback address only');
    }
    try {
      await this.#route(req, res);
    } catch (error) {
      if (!(error instanceof SessionError)) throw error;
      this.log(`tapegate: ${oneLine(error.message)}`);
      sendError(res, error.status, ERROR_TYPES[error.status], error.message);
    }
  }

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?', 1)[0] as string;
    const method = req.method ?? 'GET';
    const parts = path.slice(CONTROL_PREFIX.length).split('/');
    if (parts[0] !== 'sessions' || parts.length > 2 || (parts.length === 2 && parts[1] === '')) {
      req.resume();
      return sendError(res, 404, 'TapegateNotFound', `Failed to find "${method} ${path}": the control surface has ${CONTROL_PREFIX}sessions and ${CONTROL_PREFIX}sessions/ID`);
    }
    const id = parts.length === 2 ? decodeURIComponent(parts[1] as string) : null;
    const allowed = id === null ? ['GET', 'POST'] : ['GET', 'DELETE'];
    if (!allowed.includes(method)) {
      req.resume();
      res.setHeader('allow', allowed.join(', '));
      return sendError(res, 405, 'TapegateMethodNotAllowed', `Failed to handle "${method} ${path}": it takes ${allowed.join(' or ')}`);
    }
    if (method === 'POST') return this.#start(req, res);
    req.resume();
    if (id === null) {
      const sessions = this.registry.list();
      return sendJson(res, 200, { default: sessions.at(-1)?.id ?? null, sessions: sessions.map(infoOf) });
    }
    if (method === 'DELETE') {
      const { started, stats } = await this.registry.stop(id);
      return sendJson(res, 200, sessionSummary(started, stats));
    }
    const started = this.registry.get(id);
    if (started === undefined) throw new SessionError(404, `Failed to find session "${id}": no open session has this id (stopped already, or started on another proxy)`);
    return sendJson(res, 200, sessionSummary(started, started.session.stats()));
  }

  async #start(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonObject(req);
    if (!body.ok) throw new SessionError(400, `Failed to start a session: ${body.message}`);
    const { cassette, mode, force, ...rest } = body.value;
    const unknown = Object.keys(rest);
    if (unknown.length > 0) throw new SessionError(400, `Failed to start a session: unknown member ${JSON.stringify(unknown[0])} (it takes "cassette", "mode" and "force")`);
    const started = await this.registry.start({
      cassette: cassette as string,
      ...(mode === undefined ? {} : { mode: mode as never }),
      ...(force === undefined ? {} : { force: force as boolean }),
    });
    sendJson(res, 201, { ...infoOf(started), header: SESSION_HEADER });
  }
}
