/**
 * Where `verify` and `drift` put their report: stdout, or with `--output` a file written
 * atomically (a CI step never reads half a report) and a short notice on stdout.
 */
import { formatReport, writtenNotice, type ReportFormat } from '../../report/format.js';
import type { ReportModel } from '../../report/model.js';
import { exitCodeFor } from '../../report/verdict.js';
import { writeStdout, writeTextFileAtomic } from './cassette/output.js';

/** Writes the report and returns the exit code its --fail-on calls for. */
export async function emitReport(model: ReportModel, format: ReportFormat, output: string | undefined, what: string): Promise<0 | 1> {
  const text = formatReport(model, format);
  if (output) {
    await writeTextFileAtomic(output, [text], `write ${what}`);
    await writeStdout([writtenNotice(model, format, output)]);
  } else {
    await writeStdout([text]);
  }
  return exitCodeFor(model.rows, model.failOn);
}
