/**
 * Decodes a whole cassette (or journal) held in one buffer, records in place, in one pass.
 * It never throws for bad content: it says whether the file is usable at all and, if so,
 * where the intact prefix ends. The store turns that into errors, recovery into truncation.
 */
import { blobOf, resolveBlobs } from './blobs.js';
import { createExchangeDecoder, decodeHeaderPayload, endRecordCount, readRecordAt } from './codec.js';
import type { Exchange } from '../../core/exchange.js';
import { checkExchange, checkHeader, describeFailure } from './check.js';
import { BLOBS_SINCE, CASSETTE_FORMAT, CASSETTE_FORMAT_VERSION, CASSETTE_MAGIC, END_RECORD_SINCE, type CassetteHeader } from './format.js';

/** Where and why the intact prefix ends. */
export interface RecordProblem {
  /** Byte offset of the first bad record. */
  offset: number;
  kind: 'truncated' | 'corrupt';
  detail: string;
}

export type Decoded =
  /** Nothing to keep: not a cassette, a newer format, or a bad header. `reason` is a sentence fragment. */
  | { usable: false; reason: string }
  | {
      usable: true;
      header: CassetteHeader;
      /** The exchanges of the intact prefix. */
      exchanges: Exchange[];
      /** Byte offset where the first exchange record starts (right after the header record). */
      exchangesStart: number;
      /**
       * Byte offset where the intact prefix ends: the file length when `problem` is null,
       * else where the intact exchange records end (an end record is not part of the prefix
       * unless the whole file is intact).
       */
      end: number;
      /** True when an intact end record closes the file. */
      ended: boolean;
      problem: RecordProblem | null;
    };

/**
 * What is being read: a finished `cassette` of format 2 or later must close with its end
 * record (without it, it was cut at a record boundary); a `journal` is a recording in
 * progress and has none until `finish()` writes it.
 */
export type DecodeRole = 'cassette' | 'journal';

function startsWithMagic(buffer: Buffer): boolean {
  if (buffer.length < CASSETTE_MAGIC.length) return false;
  return CASSETTE_MAGIC.every((byte, index) => buffer[index] === byte);
}

function notACassette(buffer: Buffer): Decoded {
  if (buffer.length === 0) return { usable: false, reason: 'the file is empty, not a tapegate cassette' };
  const looksLikeJson = /^\s*\{/.test(buffer.subarray(0, 64).toString('latin1'));
  return {
    usable: false,
    reason:
      'not a tapegate cassette (it does not start with the cassette signature)' + (looksLikeJson ? '; it looks like JSON: `tapegate cassette import` reads the JSON form' : ''),
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Decodes magic and header; returns the header and where the exchanges start, or why not. */
function decodeHead(buffer: Buffer): { header: CassetteHeader; next: number } | { usable: false; reason: string } {
  if (!startsWithMagic(buffer)) return notACassette(buffer) as { usable: false; reason: string };
  const offset = CASSETTE_MAGIC.length;
  const record = readRecordAt(buffer, offset);
  if (!record.ok) return { usable: false, reason: `${record.kind} header record at byte ${offset} (${record.detail})` };
  let value: unknown;
  try {
    value = decodeHeaderPayload(record.payload);
  } catch (error) {
    return { usable: false, reason: `corrupt header record at byte ${offset} (${errorText(error)})` };
  }
  const head = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<string, unknown>>;
  if (head.format !== CASSETTE_FORMAT) {
    return { usable: false, reason: `not a tapegate cassette (the header names format ${JSON.stringify(head.format)})` };
  }
  // The version is checked before anything else in the header: a newer header may look different.
  const version = head.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > CASSETTE_FORMAT_VERSION) {
    return {
      usable: false,
      reason: `format version ${version} is newer than this tapegate understands (${CASSETTE_FORMAT_VERSION}); upgrade tapegate`,
    };
  }
  const bad = checkHeader(value);
  if (bad) return { usable: false, reason: `invalid header record: ${describeFailure(bad)}` };
  return { header: value as CassetteHeader, next: record.next };
}

export function decodeCassette(buffer: Buffer, role: DecodeRole = 'cassette'): Decoded {
  const head = decodeHead(buffer);
  if ('usable' in head) return head;
  const decode = createExchangeDecoder();
  const exchanges: Exchange[] = [];
  // Blob records (format 4 on): views into `buffer`, named by exchanges after them.
  const withBlobs = head.header.formatVersion >= BLOBS_SINCE;
  const blobs: Buffer[] = [];
  let offset = head.next;
  /** Where the last exchange (or end) record ended: blobs after it belong to no exchange yet. */
  let intactEnd = offset;
  let problem: RecordProblem | null = null;
  let ended = false;
  while (offset < buffer.length) {
    const record = readRecordAt(buffer, offset);
    if (!record.ok) {
      problem = { offset, kind: record.kind, detail: record.detail };
      break;
    }
    const blob = withBlobs ? blobOf(record.payload) : null;
    if (blob !== null) {
      blobs.push(blob);
      offset = record.next;
      continue;
    }
    const counted = endRecordCount(record.payload);
    if (counted !== null) {
      if (counted !== exchanges.length) {
        problem = { offset, kind: 'corrupt', detail: `the end record counts ${counted} exchanges, but ${exchanges.length} precede it` };
        break;
      }
      offset = intactEnd = record.next;
      // The last record: the file is whole. Not the last: a checkpoint, left when a reader
      // recovered the journal of a recording that then went on (see recover.ts).
      if (offset === buffer.length) ended = true;
      continue;
    }
    let value: unknown;
    try {
      value = decode(record.payload);
    } catch (error) {
      // msgpackr recurses once per level: a payload nested some thousands deep overflows
      // the stack here (msgpackr resets its state), and is a bad record like any other.
      const why = error instanceof RangeError ? `nested too deeply to decode (${error.message})` : errorText(error);
      problem = { offset, kind: 'corrupt', detail: `undecodable payload: ${why}` };
      break;
    }
    const unresolved = withBlobs ? resolveBlobs(value, blobs) : null;
    if (unresolved !== null) {
      problem = { offset, kind: 'corrupt', detail: `not an exchange: ${unresolved}` };
      break;
    }
    const bad = checkExchange(value, 'binary');
    if (bad) {
      problem = { offset, kind: 'corrupt', detail: `not an exchange: ${describeFailure(bad)}` };
      break;
    }
    exchanges.push(value as Exchange);
    offset = intactEnd = record.next;
  }
  if (problem === null && intactEnd < offset) {
    // Blob records with no exchange after them: an append cut short between its records.
    problem = { offset: intactEnd, kind: 'truncated', detail: 'blob records follow the last exchange without the exchange that holds them' };
  }
  if (problem === null && !ended && role === 'cassette' && head.header.formatVersion >= END_RECORD_SINCE) {
    problem = {
      offset,
      kind: 'truncated',
      detail: 'the cassette ends without its end record: it was cut after a whole record, and how many exchanges followed is unknown',
    };
  }
  // The intact prefix never ends with blobs of an exchange that is not there.
  const end = problem === null ? offset : Math.min(problem.offset, intactEnd);
  return { usable: true, header: head.header, exchanges, exchangesStart: head.next, end, ended, problem };
}
