/**
 * JUnit XML for CI dashboards: a testsuite per cassette (what a reviewer re-records or
 * fixes), a testcase per exchange (classname: its operation; name: `#seq METHOD path`), a
 * <failure> per finding at or above `--fail-on`, and the findings below it as <system-out>,
 * so a passing exchange still shows what was noticed.
 */
import { escapeXml as xml } from '../core/text.js';
import type { FailOn } from '../core/findings.js';
import { fails, summaryLine } from './report-common.js';
import { UNROUTED, type VerifiedExchange, type VerifiedFinding, type VerifyReport } from './types.js';

function describe(finding: VerifiedFinding): string {
  return `${finding.severity} ${finding.side} ${finding.path} [${finding.code}]: ${finding.message}`;
}

function testcase(exchange: VerifiedExchange, failOn: FailOn): string {
  const open = `    <testcase classname="${xml(exchange.operation ?? UNROUTED)}" name="${xml(`#${exchange.seq} ${exchange.method} ${exchange.path}`)}"`;
  if (exchange.findings.length === 0) return `${open}/>`;
  const body: string[] = [];
  for (const finding of exchange.findings.filter((f) => fails(f.severity, failOn))) {
    body.push(`      <failure type="${xml(finding.code)}" message="${xml(`${finding.side} ${finding.path}: ${finding.message}`)}">${xml(describe(finding))}</failure>`);
  }
  const noted = exchange.findings.filter((f) => !fails(f.severity, failOn));
  if (noted.length > 0) body.push(`      <system-out>${xml(noted.map(describe).join('\n'))}</system-out>`);
  return `${open}>\n${body.join('\n')}\n    </testcase>`;
}

export function junitReport(report: VerifyReport, failOn: FailOn): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const cassette of report.cassettes) {
    const failed = cassette.exchanges.filter((exchange) => exchange.findings.some((f) => fails(f.severity, failOn))).length;
    tests += cassette.exchanges.length;
    failures += failed;
    const cases = cassette.exchanges.map((exchange) => testcase(exchange, failOn));
    const open = `  <testsuite name="${xml(cassette.path)}" tests="${cassette.exchanges.length}" failures="${failed}" errors="0" skipped="0"`;
    suites.push(cases.length === 0 ? `${open}/>` : `${open}>\n${cases.join('\n')}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(`tapegate verify: ${summaryLine(report)}`)}" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
