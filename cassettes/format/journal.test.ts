import { access, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TapegateError } from '../../core/errors.js';
import type { Exchange } from '../../core/exchange.js';
import { journalPathFor } from './format.js';
import { sampleExchange, sampleHeader } from '../../test/support/samples/cassette-samples.js';
import { openJournal } from './journal.js';
import { readCassette, writeCassette } from './store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapegate-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

describe('openJournal', () => {
  it('appends beside the cassette and finishes by renaming the journal over it', async () => {
    const file = join(dir, 'rec.cassette');
    const writer = await openJournal(file, sampleHeader());
    expect(writer.journalFile).toBe(journalPathFor(file));
    expect(await exists(writer.journalFile)).toBe(true);
    expect(await exists(file)).toBe(false);
    for (let seq = 0; seq < 5; seq++) await writer.append(sampleExchange(seq));
    expect(writer.count).toBe(5);
    // Before finishing, the journal holds every exchange; read as a cassette it lacks only the
    // end record that finish() writes (a cassette without one was cut short).
    await expect(readCassette(writer.journalFile, { recoverJournal: false })).rejects.toThrow(/ends without its end record.*; 5 exchanges before it are intact/);
    await writer.finish();
    expect(await exists(writer.journalFile)).toBe(false);
    const loaded = await readCassette(file);
    expect(loaded.exchanges).toEqual([0, 1, 2, 3, 4].map(sampleExchange));
    expect(loaded.recovered).toBeNull();
    expect((await readdir(dir)).sort()).toEqual(['rec.cassette']);
  });

  it('starts from the existing exchanges and replaces the old cassette only on finish', async () => {
    const file = join(dir, 'auto.cassette');
    await writeCassette(file, sampleHeader(), [sampleExchange(0), sampleExchange(1)]);
    const { header, exchanges } = await readCassette(file);
    const writer = await openJournal(file, header, exchanges);
    expect(writer.count).toBe(2);
    await writer.append(sampleExchange(2));
    expect((await readCassette(file, { recoverJournal: false })).exchanges).toHaveLength(2);
    await writer.finish();
    expect((await readCassette(file)).exchanges).toEqual([0, 1, 2].map(sampleExchange));
  });

  it('lands parallel appends whole and in call order', async () => {
    const file = join(dir, 'parallel.cassette');
    const writer = await openJournal(file, sampleHeader());
    const exchanges = Array.from({ length: 60 }, (_, seq) => sampleExchange(seq));
    await Promise.all(exchanges.map((exchange) => writer.append(exchange)));
    expect(writer.count).toBe(60);
    await writer.finish();
    expect((await readCassette(file)).exchanges.map((exchange) => exchange.seq)).toEqual(exchanges.map((exchange) => exchange.seq));
  });

  it('captures an exchange when append is called, not when it is written', async () => {
    const file = join(dir, 'capture.cassette');
    const writer = await openJournal(file, sampleHeader());
    const exchange = sampleExchange(0);
    const pending = writer.append(exchange);
    (exchange as { operation: string | null }).operation = 'changed.Afterwards';
    await pending;
    await writer.finish();
    expect((await readCassette(file)).exchanges[0]?.operation).toBe(sampleExchange(0).operation);
  });

  it('rejects an invalid exchange and keeps recording the valid ones', async () => {
    const file = join(dir, 'invalid.cassette');
    const writer = await openJournal(file, sampleHeader());
    await writer.append(sampleExchange(0));
    const bad = { ...sampleExchange(1), request: { ...sampleExchange(1).request, body: { kind: 'bytes', bytes: 'not bytes' } } };
    await expect(writer.append(bad as unknown as Exchange)).rejects.toThrow(
      `Failed to append to journal "${journalPathFor(file)}": exchange 1 is invalid: /request/body/bytes must be binary data`,
    );
    await writer.append(sampleExchange(1));
    await writer.finish();
    expect((await readCassette(file)).exchanges.map((exchange) => exchange.seq)).toEqual([0, 1]);
  });

  it('refuses a second recorder of the same cassette', async () => {
    const file = join(dir, 'twice.cassette');
    const first = await openJournal(file, sampleHeader());
    const error = await openJournal(file, sampleHeader()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TapegateError);
    expect((error as Error).message).toMatch(/^Failed to open journal ".*twice\.cassette\.journal": it already exists\. Another tapegate is recording/);
    await first.append(sampleExchange(0));
    await first.finish();
    expect((await readCassette(file)).exchanges).toHaveLength(1);
    expect((await readdir(dir)).sort()).toEqual(['twice.cassette']);
  });

  it('aborts by deleting the journal and leaving the cassette as it was', async () => {
    const file = join(dir, 'abort.cassette');
    await writeCassette(file, sampleHeader(), [sampleExchange(0)]);
    const before = await readFile(file);
    const writer = await openJournal(file, sampleHeader(), []);
    await writer.append(sampleExchange(5));
    await writer.abort();
    expect(await exists(writer.journalFile)).toBe(false);
    expect((await readFile(file)).equals(before)).toBe(true);
    await expect(writer.append(sampleExchange(6))).rejects.toThrow('the journal is aborted');
  });

  it('refuses appends and a second finish after finishing', async () => {
    const file = join(dir, 'done.cassette');
    const writer = await openJournal(file, sampleHeader());
    const finishing = writer.finish();
    await expect(writer.append(sampleExchange(0))).rejects.toThrow('the journal is being closed');
    await finishing;
    await expect(writer.append(sampleExchange(0))).rejects.toThrow('the journal is finished');
    await expect(writer.finish()).rejects.toThrow('the journal is finished');
    expect((await readCassette(file)).exchanges).toEqual([]);
  });
});

describe('a reader recovering the journal of a live recorder', () => {
  it('does not lose the recording: later appends land in the cassette and finish succeeds', async () => {
    const file = join(dir, 'live.cassette');
    const writer = await openJournal(file, sampleHeader());
    await writer.append(sampleExchange(0));
    const seen = await readCassette(file);
    expect(seen.recovered).toMatchObject({ from: 'journal', kept: 1, droppedBytes: 0, lost: false, backup: null });
    await writer.append(sampleExchange(1));
    await writer.finish();
    expect((await readCassette(file)).exchanges).toEqual([sampleExchange(0), sampleExchange(1)]);
  });
});
