/** The verify report formats behind one switch. */
import type { FailOn } from '../core/findings.js';
import { jsonReport } from './report-json.js';
import { junitReport } from './report-junit.js';
import { textReport } from './report-text.js';
import type { VerifyReport } from './types.js';

export const VERIFY_FORMATS = ['text', 'json', 'junit'] as const;
export type VerifyFormat = (typeof VERIFY_FORMATS)[number];

export function formatVerifyReport(report: VerifyReport, format: VerifyFormat, failOn: FailOn): string {
  switch (format) {
    case 'text':
      return textReport(report, failOn);
    case 'json':
      return jsonReport(report, failOn);
    case 'junit':
      return junitReport(report, failOn);
  }
}
