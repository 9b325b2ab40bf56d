/**
 * Runs a drift comparison for the CLI with output as it goes: a text report is written
 * service pair by service pair (a whole botocore release takes a while, and memory holds
 * one pair at a time), the other formats once at the end, through the report output that
 * `verify` uses too; a terminal gets a progress line on stderr, erased before each piece of
 * report so the two never mix.
 */
import { driftReportModel, driftTextChanges, driftTextEnd, driftTextHead, type DriftFailOn, type ReportFormat } from '../../drift/report.js';
import { runDrift } from '../../drift/run.js';
import type { DriftListener, DriftOptions, DriftReport } from '../../drift/types.js';
import { writtenNotice } from '../../report/format.js';
import { createProgress, type Progress, type ProgressStream } from '../progress.js';
import { emitReport, openReportStream, STDOUT, type PieceSink } from './report-output.js';

export interface DriftRun {
  from: string;
  to: string;
  format: ReportFormat;
  /** A file for the report instead of stdout. */
  output?: string;
  /** Which changes fail the run (JUnit failures follow it); `breaking` when not given. */
  failOn?: DriftFailOn;
  options: DriftOptions;
}

/** Where the report and the progress go: the process's own streams, or a test's. */
export interface DriftIo {
  stdout: PieceSink;
  stderr: ProgressStream;
}

const WHAT = 'drift report';

export async function streamDrift(run: DriftRun, io: DriftIo = { stdout: STDOUT, stderr: process.stderr }): Promise<DriftReport> {
  const failOn = run.failOn ?? 'breaking';
  let progress: Progress | undefined;
  const listener: DriftListener = {
    progress: (index, total, service) => {
      progress ??= createProgress(total, io.stderr, { verb: 'comparing', threshold: 1 });
      progress.step(index, service);
    },
  };
  try {
    if (run.format !== 'text') {
      const report = await runDrift(run.from, run.to, run.options, listener);
      progress?.done();
      await emitReport(driftReportModel(report, failOn), run.format, run.output, WHAT, io.stdout);
      return report;
    }
    const out = openReportStream(run.output, WHAT, io.stdout);
    const write = async (text: string) => {
      progress?.done();
      await out.write(text);
    };
    try {
      const report = await runDrift(run.from, run.to, run.options, {
        ...listener,
        title: (title) => write(driftTextHead(title)),
        changes: (changes) => (changes.length > 0 ? write(driftTextChanges(changes)) : undefined),
      });
      await write(driftTextEnd(report));
      await out.end(run.output === undefined ? '' : writtenNotice(driftReportModel(report, failOn), run.format, run.output));
      return report;
    } catch (error) {
      await out.abort();
      throw error;
    }
  } finally {
    progress?.done();
  }
}
