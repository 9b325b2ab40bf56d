/**
 * Crash recovery: "keep the valid prefix". A journal left beside a cassette (the recorder
 * died before finishing) becomes the cassette, cut after its last intact record and closed
 * with an end record; a cassette that is itself truncated or corrupt is cut the same way,
 * atomically. Whatever is cut is kept first in a backup beside the file (`x.cassette.bak`,
 * `x.cassette.journal.bak`; `.bak.2`, … when taken), and the result says what was dropped
 * and from where. `tapegate cassette recover FILE` calls `recoverCassette`; `readCassette`
 * recovers a leftover journal on its own.
 */
import { constants } from 'node:fs';
import { copyFile, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { encodeEndRecord, encodePreamble } from './codec.js';
import { decodeCassette, type RecordProblem } from './decode.js';
import { droppedRecords } from './dropped.js';
import { CASSETTE_FORMAT_VERSION, journalPathFor, type Cassette } from './format.js';
import { contentError, ioError } from './store-errors.js';
import { fsyncDir, isCode, readRegularFile, writeFileAtomic, writeFully } from './store-files.js';

export interface RecoveryResult {
  /** What was repaired: a journal left by a crash, the cassette itself, or nothing (it was intact). */
  from: 'journal' | 'cassette' | 'none';
  /** Exchanges the cassette holds afterwards. */
  kept: number;
  /** Bytes cut from the end of the repaired file. */
  droppedBytes: number;
  /**
   * Exchange records cut (the bad one and every one after it), complete or not; null when
   * unknown (the file ended without its end record: it was cut at a record boundary).
   */
  droppedExchanges: number | null;
  /** Where and why the intact prefix ended; null when nothing was wrong. */
  problem: RecordProblem | null;
  /** The copy of the damaged file made before it was cut, or null when nothing was cut. */
  backup: string | null;
  /**
   * True when recorded traffic may be gone: anything cut from a finished cassette, or a
   * corrupt record in a journal. A journal's half-written last record is not a loss: the
   * recorder answers a client only after its exchange is fsynced, so nobody saw it answered.
   */
  lost: boolean;
}

/** `x.bak`, or `x.bak.2`, `x.bak.3`, … for the first name not taken; never overwrites one. */
async function backUp(file: string): Promise<string> {
  for (let n = 1; ; n++) {
    const backup = n === 1 ? `${file}.bak` : `${file}.bak.${n}`;
    try {
      await copyFile(file, backup, constants.COPYFILE_EXCL);
      return backup;
    } catch (error) {
      if (!isCode(error, 'EEXIST') || n >= 1000) throw error;
    }
  }
}

async function readIfExists(file: string, verb: string): Promise<Buffer | null> {
  try {
    return await readRegularFile(file);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw ioError(verb, file, error);
  }
}

/**
 * Turns a leftover journal into the cassette. Returns null when there is no journal, else
 * what was kept, with the decoded cassette so that a reader need not decode it again.
 * The journal is cut, closed with an end record and renamed in place, so a recorder still
 * writing it (a reader must not recover a live recording, but may) keeps writing into the
 * cassette: its end record becomes a checkpoint and its own `finish()` closes the file.
 */
export async function recoverJournal(file: string): Promise<{ result: RecoveryResult; cassette: Cassette } | null> {
  const journal = journalPathFor(file);
  const verb = 'recover journal';
  const buffer = await readIfExists(journal, verb);
  if (buffer === null) return null;
  const decoded = decodeCassette(buffer, 'journal');
  // A journal is created whole with its header (see journal.ts), so one without a usable
  // header is not ours to delete: say so and let the user move it away.
  if (!decoded.usable) throw contentError(verb, journal, `${decoded.reason}; move it away to use "${file}"`);
  const droppedBytes = buffer.length - decoded.end;
  let backup: string | null = null;
  try {
    if (droppedBytes > 0) backup = await backUp(journal);
    if (droppedBytes > 0 || !decoded.ended) {
      const handle = await open(journal, 'r+');
      try {
        await handle.truncate(decoded.end);
        if (!decoded.ended) await writeFully(handle, encodeEndRecord(decoded.exchanges.length), decoded.end);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    await rename(journal, file);
    await fsyncDir(dirname(file));
  } catch (error) {
    // Another reader recovered the same journal first: the cassette now holds what we read.
    if (!isCode(error, 'ENOENT')) throw ioError(verb, journal, error);
  }
  const dropped = decoded.problem === null ? null : droppedRecords(buffer, decoded.problem.offset, decoded.exchanges.length);
  return {
    result: {
      from: 'journal',
      kept: decoded.exchanges.length,
      droppedBytes,
      droppedExchanges: dropped === null ? 0 : dropped.exchanges,
      problem: decoded.problem,
      backup,
      lost: decoded.problem?.kind === 'corrupt',
    },
    cassette: { header: decoded.header, exchanges: decoded.exchanges },
  };
}

/**
 * Recovers `file`: its leftover journal if there is one, else the cassette itself, cut
 * after its last intact record (a backup of it kept first) and closed with an end record.
 * A version 1 cassette comes out as the current version. A file that is not a cassette at
 * all, or is a newer format, is refused and left untouched.
 */
export async function recoverCassette(file: string): Promise<RecoveryResult> {
  const fromJournal = await recoverJournal(file);
  if (fromJournal) return fromJournal.result;
  const verb = 'recover cassette';
  const buffer = await readIfExists(file, verb);
  if (buffer === null) throw contentError(verb, file, 'no such file (and no journal beside it)');
  const decoded = decodeCassette(buffer);
  if (!decoded.usable) throw contentError(verb, file, `${decoded.reason}; nothing was changed`);
  const kept = decoded.exchanges.length;
  const { problem } = decoded;
  if (problem === null) return { from: 'none', kept, droppedBytes: 0, droppedExchanges: 0, problem: null, backup: null, lost: false };
  let backup: string;
  try {
    backup = await backUp(file);
    // Exchange records do not depend on the header record, so a new header goes before them.
    await writeFileAtomic(file, [
      encodePreamble({ ...decoded.header, formatVersion: CASSETTE_FORMAT_VERSION }),
      buffer.subarray(decoded.exchangesStart, decoded.end),
      encodeEndRecord(kept),
    ]);
  } catch (error) {
    throw ioError(verb, file, error);
  }
  const dropped = droppedRecords(buffer, problem.offset, kept);
  return {
    from: 'cassette',
    kept,
    droppedBytes: buffer.length - decoded.end,
    droppedExchanges: dropped === null ? null : dropped.exchanges,
    problem,
    backup,
    lost: true,
  };
}
