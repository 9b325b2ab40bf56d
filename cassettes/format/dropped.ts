/**
 * How many exchange records recovery cuts: from the first bad record to the end of the
 * file, walking the framing alone (records after a corrupt one may be intact, but with
 * sequential msgpack they may depend on the lost one, so they go too). When the file
 * still ends with an intact end record, its count gives the exact number.
 */
import { blobOf } from './blobs.js';
import { endRecordCount, readRecordAt, RECORD_PREFIX_BYTES } from './codec.js';

export interface Dropped {
  /** Exchange records from `offset` on, the bad one included (a partial one counts). */
  exchanges: number;
}

/** Null when nothing at all follows `offset` (the file was cut at a record boundary: unknown). */
export function droppedRecords(buffer: Buffer, offset: number, kept: number): Dropped | null {
  if (offset >= buffer.length) return null;
  let records = 0;
  let at = offset;
  let lastEnd: number | null = null;
  while (at < buffer.length) {
    records++;
    lastEnd = null;
    if (buffer.length - at < RECORD_PREFIX_BYTES) break;
    const length = buffer.readUInt32LE(at);
    if (length === 0 || length > buffer.length - at - RECORD_PREFIX_BYTES) break;
    const record = readRecordAt(buffer, at);
    // A blob record (format 4) holds a body, not an exchange: not counted.
    if (record.ok && blobOf(record.payload) !== null) records--;
    else if (record.ok) lastEnd = endRecordCount(record.payload);
    at += RECORD_PREFIX_BYTES + length;
  }
  if (lastEnd !== null && at === buffer.length && lastEnd >= kept) return { exchanges: lastEnd - kept };
  return { exchanges: lastEnd !== null && at === buffer.length ? records - 1 : records };
}
