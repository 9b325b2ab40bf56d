/**
 * Recording: exchanges are appended, fsynced before each append resolves (several appends
 * waiting together share one fsync), to `<name>.cassette.journal`, which
 * is at every moment a complete cassette (same format, append-only). Finishing is a
 * rename of the journal over the cassette; a crash leaves the journal for recovery.
 *
 * The journal appears whole: header and existing exchanges are written to a temp file,
 * fsynced and then hard-linked to the journal name (link fails if the name exists), so a
 * second recorder of the same cassette is refused and a crash during opening leaves no
 * half journal that recovery could mistake for the cassette.
 */
import { link, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { TapegateError } from '../../core/errors.js';
import { createExchangeEncoder, encodeEndRecord, type ExchangeEncoder } from './codec.js';
import type { Exchange } from '../../core/exchange.js';
import { journalPathFor, type CassetteHeader } from './format.js';
import { cassetteChunks, checkedExchange } from './store-encode.js';
import { ioError } from './store-errors.js';
import { fsyncDir, isCode, tempPathFor, writeChunks, writeFullyv } from './store-files.js';

export interface CassetteWriter {
  /** The cassette the journal becomes on `finish()`. */
  readonly file: string;
  readonly journalFile: string;
  /** Exchanges durably in the journal, the existing ones included. */
  readonly count: number;
  /**
   * Appends one exchange; resolves once it is fsynced. Calls are serialised: parallel
   * calls land whole and in call order (the exchange is encoded at call time).
   */
  append(exchange: Exchange): Promise<void>;
  /** Waits for pending appends, then renames the journal over the cassette. */
  finish(): Promise<void>;
  /** Waits for pending appends, then deletes the journal; the cassette stays as it was. */
  abort(): Promise<void>;
}

async function isSameFile(file: string, known: { dev: number; ino: number }): Promise<boolean> {
  const now = await stat(file).catch(() => null);
  return now !== null && now.dev === known.dev && now.ino === known.ino;
}

function alreadyRecording(journal: string, file: string): TapegateError {
  return new TapegateError(
    `Failed to open journal "${journal}": it already exists. Another tapegate is recording "${file}", ` +
      `or one crashed: \`tapegate cassette recover\` (or opening the cassette) turns the journal into the cassette.`,
  );
}

/** Gives the fully written temp file the journal's name, refusing if that name is taken. */
async function claimJournalName(temp: string, journal: string, file: string): Promise<void> {
  try {
    await link(temp, journal);
  } catch (error) {
    if (isCode(error, 'EEXIST')) throw alreadyRecording(journal, file);
    // No hard links on this file system: check, then rename (a narrow race, but no half journal).
    if (!isCode(error, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK')) throw error;
    const taken = await stat(journal).then(
      () => true,
      (statError: unknown) => !isCode(statError, 'ENOENT'),
    );
    if (taken) throw alreadyRecording(journal, file);
    await rename(temp, journal);
    return;
  }
  await unlink(temp);
}

/**
 * Starts recording into `file`: creates its journal holding `header` and `existing` (the
 * exchanges to keep, e.g. those read from the cassette in `auto` mode), fsynced.
 */
export async function openJournal(file: string, header: CassetteHeader, existing: Iterable<Exchange> = []): Promise<CassetteWriter> {
  const journal = journalPathFor(file);
  const verb = 'open journal';
  const encode = createExchangeEncoder();
  const temp = tempPathFor(journal);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx');
    let count = 0;
    const counted = function* (): Generator<Exchange> {
      for (const exchange of existing) {
        count++;
        yield exchange;
      }
    };
    const size = await writeChunks(handle, cassetteChunks(header, counted(), encode, verb, journal, 'open'), 0);
    await handle.sync();
    await claimJournalName(temp, journal, file);
    await fsyncDir(dirname(journal));
    return new JournalWriter(file, journal, handle, encode, size, count);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw ioError(verb, journal, error);
  }
}

class JournalWriter implements CassetteWriter {
  #state: 'open' | 'closing' | 'finished' | 'aborted' = 'open';
  /** Set by the first failed append; every later append and finish() refuse with it. */
  #failure: TapegateError | null = null;
  /** Records accepted but not yet written, in call order, each with its caller's promise. */
  #pending: { records: Buffer[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  /** The running flush, if any; finish() and abort() wait for it. */
  #flushing: Promise<void> | null = null;
  /** Exchanges accepted (encoded), durable or not: the index of the next one. */
  #accepted: number;
  /** Device and inode of the file this writer holds, to notice it deleted or replaced. */
  #identity: { dev: number; ino: number } | null = null;

  constructor(
    readonly file: string,
    readonly journalFile: string,
    private readonly handle: FileHandle,
    private readonly encode: ExchangeEncoder,
    private size: number,
    private durable: number,
  ) {
    this.#accepted = durable;
  }

  get count(): number {
    return this.durable;
  }

  append(exchange: Exchange): Promise<void> {
    const verb = 'append to journal';
    if (this.#state !== 'open') return Promise.reject(this.#closed(verb));
    if (this.#failure) return Promise.reject(this.#failure);
    let records: Buffer[];
    try {
      records = checkedExchange(this.encode, exchange, this.#accepted, verb, this.journalFile);
    } catch (error) {
      // A shape error is the caller's and leaves the writer usable; an encoder error may
      // leave msgpackr's record state ahead of the file, so later records could not decode.
      if (error instanceof TapegateError) return Promise.reject(error);
      this.#failure = ioError(verb, this.journalFile, error);
      return Promise.reject(this.#failure);
    }
    this.#accepted++;
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ records, resolve, reject });
      this.#flushing ??= this.#flush();
    });
  }

  /**
   * Group commit: the records appended while one write and fsync ran go out together in the
   * next write, with one fsync. Each caller still resolves only once its own record is
   * durable, and records land in call order; under concurrency the disk sees one fsync per
   * batch instead of one per exchange.
   */
  async #flush(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0);
      try {
        await this.#write(
          batch.flatMap((entry) => entry.records),
          batch.length,
        );
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.#flushing = null;
  }

  /**
   * Writes and fsyncs `records` at the end (one writev: a large body's blob is written from
   * where it lies, never copied); `exchanges` is how many exchanges they hold.
   */
  async #write(records: Buffer[], exchanges: number): Promise<void> {
    if (this.#failure) throw this.#failure;
    let written: number;
    try {
      await this.#checkStillOurs();
      written = await writeFullyv(this.handle, records, this.size);
      await this.handle.sync();
    } catch (error) {
      this.#failure = ioError('append to journal', this.journalFile, error);
      // Cut the partial records so the journal stays a valid cassette; recovery would too.
      await this.handle.truncate(this.size).catch(() => undefined);
      throw this.#failure;
    }
    this.size += written;
    this.durable += exchanges;
  }

  /**
   * The journal at its path is still the file this writer holds. Deleted or replaced (a
   * cleanup script, a second tapegate), the appends would go to a file nobody will find, so
   * the append fails instead, and the proxy stops forwarding. One stat per group commit.
   */
  async #checkStillOurs(): Promise<void> {
    const ours = (this.#identity ??= await this.handle.stat());
    const isOurs = async (path: string): Promise<boolean | null> => {
      const now = await stat(path).catch(() => null);
      return now === null ? null : now.dev === ours.dev && now.ino === ours.ino;
    };
    const atJournal = await isOurs(this.journalFile);
    if (atJournal === true) return;
    // A reader that recovered this live journal renamed it to the cassette: still ours, finish() knows.
    if ((await isOurs(this.file)) === true) return;
    throw new Error(atJournal === null ? 'the journal was deleted while recording' : 'the journal was replaced by another file while recording');
  }

  async finish(): Promise<void> {
    const verb = 'finish journal';
    if (this.#state !== 'open') throw this.#closed(verb);
    this.#state = 'closing';
    await this.#flushing;
    // The end record, before the rename: a cassette without it reads as cut short.
    if (!this.#failure) await this.#write([encodeEndRecord(this.durable)], 0).catch(() => undefined);
    const written = await this.handle.stat().catch(() => null);
    await this.handle.close().catch(() => undefined);
    if (this.#failure) {
      this.#state = 'aborted';
      throw new TapegateError(
        `Failed to ${verb} "${this.journalFile}": an append failed (${this.#failure.message}). ` +
          `The journal keeps the ${this.durable} exchanges written before it: \`tapegate cassette recover\` turns it into the cassette.`,
      );
    }
    try {
      await rename(this.journalFile, this.file);
      await fsyncDir(dirname(this.file));
    } catch (error) {
      // A reader recovered the journal while we recorded: the cassette is our very file.
      if (!(isCode(error, 'ENOENT') && written && (await isSameFile(this.file, written)))) {
        this.#state = 'aborted';
        throw ioError(verb, this.journalFile, error);
      }
    }
    this.#state = 'finished';
  }

  async abort(): Promise<void> {
    if (this.#state === 'finished' || this.#state === 'aborted') return;
    this.#state = 'closing';
    await this.#flushing;
    await this.handle.close().catch(() => undefined);
    this.#state = 'aborted';
    try {
      await unlink(this.journalFile);
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw ioError('abort journal', this.journalFile, error);
    }
  }

  #closed(verb: string): TapegateError {
    const state = this.#state === 'closing' ? 'being closed' : this.#state;
    return new TapegateError(`Failed to ${verb} "${this.journalFile}": the journal is ${state}`);
  }
}
