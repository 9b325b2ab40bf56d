import { access, copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TapegateError } from '../../core/errors.js';
import type { Exchange } from '../../core/exchange.js';
import { encodeEndRecord } from './codec.js';
import { CASSETTE_MAGIC, journalPathFor } from './format.js';
import { sampleExchange, sampleHeader } from '../../test/support/samples/cassette-samples.js';
import { openJournal } from './journal.js';
import { recoverCassette } from './recover.js';
import { readCassette, writeCassette } from './store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapegate-recover-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

/** A small exchange, so that cutting a record at each of its bytes stays quick. */
function tinyExchange(seq: number): Exchange {
  return {
    seq,
    operation: null,
    request: { method: 'GET', path: '/', query: {}, headers: {}, body: { kind: 'empty' } },
    response: { status: 204, headers: {}, body: { kind: 'bytes', bytes: Buffer.from([seq]) } },
    timing: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: seq },
  };
}

/** What the recorder appends: realistic exchanges, then a tiny one. */
function recorded(count: number): Exchange[] {
  return Array.from({ length: count }, (_, seq) => (seq === count - 1 ? tinyExchange(seq) : sampleExchange(seq)));
}

/** The bytes of a journal as a recorder that died after `count` appends left it. */
async function crashedJournalBytes(count: number): Promise<Buffer> {
  const file = join(dir, 'crashed.cassette');
  const writer = await openJournal(file, sampleHeader());
  for (const exchange of recorded(count)) await writer.append(exchange);
  const bytes = await readFile(writer.journalFile);
  await writer.abort();
  return bytes;
}

/** Offset where each record starts, and the file length. */
function recordStarts(bytes: Buffer): number[] {
  const starts: number[] = [];
  for (let offset = CASSETTE_MAGIC.length; offset < bytes.length; offset += 8 + bytes.readUInt32LE(offset)) starts.push(offset);
  return starts;
}

