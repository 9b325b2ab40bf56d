/**
 * Writing what the cassette commands print: to stdout piece by piece (a big cassette's
 * text is never one string, and a pipe's back-pressure is respected), or to a file
 * atomically, so an interrupted export never leaves half a JSON file behind.
 */
import { writeFileAtomic } from '../../../cassettes/format/store-files.js';
import { ioError } from '../../../cassettes/format/store-errors.js';

/**
 * Writes the pieces to stdout in order, waiting whenever the pipe is full. A reader that
 * goes away (`| head`) ends the output quietly rather than with an EPIPE error.
 */
export async function writeStdout(pieces: Iterable<string>): Promise<void> {
  const out = process.stdout;
  let failure: NodeJS.ErrnoException | null = null;
  let wake: (() => void) | null = null;
  const onError = (error: NodeJS.ErrnoException): void => {
    failure = error;
    wake?.();
  };
  const onDrain = (): void => wake?.();
  out.on('error', onError);
  out.on('drain', onDrain);
  out.on('close', onDrain);
  try {
    for (const piece of pieces) {
      if (failure) break;
      if (!out.write(piece)) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    // Resolves once everything handed over has been flushed (or the pipe failed).
    if (!failure) await new Promise<void>((resolve) => out.write('', () => resolve()));
  } finally {
    out.off('error', onError);
    out.off('drain', onDrain);
    out.off('close', onDrain);
  }
  const error = failure as NodeJS.ErrnoException | null;
  if (error && error.code !== 'EPIPE') throw error;
}

/** Replaces `file` with the pieces (temp file, fsync, rename); errors name `file`. */
export async function writeTextFileAtomic(file: string, pieces: Iterable<string>, verb: string): Promise<void> {
  function* bytes(): Generator<Buffer> {
    for (const piece of pieces) yield Buffer.from(piece, 'utf8');
  }
  try {
    await writeFileAtomic(file, bytes());
  } catch (error) {
    throw ioError(verb, file, error);
  }
}
