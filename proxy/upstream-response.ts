/**
 * An upstream answer in the two forms the proxy needs: the `RecordedResponse` that goes
 * to the cassette (lower-case headers, body decompressed and parsed by cassettes/body.ts)
 * and the `WireResponse` the client gets (the upstream's bytes and header spelling, minus
 * hop-by-hop headers, with a true content-length).
 */
import { bodyFromWire } from '../cassettes/format/body.js';
import { eventStreamFrames, frameChunks, isEventStream } from '../cassettes/format/eventstream.js';
import type { RecordedResponse } from '../core/exchange.js';
import type { UpstreamResponse } from './forwarder.js';
import type { WireResponse } from './wire-response.js';

/** RFC 9110 §7.6.1 hop-by-hop headers, plus content-length (recomputed from the bytes). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'content-length']);

export function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/**
 * An event stream answer (not compressed: none is) is kept as bytes with its frames, never
 * taken for JSON; every other body goes through bodyFromWire.
 */
export function recordedResponseOf(response: UpstreamResponse): RecordedResponse {
  const headers = flatHeaders(response.headers);
  if (response.body.length > 0 && isEventStream(headers['content-type']) && headers['content-encoding'] === undefined) {
    const frames = eventStreamFrames(response.body, response.arrivals);
    return { status: response.status, headers, body: { kind: 'bytes', bytes: response.body, frames } };
  }
  return { status: response.status, headers, body: bodyFromWire(response.body, headers) };
}

/** What the client gets: the upstream's bytes; an event stream's (`recorded` holds its frames) message by message. */
export function wireResponseOf(response: UpstreamResponse, recorded: RecordedResponse): WireResponse {
  const headers: string[] = [];
  const raw = response.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.push(name, raw[i + 1] as string);
  }
  const frames = recorded.body.kind === 'bytes' ? recorded.body.frames : undefined;
  if (frames !== undefined) return { status: response.status, headers, body: response.body, chunks: frameChunks(response.body, frames) };
  headers.push('content-length', String(response.body.length));
  return { status: response.status, headers, body: response.body };
}

/** A response tapegate made itself (a 502/504), as a cassette records it. */
export function recordedResponseOfWire(wire: WireResponse): RecordedResponse {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < wire.headers.length; i += 2) headers[(wire.headers[i] as string).toLowerCase()] = wire.headers[i + 1] as string;
  return { status: wire.status, headers, body: bodyFromWire(wire.body, headers) };
}
