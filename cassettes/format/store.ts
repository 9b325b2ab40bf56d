/**
 * Loading and saving whole cassettes. Loading is one readFile and one pass over the
 * records in place; saving is atomic (temp file, fsync, rename, fsync of the directory).
 * Recording exchange by exchange goes through the journal (journal.ts).
 */
import { access } from 'node:fs/promises';
import { createExchangeEncoder } from './codec.js';
import type { Exchange } from '../../core/exchange.js';
import { decodeCassette } from './decode.js';
import { journalPathFor, type Cassette, type CassetteHeader } from './format.js';
import { recoverJournal, type RecoveryResult } from './recover.js';
import { cassetteChunks } from './store-encode.js';
import { contentError, describeProblem, ioError } from './store-errors.js';
import { readRegularFile, writeFileAtomic } from './store-files.js';

export interface ReadCassetteOptions {
  /**
   * Recover a journal left beside the cassette before reading (default true). Pass false
   * to look at a cassette while another process may be recording into it.
   */
  recoverJournal?: boolean;
}

export interface LoadedCassette extends Cassette {
  /** Set when a leftover journal was recovered into the cassette on the way in. */
  recovered: RecoveryResult | null;
}

async function journalExists(file: string): Promise<boolean> {
  try {
    await access(journalPathFor(file));
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a whole cassette. A truncated or corrupt file is refused with the byte offset of
 * the first bad record, how many exchanges before it are intact and the recover command.
 */
export async function readCassette(file: string, options: ReadCassetteOptions = {}): Promise<LoadedCassette> {
  const verb = 'read cassette';
  if (options.recoverJournal !== false && (await journalExists(file))) {
    const recovered = await recoverJournal(file);
    if (recovered) return { ...recovered.cassette, recovered: recovered.result };
  }
  let buffer: Buffer;
  try {
    buffer = await readRegularFile(file);
  } catch (error) {
    throw ioError(verb, file, error);
  }
  const decoded = decodeCassette(buffer);
  if (!decoded.usable) throw contentError(verb, file, decoded.reason);
  if (decoded.problem) {
    throw contentError(verb, file, describeProblem(decoded.problem, decoded.exchanges.length, file));
  }
  return { header: decoded.header, exchanges: decoded.exchanges, recovered: null };
}

/** Writes a whole cassette atomically: readers see the old file or the new one. */
export async function writeCassette(file: string, header: CassetteHeader, exchanges: Iterable<Exchange>): Promise<void> {
  const verb = 'write cassette';
  try {
    await writeFileAtomic(file, cassetteChunks(header, exchanges, createExchangeEncoder(), verb, file));
  } catch (error) {
    throw ioError(verb, file, error);
  }
}
