/**
 * The file-system steps the store relies on for durability: full writes, fsync of a file
 * and of its directory (so a rename survives a crash), and the write-temp-then-rename
 * that replaces a cassette atomically.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { constants, type Stats } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/** `<dir>/.<name>.<pid>-<random>.tmp`: beside the target so that rename stays on one file system. */
export function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

export function isCode(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && codes.includes((error as { code?: unknown }).code as string);
}

function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The whole content of a regular file (links followed). Anything else is refused before a
 * byte is read: `/dev/zero` or a pipe never ends, and reading one whole would grow memory
 * until the process dies. The error has code `ENOTREGULAR` and says what the file is.
 */
export async function readRegularFile(file: string): Promise<Buffer> {
  // O_NONBLOCK: opening a named pipe must not wait for a writer before we can refuse it.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      const kind = fileKind(stats);
      throw Object.assign(new Error(`it is ${kind}, not a regular file`), { code: kind === 'a directory' ? 'EISDIR' : 'ENOTREGULAR' });
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Writes every byte of `data` at `position` (FileHandle.write may write less than asked). */
export async function writeFully(handle: FileHandle, data: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
    done += bytesWritten;
  }
}

/**
 * Writes every byte of `chunks`, in order, from `position`, with `writev`: the chunks are
 * never joined into one buffer (a 50 MB body is written from where it lies). A short
 * write goes on from the first byte not written.
 */
export async function writeFullyv(handle: FileHandle, chunks: readonly Uint8Array[], position: number): Promise<number> {
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  let done = 0;
  let rest = chunks;
  while (done < total) {
    const { bytesWritten } = await handle.writev(rest as Uint8Array[], position + done);
    done += bytesWritten;
    if (done >= total) break;
    // Skip what was written: whole chunks, then the written part of the next one.
    let skip = bytesWritten;
    const left: Uint8Array[] = [];
    for (const chunk of rest) {
      if (skip >= chunk.length) skip -= chunk.length;
      else {
        left.push(skip > 0 ? chunk.subarray(skip) : chunk);
        skip = 0;
      }
    }
    rest = left;
  }
  return total;
}

/** Batches of about this size (or this many chunks) are handed to the file system in one writev. */
const BATCH_BYTES = 1 << 20;
const BATCH_CHUNKS = 512;

/** Writes the chunks one after the other from `position`, batched; returns the bytes written. */
export async function writeChunks(handle: FileHandle, chunks: Iterable<Uint8Array>, position: number): Promise<number> {
  let at = position;
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    at += await writeFullyv(handle, batch, at);
    batch = [];
    batchBytes = 0;
  };
  for (const chunk of chunks) {
    batch.push(chunk);
    batchBytes += chunk.length;
    if (batchBytes >= BATCH_BYTES || batch.length >= BATCH_CHUNKS) await flush();
  }
  await flush();
  return at - position;
}

/** fsync of a directory, so that entries created or renamed in it are durable. */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Some platforms and file systems cannot open or fsync a directory; the rename stands.
    if (!isCode(error, 'EISDIR', 'EPERM', 'EINVAL', 'EBADF', 'ENOTSUP')) throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * A file that replaces `file` only once it is complete: chunks go to a temp file beside it,
 * `commit` fsyncs it, renames it over `file` and fsyncs the directory; `discard` (after a
 * failure) removes the temp file, and does nothing once committed. Readers see the old file
 * or the new one, never a mix, however long the writing takes.
 */
export interface AtomicFile {
  /** Appends the chunks after what was written before, batched. */
  write(chunks: Iterable<Uint8Array>): Promise<void>;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

export async function openAtomicFile(file: string): Promise<AtomicFile> {
  const temp = tempPathFor(file);
  const handle = await open(temp, 'wx');
  let at = 0;
  let closed = false;
  /** The temp file is no longer there to remove: renamed over `file`, or removed. */
  let tempGone = false;
  return {
    async write(chunks) {
      at += await writeChunks(handle, chunks, at);
    },
    async commit() {
      await handle.sync();
      await handle.close();
      closed = true;
      await rename(temp, file);
      tempGone = true;
      await fsyncDir(dirname(file));
    },
    async discard() {
      if (!closed) await handle.close().catch(() => undefined);
      closed = true;
      if (!tempGone) await unlink(temp).catch(() => undefined);
      tempGone = true;
    },
  };
}

/** Replaces `file` with the given chunks at once (an AtomicFile written in one go). */
export async function writeFileAtomic(file: string, chunks: Iterable<Uint8Array>): Promise<void> {
  const atomic = await openAtomicFile(file);
  try {
    await atomic.write(chunks);
    await atomic.commit();
  } finally {
    await atomic.discard();
  }
}
