/** The four report formats behind one switch. */
import { jsonReport } from './report-json.js';
import { junitReport } from './report-junit.js';
import { markdownReport } from './report-markdown.js';
import { textReport } from './report-text.js';
import type { DriftReport } from './types.js';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function formatReport(report: DriftReport, format: ReportFormat): string {
  switch (format) {
    case 'text':
      return textReport(report);
    case 'json':
      return jsonReport(report);
    case 'markdown':
      return markdownReport(report);
    case 'junit':
      return junitReport(report);
  }
}