describe('recovery', () => {
  it('recovers every complete record and invents none, wherever the last record was cut', async () => {
    const bytes = await crashedJournalBytes(4);
    const starts = recordStarts(bytes);
    const lastStart = starts[starts.length - 1]!;
    const file = join(dir, 'x.cassette');
    for (let cut = lastStart; cut <= bytes.length; cut++) {
      await rm(file, { force: true });
      await writeFile(journalPathFor(file), bytes.subarray(0, cut));
      const loaded = await readCassette(file);
      const complete = cut === bytes.length ? 4 : 3;
      expect(loaded.exchanges).toEqual(recorded(4).slice(0, complete));
      // A journal cut between records is a recording that stopped there: nothing to drop.
      const torn = cut > lastStart && cut < bytes.length;
      expect(loaded.recovered).toMatchObject({
        from: 'journal',
        kept: complete,
        droppedBytes: torn ? cut - lastStart : 0,
        droppedExchanges: torn ? 1 : 0,
        backup: torn ? (expect.stringMatching(/x\.cassette\.journal\.bak(\.\d+)?$/) as string) : null,
        // A half-written last append was never answered: not a loss.
        lost: false,
      });
      expect(await exists(journalPathFor(file))).toBe(false);
      // What recovery left behind reads on its own, with nothing to repair.
      expect(await recoverCassette(file)).toEqual({ from: 'none', kept: complete, droppedBytes: 0, droppedExchanges: 0, problem: null, backup: null, lost: false });
    }
  });

  it('keeps exactly the records before a cut anywhere in a record prefix', async () => {
    const bytes = await crashedJournalBytes(4);
    const starts = recordStarts(bytes);
    const file = join(dir, 'x.cassette');
    // Record 0 is the header; a cut inside it is covered by 'refuses a journal that is not one'.
    for (let record = 1; record < starts.length; record++) {
      for (const cut of [starts[record]!, starts[record]! + 1, starts[record]! + 7, starts[record]! + 9]) {
        await rm(file, { force: true });
        await writeFile(journalPathFor(file), bytes.subarray(0, cut));
        expect((await readCassette(file)).exchanges).toEqual(recorded(4).slice(0, record - 1));
      }
    }
  });

  it('prefers the journal over an older cassette, through recoverCassette too', async () => {
    const file = join(dir, 'x.cassette');
    await writeCassette(file, sampleHeader(), [sampleExchange(0)]);
    const bytes = await crashedJournalBytes(3);
    await writeFile(journalPathFor(file), bytes.subarray(0, bytes.length - 1));
    const lastStart = recordStarts(bytes)[3]!;
    expect(await recoverCassette(file)).toMatchObject({ from: 'journal', kept: 2, droppedBytes: bytes.length - 1 - lastStart, lost: false });
    expect((await readCassette(file)).exchanges).toEqual([sampleExchange(0), sampleExchange(1)]);
  });

  it('cuts a corrupt cassette after its intact prefix, atomically, and says what it dropped', async () => {
    const file = join(dir, 'x.cassette');
    await writeCassette(
      file,
      sampleHeader(),
      Array.from({ length: 10 }, (_, seq) => sampleExchange(seq)),
    );
    const bytes = await readFile(file);
    const bad = recordStarts(bytes)[7]!;
    bytes[bad + 12] = bytes[bad + 12]! ^ 0x55;
    await writeFile(file, bytes);
    await expect(readCassette(file)).rejects.toThrow(`corrupt record at byte ${bad} (bad checksum); 6 exchanges before it are intact`);
    expect(await recoverCassette(file)).toEqual({
      from: 'cassette',
      kept: 6,
      droppedBytes: bytes.length - bad,
      // Exchanges 6 to 9: the end record that survived at the end counts 10.
      droppedExchanges: 4,
      problem: { offset: bad, kind: 'corrupt', detail: 'bad checksum' },
      backup: `${file}.bak`,
      lost: true,
    });
    expect((await readCassette(file)).exchanges).toEqual(Array.from({ length: 6 }, (_, seq) => sampleExchange(seq)));
    expect((await readFile(file)).equals(Buffer.concat([bytes.subarray(0, bad), encodeEndRecord(6)]))).toBe(true);
    expect((await readFile(`${file}.bak`)).equals(bytes)).toBe(true);
  });

  it('leaves an intact cassette alone', async () => {
    const file = join(dir, 'x.cassette');
    await writeCassette(file, sampleHeader(), [sampleExchange(0)]);
    const before = await readFile(file);
    expect(await recoverCassette(file)).toEqual({ from: 'none', kept: 1, droppedBytes: 0, droppedExchanges: 0, problem: null, backup: null, lost: false });
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it('refuses what it cannot understand and changes nothing', async () => {
    const random = join(dir, 'random.cassette');
    await writeFile(random, 'definitely not a cassette');
    const error = await recoverCassette(random).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TapegateError);
    expect((error as Error).message).toBe(`Failed to recover cassette "${random}": not a tapegate cassette (it does not start with the cassette signature); nothing was changed`);
    expect(await readFile(random, 'utf8')).toBe('definitely not a cassette');

    const missing = join(dir, 'missing.cassette');
    await expect(recoverCassette(missing)).rejects.toThrow(`Failed to recover cassette "${missing}": no such file (and no journal beside it)`);
  });

  it('refuses a journal that is not one, keeping it and the cassette', async () => {
    const file = join(dir, 'x.cassette');
    await writeCassette(file, sampleHeader(), [sampleExchange(0)]);
    const journal = journalPathFor(file);
    await writeFile(journal, 'garbage');
    await expect(readCassette(file)).rejects.toThrow(
      `Failed to recover journal "${journal}": not a tapegate cassette (it does not start with the cassette signature); move it away to use "${file}"`,
    );
    expect(await readFile(journal, 'utf8')).toBe('garbage');
    expect((await readCassette(file, { recoverJournal: false })).exchanges).toHaveLength(1);
  });

  it('recovers the journal of a recorder that is abandoned mid-way (no finish, no abort)', async () => {
    const file = join(dir, 'x.cassette');
    const writer = await openJournal(file, sampleHeader());
    await writer.append(sampleExchange(0));
    await writer.append(sampleExchange(1));
    // Simulate the process dying: copy the journal as it stands to another cassette's journal.
    const other = join(dir, 'y.cassette');
    await copyFile(writer.journalFile, journalPathFor(other));
    await writer.abort();
    expect((await readCassette(other)).exchanges).toEqual([sampleExchange(0), sampleExchange(1)]);
  });
});
