/**
 * The JSON report, for tools: the summary, the verdict, each cassette, and each operation
 * seen (by name) with every finding in full: severity, code, side, JSON Pointer, message,
 * the recorded value received there, and the cassette and exchange seq it came from.
 */
import type { FailOn } from '../core/findings.js';
import { failingCount, groupByOperation, summarise } from './report-common.js';
import type { VerifyReport } from './types.js';

export function jsonReport(report: VerifyReport, failOn: FailOn): string {
  const operations = groupByOperation(report)
    .sort((a, b) => a.operation.localeCompare(b.operation))
    .map((group) => ({
      operation: group.operation,
      exchanges: group.exchanges,
      findings: group.findings.map(({ cassette, seq, operation, side, severity, code, path, message, received }) => ({
        cassette, seq, operation, side, severity, code, path, message, ...(received === undefined ? {} : { received }),
      })),
    }));
  const json = {
    format: 'tapegate-verify-report',
    formatVersion: 1,
    contracts: report.contracts,
    failOn,
    failed: failingCount(report, failOn) > 0,
    summary: summarise(report),
    cassettes: report.cassettes.map((cassette) => ({
      path: cassette.path,
      exchanges: cassette.exchanges.length,
      findings: cassette.exchanges.reduce((sum, exchange) => sum + exchange.findings.length, 0),
    })),
    operations,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
