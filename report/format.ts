/** The four report formats behind one switch, and what `--output` leaves on stdout. */
import { jsonReport } from './json.js';
import { junitReport } from './junit.js';
import { markdownReport } from './markdown.js';
import type { ReportModel } from './model.js';
import { textReport } from './text.js';
import { verdictLine } from './verdict.js';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function formatReport(model: ReportModel, format: ReportFormat): string {
  switch (format) {
    case 'text':
      return textReport(model);
    case 'json':
      return jsonReport(model);
    case 'markdown':
      return markdownReport(model);
    case 'junit':
      return junitReport(model);
  }
}

/** The title, the counts or the verdict, and where the report went. */
export function writtenNotice(model: ReportModel, format: ReportFormat, file: string): string {
  const lines = [model.title];
  if (model.summary !== null) lines.push(model.summary);
  if (model.verdict) lines.push(verdictLine(model.rows, model.failOn, model.style));
  lines.push(`Report (${format}) written to ${file}`);
  return `${lines.join('\n')}\n`;
}
