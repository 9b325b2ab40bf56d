/**
 * Where `verify` and `drift` put their report: stdout, or with `--output` a file written
 * atomically (a CI step never reads half a report) and a short notice on stdout. A report can
 * also be written while it is made (drift's text, service pair by service pair): stdout gets
 * each piece as it comes, waiting while the pipe is full; a file is still replaced only once
 * the report is complete, and a run that fails leaves none.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { openAtomicFile, type AtomicFile } from '../../cassettes/format/store-files.js';
import { ioError } from '../../cassettes/format/store-errors.js';
import { formatReport, writtenNotice, type ReportFormat } from '../../report/format.js';
import type { ReportModel } from '../../report/model.js';
import { exitCodeFor } from '../../report/verdict.js';
import { writeStdout } from './cassette/output.js';

/** Where stdout's pieces go: the process's stdout (back-pressured, quiet on EPIPE), or a test's. */
export interface PieceSink {
  /** A returned promise is awaited before the next piece. */
  write(text: string): unknown;
}

export const STDOUT: PieceSink = { write: (text) => writeStdout([text]) };

export interface ReportStream {
  write(piece: string): Promise<void>;
  /** The report is complete: with `--output` the file now holds it, and `notice` goes to stdout (without, nothing more is written). */
  end(notice: string): Promise<void>;
  /** The run failed: nothing more is written, and no file is left. */
  abort(): Promise<void>;
}

export function openReportStream(output: string | undefined, what: string, stdout: PieceSink = STDOUT): ReportStream {
  if (output === undefined) {
    return {
      write: async (piece) => {
        await stdout.write(piece);
      },
      end: () => Promise.resolve(),
      abort: () => Promise.resolve(),
    };
  }
  let file: AtomicFile | undefined;
  const failed = (error: unknown) => ioError(`write ${what}`, output, error);
  // `--output reports/verify.xml` in a fresh CI checkout: the folder is made, as record makes a cassette's.
  const open = async (): Promise<AtomicFile> => {
    await mkdir(dirname(output), { recursive: true });
    return openAtomicFile(output);
  };
  return {
    async write(piece) {
      try {
        file ??= await open();
        await file.write([Buffer.from(piece, 'utf8')]);
      } catch (error) {
        throw failed(error);
      }
    },
    async end(notice) {
      try {
        file ??= await open();
        await file.commit();
      } catch (error) {
        throw failed(error);
      } finally {
        await file?.discard();
      }
      await stdout.write(notice);
    },
    async abort() {
      await file?.discard();
    },
  };
}

/** Writes the report and returns the exit code its --fail-on calls for. */
export async function emitReport(model: ReportModel, format: ReportFormat, output: string | undefined, what: string, stdout: PieceSink = STDOUT): Promise<0 | 1> {
  const stream = openReportStream(output, what, stdout);
  try {
    await stream.write(formatReport(model, format));
    await stream.end(output === undefined ? '' : writtenNotice(model, format, output));
  } catch (error) {
    await stream.abort();
    throw error;
  }
  return exitCodeFor(model.rows, model.failOn);
}
