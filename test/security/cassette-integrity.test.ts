/**
 * Issue 10, item 10 (integrity): a cassette cut exactly at a record boundary could not be
 * told from a whole one (cut to its header, it replayed as a valid empty cassette), and
 * `cassette recover` on one flipped bit rewrote the cassette to nothing, with no backup and
 * exit 0. Format 2 closes every finished cassette with an end record counting its
 * exchanges; recovery keeps a backup, says what it dropped from where, and exits 1 when
 * recorded exchanges were lost.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASSETTE_FORMAT_VERSION, CASSETTE_MAGIC } from '../../cassettes/format/format.js';
import { readCassette, writeCassette } from '../../cassettes/format/store.js';
import { TapegateError } from '../../core/errors.js';
import { startProxy } from '../../index.js';
import { assertBuilt, Cleanups, randomCredentials } from '../record-fixtures.js';
import { seedExchanges, V1_IR_PATH } from '../replay-fixtures.js';
import { PROJECT_ROOT, runCli } from '../support/cli.js';
import { sampleHeader } from '../support/samples/cassette-samples.js';
import { send, SIGNED } from './support/http.js';
import { startRawUpstream } from './support/upstream.js';

const cleanups = new Cleanups();
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapegate-integrity-'));
  cleanups.add(() => rm(dir, { recursive: true, force: true }));
});
afterEach(() => cleanups.run());

function recordStarts(bytes: Buffer): number[] {
  const starts: number[] = [];
  for (let at = CASSETTE_MAGIC.length; at < bytes.length; at += 8 + bytes.readUInt32LE(at)) starts.push(at);
  return starts;
}

async function seedCassette(name: string, count = 3): Promise<{ file: string; bytes: Buffer }> {
  const file = join(dir, name);
  await writeCassette(file, sampleHeader(), seedExchanges().slice(0, count));
  return { file, bytes: await readFile(file) };
}

async function refused(start: Promise<unknown>): Promise<string> {
  const error = await start.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TapegateError);
  return (error as Error).message;
}

describe('truncation', () => {
  it('a cassette cut at any byte is refused, never read as a shorter one', async () => {
    const { file, bytes } = await seedCassette('cut.cassette');
    const cutFile = join(dir, 'cut-copy.cassette');
    for (let cut = 0; cut < bytes.length; cut++) {
      await writeFile(cutFile, bytes.subarray(0, cut));
      const message = await refused(readCassette(cutFile, { recoverJournal: false }));
      expect(message, `cut at ${cut}`).toMatch(/^Failed to read cassette ".*cut-copy\.cassette": /);
    }
    expect((await readCassette(file)).exchanges).toHaveLength(3);
  });

  it('cut to its header, the proxy refuses it instead of replaying an empty cassette; the whole one is served', async () => {
    const { file, bytes } = await seedCassette('header-only.cassette');
    const headerOnly = join(dir, 'cut.cassette');
    await writeFile(headerOnly, bytes.subarray(0, recordStarts(bytes)[1]));
    const message = await refused(startProxy({ mode: 'replay', cassette: headerOnly, log: false }));
    expect(message).toContain('the cassette ends without its end record');
    expect(message).toContain('0 exchanges before it are intact');

    const proxy = await startProxy({ mode: 'replay', cassette: file, log: false });
    cleanups.add(() => proxy.close());
    expect((await send(proxy.url, { path: V1_IR_PATH, headers: SIGNED })).status).toBe(200);
  });

  it('a whole record taken out of the middle is refused', async () => {
    const { bytes } = await seedCassette('gap.cassette', 3);
    const starts = recordStarts(bytes);
    const gap = join(dir, 'gap-cut.cassette');
    await writeFile(gap, Buffer.concat([bytes.subarray(0, starts[2]), bytes.subarray(starts[3])]));
    expect(await refused(readCassette(gap))).toMatch(/corrupt record at byte \d+/);
  });
});

describe('older cassettes', () => {
  it('the bundled format-1 example still replays, and auto mode writes it back in the current format with its end record', async () => {
    const example = join(PROJECT_ROOT, 'cassettes/examples/seed-scenario.cassette');
    const v1 = await readCassette(example, { recoverJournal: false });
    expect(v1.header.formatVersion).toBe(1);
    const copy = join(dir, 'v1.cassette');
    copyFileSync(example, copy);
    const upstream = await startRawUpstream();
    cleanups.add(() => upstream.close());
    const proxy = await startProxy({ mode: 'auto', cassette: copy, upstream: upstream.url, credentials: randomCredentials(), log: false });
    await proxy.close();
    const v2 = await readCassette(copy);
    expect(v2.header.formatVersion).toBe(CASSETTE_FORMAT_VERSION);
    expect(v2.exchanges).toEqual(v1.exchanges);
    const bytes = readFileSync(copy);
    expect(bytes.subarray(bytes.length - 46 + 8, bytes.length - 4).toString('latin1')).toContain('tapegate-cassette');
  });
});

describe('cassette recover', () => {
  it('one flipped bit in exchange 0: keeps a backup, says what it dropped from where, exits 1', async () => {
    assertBuilt(['cassettes/format/recover.ts', 'harness/commands/cassette/recover.ts']);
    const { file, bytes } = await seedCassette('flip.cassette', 3);
    const first = recordStarts(bytes)[1]!;
    bytes[first + 8 + 5]! ^= 0x01;
    writeFileSync(file, bytes);

    const result = runCli(['cassette', 'recover', 'flip.cassette'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      `kept 0 exchanges; dropped 3 exchange records (${bytes.length - first} bytes) from byte ${first}: corrupt record (bad checksum); ` +
        'the damaged file is kept as flip.cassette.bak\n',
    );
    expect(readFileSync(`${file}.bak`).equals(bytes)).toBe(true);
    // The repaired cassette is whole (with its end record), and empty.
    expect((await readCassette(file)).exchanges).toEqual([]);
    // A second run finds nothing to do, and the backup is never overwritten.
    expect(runCli(['cassette', 'recover', 'flip.cassette'], { cwd: dir })).toMatchObject({ status: 0, stdout: 'nothing to recover: the cassette is intact (0 exchanges)\n' });
    expect(readFileSync(`${file}.bak`).equals(bytes)).toBe(true);
  });

  it('a cassette cut at a record boundary: says the end record is missing, keeps a backup, exits 1', async () => {
    const { file, bytes } = await seedCassette('boundary.cassette', 3);
    const cut = bytes.subarray(0, recordStarts(bytes)[3]);
    writeFileSync(file, cut);
    const result = runCli(['cassette', 'recover', 'boundary.cassette'], { cwd: dir });
    expect(result).toMatchObject({
      status: 1,
      stdout: 'kept 2 exchanges; the file ended without its end record, so exchanges after it may be missing; the damaged file is kept as boundary.cassette.bak\n',
    });
    expect(readFileSync(`${file}.bak`).equals(cut)).toBe(true);
    expect((await readCassette(file)).exchanges).toHaveLength(2);
    // A second damage gets a second backup.
    writeFileSync(file, readFileSync(file).subarray(0, -1));
    expect(runCli(['cassette', 'recover', 'boundary.cassette'], { cwd: dir }).stdout).toContain('kept as boundary.cassette.bak.2');
  });

  it('--help states the exit statuses and the backup', () => {
    const help = runCli(['cassette', 'recover', '--help']);
    expect(help.status).toBe(0);
    // yargs wraps the epilogue to the terminal, even inside words: compare without spacing.
    const text = help.stdout.replace(/\s+/g, '');
    expect(text).toContain('Exitstatus:0whennothingrecordedwaslost');
    expect(text).toContain('1whenexchangesweredropped');
    expect(text).toContain('FILE.bak');
  });
});
