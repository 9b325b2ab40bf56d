/**
 * After admit, before step 1: which session a request belongs to. A per-test client sends
 * the id its session start answered in `x-tapegate-session`; a request without it goes to
 * the default session (sessions.ts). The header is taken off the request here, before
 * anything reads it: it is the proxy's own bookkeeping, so it must never be recorded, take
 * part in matching (`matchHeaders`), be forwarded upstream or be signed.
 */
import type { IncomingMessage } from 'node:http';

/** The request header that names a session (lower case, as Node gives header names). */
export const SESSION_HEADER = 'x-tapegate-session';

export type SessionChoice = { ok: true; id: string | null } | { ok: false; message: string };

/** Reads and removes the session header: `id` null when there was none. */
export function takeSessionHeader(req: IncomingMessage): SessionChoice {
  const header = req.headers[SESSION_HEADER];
  if (header === undefined) return { ok: true, id: null };
  delete req.headers[SESSION_HEADER];
  // Node joins repeated headers with ", "; two sessions for one request is a client's mistake.
  const value = Array.isArray(header) ? header.join(', ') : header;
  const id = value.trim();
  if (id === '' || id.includes(',')) return { ok: false, message: `the ${SESSION_HEADER} header must name one session id (got ${JSON.stringify(value)})` };
  return { ok: true, id };
}
