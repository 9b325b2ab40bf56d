/**
 * How `cassette show` and the `git diff` text form print a large or framed byte body: what it
 * is instead of megabytes of base64. Its size, the Content-Type of its message, its SHA-256
 * (so a diff still shows that the bytes changed) and, for an event stream, how many messages
 * and which events, and what is wrong with its end. `cassette export --json` keeps every byte.
 */
import { createHash } from 'node:crypto';
import type { Exchange, RecordedRequest, RecordedResponse } from '../../../core/exchange.js';
import { frameNames } from '../../../cassettes/format/eventstream.js';

/** Byte bodies up to this size are shown in full (as base64), as before. */
export const SHOWN_WHOLE_BYTES = 4096;

type Message = RecordedRequest | RecordedResponse;

/** The summary of a message's body, or null when it is shown as it is. */
function summaryOf(message: Message): Record<string, unknown> | null {
  const body = message.body;
  if (body.kind !== 'bytes' || (body.bytes.length <= SHOWN_WHOLE_BYTES && body.frames === undefined)) return null;
  const shown: Record<string, unknown> = {
    kind: 'bytes',
    size: body.bytes.length,
    ...(message.headers['content-type'] === undefined ? {} : { contentType: message.headers['content-type'] }),
    sha256: createHash('sha256').update(body.bytes).digest('hex'),
    ...(body.encoding === undefined ? {} : { encoding: body.encoding }),
  };
  if (body.frames !== undefined) {
    const { lengths, atMs, problem } = body.frames;
    shown.frames = { count: lengths.length, events: frameNames(body.bytes, body.frames), atMs, ...(problem === undefined ? {} : { problem }) };
  }
  shown.shown = 'in short: `tapegate cassette export --json` has the bytes';
  return shown;
}

/**
 * The JSON form of `exchange` as shown to people: `toJson` converts it with the summarised
 * bodies left empty (never base64-encoding megabytes only to drop them), then the summaries
 * take their place.
 */
export function summarizedJson<T extends { request: { body: unknown }; response: { body: unknown } }>(exchange: Exchange, toJson: (exchange: Exchange) => T): T {
  const request = summaryOf(exchange.request);
  const response = summaryOf(exchange.response);
  if (request === null && response === null) return toJson(exchange);
  const empty = { kind: 'empty' } as const;
  const json = toJson({
    ...exchange,
    request: request === null ? exchange.request : { ...exchange.request, body: empty },
    response: response === null ? exchange.response : { ...exchange.response, body: empty },
  });
  if (request !== null) json.request.body = request;
  if (response !== null) json.response.body = response;
  return json;
}
