/**
 * A response ready for the socket: status, a flat header list and the body bytes. Replay
 * builds one per recorded exchange at startup, so serving a hit is one `writeHead` and one
 * `end` with no per-request encoding, compression or header copying.
 */
import type { ServerResponse } from 'node:http';
import { bodyToWire } from '../cassettes/format/body.js';
import { frameChunks } from '../cassettes/format/eventstream.js';
import type { RecordedResponse } from '../core/exchange.js';

export interface WireResponse {
  status: number;
  /** `[name, value, name, value, ...]`, the form `writeHead` takes without copying. */
  headers: string[];
  body: Buffer;
  /**
   * An event stream's messages (views of `body`): sent one HTTP chunk each, in order, with
   * no content-length, as AWS streams them. Absent: `body` in one write.
   */
  chunks?: Buffer[];
}

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1) describe the recorded connection, not the message;
 * the replay connection has its own. `content-length` is recomputed from the bytes sent.
 */
const DROPPED = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'content-length']);

/** The recorded status, headers (minus hop-by-hop) and body, with a true content-length. */
export function prepareResponse(response: RecordedResponse): WireResponse {
  const body = bodyToWire(response.body);
  const headers: string[] = [];
  for (const name in response.headers) {
    if (DROPPED.has(name.toLowerCase())) continue;
    headers.push(name, response.headers[name] as string);
  }
  const recorded = response.body;
  if (recorded.kind === 'bytes' && recorded.frames !== undefined && recorded.encoding === undefined) {
    return { status: response.status, headers, body, chunks: frameChunks(body, recorded.frames) };
  }
  headers.push('content-length', String(body.length));
  return { status: response.status, headers, body };
}

export function sendWire(res: ServerResponse, wire: WireResponse): void {
  res.writeHead(wire.status, wire.headers);
  if (wire.chunks === undefined) {
    res.end(wire.body);
    return;
  }
  // Without a content-length Node sends the body chunked: each write is one HTTP chunk.
  for (const chunk of wire.chunks) res.write(chunk);
  res.end();
}
