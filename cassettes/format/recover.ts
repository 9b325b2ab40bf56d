/**
 * Crash recovery: "keep the valid prefix". A journal left beside a cassette (the recorder
 * died before finishing) becomes the cassette, cut after its last intact record; a
 * cassette that is itself truncated or corrupt is cut the same way, atomically.
 * `tapegate cassette recover FILE` calls `recoverCassette`; `readCassette` recovers a
 * leftover journal on its own.
 */
import { open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { decodeCassette } from './decode.js';
import { journalPathFor, type Cassette } from './format.js';
import { contentError, ioError } from './store-errors.js';
import { fsyncDir, isCode, writeFileAtomic } from './store-files.js';

export interface RecoveryResult {
  /** What was repaired: a journal left by a crash, the cassette itself, or nothing (it was intact). */
  from: 'journal' | 'cassette' | 'none';
  /** Exchanges the cassette holds afterwards. */
  kept: number;
  /** Bytes cut from the end of the repaired file. */
  droppedBytes: number;
}

async function readIfExists(file: string, verb: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw ioError(verb, file, error);
  }
}

/**
 * Turns a leftover journal into the cassette. Returns null when there is no journal, else
 * what was kept, with the decoded cassette so that a reader need not decode it again.
 * Note: a journal that a live recorder is still writing is taken over too; do not read a
 * cassette with recovery on while another process records it.
 */
export async function recoverJournal(file: string): Promise<{ result: RecoveryResult; cassette: Cassette } | null> {
  const journal = journalPathFor(file);
  const verb = 'recover journal';
  const buffer = await readIfExists(journal, verb);
  if (buffer === null) return null;
  const decoded = decodeCassette(buffer);
  // A journal is created whole with its header (see journal.ts), so one without a usable
  // header is not ours to delete: say so and let the user move it away.
  if (!decoded.usable) throw contentError(verb, journal, `${decoded.reason}; move it away to use "${file}"`);
  try {
    if (decoded.end < buffer.length) {
      const handle = await open(journal, 'r+');
      try {
        await handle.truncate(decoded.end);
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
  return {
    result: { from: 'journal', kept: decoded.exchanges.length, droppedBytes: buffer.length - decoded.end },
    cassette: { header: decoded.header, exchanges: decoded.exchanges },
  };
}

/**
 * Recovers `file`: its leftover journal if there is one, else the cassette itself, cut
 * after its last intact record. A file that is not a cassette at all, or is a newer
 * format, is refused and left untouched.
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
  if (decoded.problem === null) return { from: 'none', kept, droppedBytes: 0 };
  try {
    await writeFileAtomic(file, [buffer.subarray(0, decoded.end)]);
  } catch (error) {
    throw ioError(verb, file, error);
  }
  return { from: 'cassette', kept, droppedBytes: buffer.length - decoded.end };
}
