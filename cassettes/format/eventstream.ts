/**
 * Event stream bodies (`application/vnd.amazon.eventstream`): a sequence of binary messages,
 * each `total length | headers length | prelude CRC | headers | payload | message CRC`. The
 * messages are checked and read with the AWS SDK's own codec (`EventStreamCodec` of
 * `@smithy/core/event-streams`: both checksums, the header block); what this file adds is
 * walking the recorded body from message to message.
 *
 * Why not the codec's stream splitter (`getChunkedStream`): it allocates whatever length a
 * message's prelude claims before checking anything (a corrupt prelude can claim 4 GiB) and
 * copies every message out of the body. The body here is whole in memory and bounded by
 * --max-response, so the walk reads each claimed length, checks it against the bytes left,
 * and hands the codec a view of exactly that message.
 */
import { EventStreamCodec } from '@smithy/core/event-streams';
import type { EventStreamFrames } from '../../core/exchange.js';

export const EVENT_STREAM_TYPE = 'application/vnd.amazon.eventstream';

/** True for the event stream media type, parameters and case aside. */
export function isEventStream(contentType: string | undefined): boolean {
  return contentType !== undefined && contentType.split(';')[0]!.trim().toLowerCase() === EVENT_STREAM_TYPE;
}

const codec = new EventStreamCodec(
  (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
  (text: string) => Buffer.from(text, 'utf8'),
);

/** The smallest message: prelude (8), prelude CRC (4), message CRC (4). */
const MIN_MESSAGE_BYTES = 16;

export interface SplitEventStream {
  /** Byte length of each whole, valid message, in order. */
  lengths: number[];
  /** Why the bytes after the last whole message are not one; null when there are none. */
  problem: string | null;
}

/** The whole, valid messages at the start of `bytes`, and what is wrong with the rest. Never throws. */
export function splitEventStream(bytes: Uint8Array): SplitEventStream {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengths: number[] = [];
  let offset = 0;
  while (offset < view.length) {
    const left = view.length - offset;
    const where = `message ${lengths.length + 1} (at byte ${offset})`;
    if (left < MIN_MESSAGE_BYTES) return { lengths, problem: `${where} is cut short: ${left} bytes, a message has at least ${MIN_MESSAGE_BYTES}` };
    const total = view.readUInt32BE(offset);
    if (total > left) return { lengths, problem: `${where} is cut short: it declares ${total} bytes, ${left} are left` };
    try {
      codec.decode(view.subarray(offset, offset + total));
    } catch (error) {
      return { lengths, problem: `${where} is corrupt: ${error instanceof Error ? error.message : String(error)}` };
    }
    lengths.push(total);
    offset += total;
  }
  return { lengths, problem: null };
}

/**
 * The frames of a recorded event stream answer: its messages, each with the time its last
 * byte arrived (`arrivals`: bytes received so far and ms after the headers, after each chunk).
 */
export function eventStreamFrames(bytes: Uint8Array, arrivals: readonly { bytes: number; ms: number }[]): EventStreamFrames {
  const { lengths, problem } = splitEventStream(bytes);
  const atMs: number[] = [];
  let end = 0;
  let arrival = 0;
  for (const length of lengths) {
    end += length;
    while (arrival < arrivals.length - 1 && arrivals[arrival]!.bytes < end) arrival++;
    atMs.push(Math.round((arrivals[arrival]?.ms ?? 0) * 10) / 10);
  }
  return problem === null ? { lengths, atMs } : { lengths, atMs, problem };
}

/**
 * What each message is, for people: its `:event-type` (`PayloadChunk`), `:exception-type`, or
 * `:message-type` when it has neither. Only for messages already found valid.
 */
export function frameNames(bytes: Uint8Array, frames: EventStreamFrames): string[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  let offset = 0;
  for (const length of frames.lengths) {
    let name = '?';
    try {
      const { headers } = codec.decode(view.subarray(offset, offset + length));
      const of = (key: string): string | undefined => {
        const header = headers[key];
        return header?.type === 'string' ? header.value : undefined;
      };
      name = of(':event-type') ?? of(':exception-type') ?? of(':message-type') ?? '?';
    } catch {
      // A frame edited by hand after recording: shown as unknown.
    }
    names.push(name);
    offset += length;
  }
  return names;
}

/** The body cut at its frames: each message a view, then the rest (the bad bytes) if any. */
export function frameChunks(bytes: Uint8Array, frames: EventStreamFrames): Buffer[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const length of frames.lengths) {
    chunks.push(view.subarray(offset, offset + length));
    offset += length;
  }
  if (offset < view.length) chunks.push(view.subarray(offset));
  return chunks;
}
