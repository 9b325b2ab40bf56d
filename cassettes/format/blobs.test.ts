/**
 * Blob records: large byte bodies written beside their exchange, the same bytes once per
 * file, read back byte for byte; a journal cut between a blob and its exchange recovers to
 * the exchanges before it; a format 3 cassette with a large inline body still reads.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Packr } from 'msgpackr';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Body, Exchange } from '../../core/exchange.js';
import { BLOB_MIN_BYTES } from './blobs.js';
import { encodeEndRecord, encodePreamble, frameRecord } from './codec.js';
import { CASSETTE_FORMAT_VERSION, createHeader, journalPathFor } from './format.js';
import { openJournal } from './journal.js';
import { readCassette, writeCassette } from './store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapegate-blobs-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const header = () => createHeader({ toolVersion: '0.1.0', services: [] });
const bytes = (data: Buffer): Body => ({ kind: 'bytes', bytes: data });

function exchange(seq: number, request: Body, response: Body): Exchange {
  return {
    seq,
    operation: null,
    service: 's3',
    request: { method: request.kind === 'empty' ? 'GET' : 'PUT', path: '/bucket/object.bin', query: {}, headers: {}, body: request },
    response: { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: response },
    timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
  };
}

describe('blob records', () => {
  it('hold each large body once per file and read back byte for byte', async () => {
    const object = randomBytes(BLOB_MIN_BYTES * 3);
    const other = Buffer.concat([Buffer.alloc(BLOB_MIN_BYTES), Buffer.from([1])]);
    const small = randomBytes(100);
    const exchanges = [exchange(0, bytes(object), { kind: 'empty' }), exchange(1, { kind: 'empty' }, bytes(Buffer.from(object))), exchange(2, bytes(small), bytes(other))];
    const file = join(dir, 'objects.cassette');
    await writeCassette(file, header(), exchanges);
    // The object once, the other body once, and a little for headers and records.
    const size = (await stat(file)).size;
    expect(size).toBeGreaterThan(object.length + other.length);
    expect(size).toBeLessThan(object.length + other.length + 4096);

    const read = await readCassette(file);
    expect(read.header.formatVersion).toBe(CASSETTE_FORMAT_VERSION);
    const bodyOf = (body: Body) => (body.kind === 'bytes' ? Buffer.from(body.bytes) : null);
    expect(bodyOf(read.exchanges[0]!.request.body)?.equals(object)).toBe(true);
    expect(bodyOf(read.exchanges[1]!.response.body)?.equals(object)).toBe(true);
    expect(bodyOf(read.exchanges[2]!.request.body)?.equals(small)).toBe(true);
    expect(bodyOf(read.exchanges[2]!.response.body)?.equals(other)).toBe(true);
    expect(read.exchanges[1]!.request.body).toEqual({ kind: 'empty' });
  });

  it('cut between a blob and its exchange in a journal: the exchanges before it are kept, the blob is dropped', async () => {
    const file = join(dir, 'cut.cassette');
    const writer = await openJournal(file, header());
    await writer.append(exchange(0, bytes(randomBytes(10)), { kind: 'empty' }));
    const before = (await stat(journalPathFor(file))).size;
    await writer.append(exchange(1, { kind: 'empty' }, bytes(randomBytes(BLOB_MIN_BYTES))));
    const after = (await stat(journalPathFor(file))).size;
    // The blob record is the first BLOB_MIN_BYTES + 13 bytes of the second append: keep it, cut the exchange record.
    await truncate(journalPathFor(file), before + BLOB_MIN_BYTES + 13);
    expect(after).toBeGreaterThan(before + BLOB_MIN_BYTES + 13);

    const read = await readCassette(file);
    expect(read.exchanges.map((e) => e.seq)).toEqual([0]);
    expect(read.recovered).toMatchObject({ from: 'journal', kept: 1, lost: false, droppedBytes: BLOB_MIN_BYTES + 13 });
    expect(read.recovered?.problem?.kind).toBe('truncated');
    // Recovered and closed: it reads again as a whole cassette.
    expect((await readCassette(file)).exchanges).toHaveLength(1);
  });

  it('a reference to a blob that is not there is a corrupt record, not a crash', async () => {
    const file = join(dir, 'dangling.cassette');
    await writeCassette(file, header(), [exchange(0, bytes(randomBytes(BLOB_MIN_BYTES)), { kind: 'empty' })]);
    const whole = await readFile(file);
    // Drop the blob record (right after the preamble): the exchange names blob 0, which no longer precedes it.
    const preamble = encodePreamble(header()).length;
    const blobRecord = 8 + 5 + BLOB_MIN_BYTES;
    await writeFile(file, Buffer.concat([whole.subarray(0, preamble), whole.subarray(preamble + blobRecord)]));
    await expect(readCassette(file)).rejects.toThrow(/corrupt record at byte \d+ \(not an exchange: \/request\/body\/blob names blob 0, but 0 blob records precede it\)/);
  });

  it('a format 3 cassette with a large body inline still reads', async () => {
    const object = randomBytes(BLOB_MIN_BYTES * 2);
    const packr = new Packr({ sequential: true, useRecords: true, mapsAsObjects: true, useToJSON: false });
    const file = join(dir, 'v3.cassette');
    const v3 = { ...header(), formatVersion: 3 };
    await writeFile(file, Buffer.concat([encodePreamble(v3), frameRecord(packr.pack(exchange(0, bytes(object), { kind: 'empty' }))), encodeEndRecord(1)]));
    const read = await readCassette(file);
    expect(read.header.formatVersion).toBe(3);
    const body = read.exchanges[0]!.request.body;
    expect(body.kind === 'bytes' && Buffer.from(body.bytes).equals(object)).toBe(true);
  });
});
