/**
 * Runs a drift comparison for the CLI with output as it goes: a text report is written
 * service pair by service pair (a whole botocore release takes a while, and memory holds
 * one pair at a time), the other formats once at the end; a terminal gets a progress line
 * on stderr, erased before each piece of report so the two never mix.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { formatReport, type ReportFormat } from '../../drift/report.js';
import { textChanges, textEnd } from '../../drift/report-text.js';
import { runDrift } from '../../drift/run.js';
import type { DriftOptions, DriftReport } from '../../drift/types.js';
import { TapegateError } from '../../core/errors.js';
import { createProgress, type Progress, type ProgressStream } from '../progress.js';

export interface DriftRun {
  from: string;
  to: string;
  format: ReportFormat;
  /** A file for the report instead of stdout. */
  output?: string;
  options: DriftOptions;
}

/** Where the report and the progress go: the process's own streams, or a test's. */
export interface DriftIo {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
}

export async function streamDrift(run: DriftRun, io: DriftIo = { stdout: process.stdout, stderr: process.stderr }): Promise<DriftReport> {
  const sink = new ReportSink(run.output, io.stdout);
  const streaming = run.format === 'text';
  let progress: Progress | undefined;
  const write = (text: string) => {
    progress?.done();
    sink.write(text);
  };
  try {
    const report = await runDrift(run.from, run.to, run.options, {
      title: (title) => {
        if (streaming) write(`${title}\n\n`);
      },
      progress: (index, total, service) => {
        progress ??= createProgress(total, io.stderr, { verb: 'comparing', threshold: 1 });
        progress.step(index, service);
      },
      changes: (changes) => {
        if (streaming && changes.length > 0) write(textChanges(changes));
      },
    });
    write(streaming ? textEnd(report) : formatReport(report, run.format));
    return report;
  } finally {
    progress?.done();
    sink.close();
  }
}

/** stdout, or a file opened at the first piece of report (bad input fails before, leaving no file). */
class ReportSink {
  private fd: number | undefined;

  constructor(
    private readonly file: string | undefined,
    private readonly stdout: DriftIo['stdout'],
  ) {}

  write(text: string): void {
    if (this.file === undefined) {
      this.stdout.write(text);
      return;
    }
    try {
      this.fd ??= openSync(this.file, 'w');
      writeSync(this.fd, text);
    } catch (error) {
      throw new TapegateError(`Failed to write drift report "${this.file}": ${(error as Error).message}`, 1);
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
