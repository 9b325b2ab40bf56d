/**
 * Bytes <-> records. A cassette (and its journal) is the magic bytes followed by records,
 * each `u32 LE payload length | u32 LE crc32 of the payload | msgpack payload`. Record 0
 * is the header, every later record one exchange. The framing lets a reader name the byte
 * offset of a bad record and lets recovery keep the valid prefix of a half-written file.
 */
import { Packr, Unpackr } from 'msgpackr';
import { crc32 } from 'node:zlib';
import type { Exchange } from '../../core/exchange.js';
import { BlobWriter } from './blobs.js';
import { CASSETTE_FORMAT, CASSETTE_MAGIC, type CassetteHeader } from './format.js';

export const RECORD_PREFIX_BYTES = 8;

/** Frames one payload. Always copies: msgpackr hands out views of a buffer it reuses. */
export function frameRecord(payload: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(RECORD_PREFIX_BYTES + payload.length);
  record.writeUInt32LE(payload.length, 0);
  record.writeUInt32LE(crc32(payload), 4);
  record.set(payload, RECORD_PREFIX_BYTES);
  return record;
}

export type RecordAt = { ok: true; payload: Buffer; next: number } | { ok: false; kind: 'truncated' | 'corrupt'; detail: string };

/** Reads the record starting at `offset` in place (the payload is a view of `buffer`). */
export function readRecordAt(buffer: Buffer, offset: number): RecordAt {
  const left = buffer.length - offset;
  if (left < RECORD_PREFIX_BYTES) {
    return { ok: false, kind: 'truncated', detail: `${left} bytes left, a record prefix needs ${RECORD_PREFIX_BYTES}` };
  }
  const length = buffer.readUInt32LE(offset);
  if (length === 0) return { ok: false, kind: 'corrupt', detail: 'zero-length record' };
  if (length > left - RECORD_PREFIX_BYTES) {
    return {
      ok: false,
      kind: 'truncated',
      detail: `the record claims ${length} payload bytes, ${left - RECORD_PREFIX_BYTES} are left`,
    };
  }
  const start = offset + RECORD_PREFIX_BYTES;
  const payload = buffer.subarray(start, start + length);
  if (crc32(payload) !== buffer.readUInt32LE(offset + 4)) return { ok: false, kind: 'corrupt', detail: 'bad checksum' };
  return { ok: true, payload, next: start + length };
}

/**
 * The header is plain msgpack maps (no msgpackr extensions), so that every tapegate, now
 * and later, can read `format` and `formatVersion` of any cassette and refuse by name.
 */
const headerPackr = new Packr({ useRecords: false, useToJSON: false });
const headerUnpackr = new Unpackr({ useRecords: false, mapsAsObjects: true });

/** Magic bytes plus the framed header record: how every cassette and journal begins. */
export function encodePreamble(header: CassetteHeader): Buffer {
  // Through JSON: optional fields set to undefined are left out instead of becoming a
  // msgpackr-only `undefined` extension in what must stay plain msgpack.
  const plain: unknown = JSON.parse(JSON.stringify(header));
  return Buffer.concat([CASSETTE_MAGIC, frameRecord(headerPackr.pack(plain))]);
}

export function decodeHeaderPayload(payload: Buffer): unknown {
  return headerUnpackr.unpack(payload);
}

/**
 * The end record closes a finished cassette (format 2 on): the plain msgpack map
 * `{"end": "tapegate-cassette", "exchanges": N}`, N as a uint32, always these 38 bytes, so
 * a reader knows it by its bytes without decoding (it never reaches the sequential
 * decoder) and any msgpack tool reads it. Without it a cassette cut exactly after a record
 * looked whole; N also catches a record taken out of the middle.
 */
const END_PREFIX = Buffer.concat([
  Buffer.from([0x82, 0xa0 | 3]),
  Buffer.from('end'),
  Buffer.from([0xa0 | CASSETTE_FORMAT.length]),
  Buffer.from(CASSETTE_FORMAT),
  Buffer.from([0xa0 | 9]),
  Buffer.from('exchanges'),
  Buffer.from([0xce]),
]);
export const END_PAYLOAD_BYTES = END_PREFIX.length + 4;

/** The framed end record of a cassette holding `count` exchanges. */
export function encodeEndRecord(count: number): Buffer {
  if (!Number.isInteger(count) || count < 0 || count > 0xffff_ffff) throw new RangeError(`an end record counts 0 to 2^32-1 exchanges, not ${count}`);
  const payload = Buffer.alloc(END_PAYLOAD_BYTES);
  END_PREFIX.copy(payload);
  payload.writeUInt32BE(count, END_PREFIX.length);
  return frameRecord(payload);
}

/** The exchange count of an end record's payload, or null when the payload is not one. */
export function endRecordCount(payload: Uint8Array): number | null {
  if (payload.length !== END_PAYLOAD_BYTES) return null;
  const view = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  if (!view.subarray(0, END_PREFIX.length).equals(END_PREFIX)) return null;
  return view.readUInt32BE(END_PREFIX.length);
}

/**
 * Exchange records use msgpackr's record extension in sequential mode: an object shape
 * (`{seq, operation, request, response, timing}`, a headers map, a JSON body's keys) is
 * defined inline the first time it appears in a file and referred to by a one-byte id
 * afterwards. The definitions live in the file itself, so a fresh process decodes it
 * with no shared state, but only in order from the first exchange record: each file
 * needs its own encoder and decoder (one per writer, one per read). Measured against
 * plain maps this makes files ~40% smaller and opening ~2x faster (bench/cassette-open.ts).
 * The price: after a record that was encoded but not written, later records of the same
 * encoder are not decodable, so a writer that fails once stays failed.
 */
function exchangeOptions() {
  // A fresh object each time: msgpackr's constructors store state (`structures`) on the options.
  return { sequential: true, useRecords: true, mapsAsObjects: true, useToJSON: false };
}

/** The framed records of one exchange: its large bodies' blob records (blobs.ts), then the exchange's own. */
export type ExchangeEncoder = (exchange: Exchange) => Buffer[];
export type ExchangeDecoder = (payload: Buffer) => unknown;

/** A framed-record encoder for the exchanges of one file, in file order. */
export function createExchangeEncoder(): ExchangeEncoder {
  const packr = new Packr(exchangeOptions());
  const blobs = new BlobWriter();
  return (exchange) => {
    const { encoded, records } = blobs.place(exchange);
    records.push(frameRecord(packr.pack(encoded)));
    return records;
  };
}

/** A payload decoder for the exchanges of one file, fed in file order. */
export function createExchangeDecoder(): ExchangeDecoder {
  const unpackr = new Unpackr(exchangeOptions());
  return (payload): unknown => unpackr.unpack(payload);
}
