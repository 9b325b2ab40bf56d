/**
 * What the fake saw and said, in the project's exchange types (cassettes/exchange.ts), so a
 * test can feed every exchange to the contract validator. Credentials never enter the log:
 * `authorization`, `x-amz-security-token` and cookies are dropped, as a cassette would.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { bodyFromWire } from '../../../cassettes/format/body.js';
import type { RecordedRequest, RecordedResponse } from '../../../core/exchange.js';

export interface FakeExchange {
  /** Router operation id, or null when no operation takes the path. */
  operation: string | null;
  request: RecordedRequest;
  response: RecordedResponse;
  /** Set when a transport fault cut the response short. */
  fault?: 'closeMidResponse';
}

const NEVER_LOGGED = new Set(['authorization', 'x-amz-security-token', 'cookie']);

/** Path as on the wire, without the query. */
export const pathOf = (url: string): string => {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
};

/** Decoded query values, repeated names kept in order. */
export function queryOf(url: string): Record<string, string[]> {
  const q = url.indexOf('?');
  const query: Record<string, string[]> = {};
  if (q === -1) return query;
  for (const [name, value] of new URLSearchParams(url.slice(q + 1))) (query[name] ??= []).push(value);
  return query;
}

export function recordedRequest(method: string, url: string, headers: IncomingHttpHeaders, body: Buffer): RecordedRequest {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NEVER_LOGGED.has(name)) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method, path: pathOf(url), query: queryOf(url), headers: kept, body: bodyFromWire(body, headers) };
}

export function recordedResponse(status: number, headers: Record<string, string>, body: Buffer): RecordedResponse {
  return { status, headers: { ...headers }, body: bodyFromWire(body, headers) };
}
