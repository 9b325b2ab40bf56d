/**
 * Blob records (format 4 on): a large `bytes` body (an S3 object, say) is not put inside its
 * exchange's msgpack payload but written as a record of its own just before the exchange,
 * and the exchange's body says `{kind: 'bytes', blob: N}`, N counting the file's blob
 * records from 0. Why:
 *
 * - memory: msgpack-encoding a 50 MB body copies it into the encoder's buffer and again into
 *   the framed record. A blob record is written as its 13-byte prefix plus a view of the
 *   body (one `writev`), so a recording holds each body once;
 * - disk and replay memory: the same bytes twice in one cassette (an object put, then got)
 *   are written once; the second exchange names the first blob.
 *
 * A blob payload is one plain msgpack `bin 32` value (0xc6, the length as u32 big-endian,
 * the bytes), so any msgpack tool reads it, and a reader tells it from an exchange by its
 * first byte and length alone, without decoding (an exchange record is a msgpackr record
 * or map, never a bin). In memory nothing changes: a reader resolves the reference, and the
 * body is `{kind: 'bytes', bytes}` as always, a view into the file's buffer.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Body, Exchange } from '../../core/exchange.js';

/** Bodies from this size on go to blob records; smaller ones stay inline, as in format 3. */
export const BLOB_MIN_BYTES = 64 * 1024;

const BIN32 = 0xc6;
const BIN_HEADER_BYTES = 5;

/** The framed blob record: `[prefix, bytes]`, the bytes never copied. */
function blobRecord(bytes: Uint8Array): Buffer[] {
  const prefix = Buffer.allocUnsafe(8 + BIN_HEADER_BYTES);
  prefix.writeUInt32LE(BIN_HEADER_BYTES + bytes.length, 0);
  prefix[8] = BIN32;
  prefix.writeUInt32BE(bytes.length, 9);
  // The record's CRC covers the whole payload: the bin header, then the bytes, continued.
  prefix.writeUInt32LE(crc32(bytes, crc32(prefix.subarray(8))), 4);
  return [prefix, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)];
}

/** The bytes of a blob record's payload (a view), or null when the payload is no blob. */
export function blobOf(payload: Buffer): Buffer | null {
  if (payload.length < BIN_HEADER_BYTES || payload[0] !== BIN32) return null;
  if (payload.readUInt32BE(1) !== payload.length - BIN_HEADER_BYTES) return null;
  return payload.subarray(BIN_HEADER_BYTES);
}

type BlobRef = { kind: 'bytes'; blob: number } & Omit<Extract<Body, { kind: 'bytes' }>, 'kind' | 'bytes'>;

/**
 * The blobs of one file being written, in order: it numbers them, and remembers each one's
 * SHA-256 so that the same bytes are written once. Like the exchange encoder, it is ahead of
 * the file once it placed a blob that was not written: a writer that fails stays failed.
 */
export class BlobWriter {
  #count = 0;
  readonly #byHash = new Map<string, number>();

  /** `exchange` as it is encoded (big bodies as references) and the blob records to write before it. */
  place(exchange: Exchange): { encoded: Exchange; records: Buffer[] } {
    const records: Buffer[] = [];
    const request = this.#body(exchange.request.body, records);
    const response = this.#body(exchange.response.body, records);
    if (request === exchange.request.body && response === exchange.response.body) return { encoded: exchange, records };
    const encoded = {
      ...exchange,
      request: { ...exchange.request, body: request as Body },
      response: { ...exchange.response, body: response as Body },
    };
    return { encoded, records };
  }

  #body(body: Body, records: Buffer[]): Body | BlobRef {
    if (body.kind !== 'bytes' || body.bytes.length < BLOB_MIN_BYTES) return body;
    const hash = createHash('sha256').update(body.bytes).digest('base64');
    let index = this.#byHash.get(hash);
    if (index === undefined) {
      index = this.#count++;
      this.#byHash.set(hash, index);
      records.push(...blobRecord(body.bytes));
    }
    const { bytes: _bytes, ...rest } = body;
    return { ...rest, blob: index };
  }
}

/**
 * Replaces blob references in a decoded exchange with the blobs' bytes, in place (the value
 * is fresh from the decoder). Returns a reason when a reference names no blob before it.
 */
export function resolveBlobs(value: unknown, blobs: readonly Buffer[]): string | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const side of ['request', 'response'] as const) {
    const message = (value as Record<string, unknown>)[side];
    if (typeof message !== 'object' || message === null) continue;
    const body = (message as Record<string, unknown>).body as Record<string, unknown> | undefined;
    if (typeof body !== 'object' || body === null || body.kind !== 'bytes' || !('blob' in body)) continue;
    const index = body.blob;
    const bytes = typeof index === 'number' && Number.isInteger(index) ? blobs[index] : undefined;
    if (bytes === undefined) return `/${side}/body/blob names blob ${String(index)}, but ${blobs.length} blob records precede it`;
    delete body.blob;
    body.bytes = bytes;
  }
  return null;
}
