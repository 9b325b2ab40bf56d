/**
 * JUnit XML for CI dashboards. A testcase is something checked (an exchange: a <failure> per
 * row at or above --fail-on, the rows below it as <system-out>, so a passing case still shows
 * what was noticed) or one row on its own (named by its severity, place and code: a <failure>
 * when it fails the run, else its sentence as <system-out>). Characters XML cannot carry are
 * dropped, so a row quoting odd recorded bytes still yields a file every CI parser reads.
 */
import { escapeXml as xml } from '../core/text.js';
import type { JunitCase, ReportModel } from './model.js';
import { operationOf, where, type ReportRow } from './row.js';
import type { ReportStyle } from './style.js';
import { fails } from '../core/findings.js';

function describe(row: ReportRow, style: ReportStyle): string {
  return `${style.labels[row.severity]} ${where(row)} [${row.code}]: ${row.message}`;
}

function failed(testcase: JunitCase, model: ReportModel): boolean {
  const rows = 'row' in testcase ? [testcase.row] : testcase.rows;
  return rows.some((row) => fails(row.severity, model.failOn));
}

function rowCase(row: ReportRow, model: ReportModel): string {
  const open = `    <testcase classname="${xml(operationOf(row))}" name="${xml(`${model.style.labels[row.severity]} ${where(row)} ${row.code}`)}">`;
  if (fails(row.severity, model.failOn)) {
    return `${open}\n      <failure type="${xml(row.code)}" message="${xml(row.message)}"/>\n    </testcase>`;
  }
  return `${open}\n      <system-out>${xml(row.message)}</system-out>\n    </testcase>`;
}

function testcase(testcase: JunitCase, model: ReportModel): string {
  if ('row' in testcase) return rowCase(testcase.row, model);
  const open = `    <testcase classname="${xml(testcase.classname)}" name="${xml(testcase.name)}"`;
  if (testcase.rows.length === 0) return `${open}/>`;
  const body: string[] = [];
  for (const row of testcase.rows.filter((r) => fails(r.severity, model.failOn))) {
    body.push(`      <failure type="${xml(row.code)}" message="${xml(`${where(row)}: ${row.message}`)}">${xml(describe(row, model.style))}</failure>`);
  }
  const noted = testcase.rows.filter((r) => !fails(r.severity, model.failOn));
  if (noted.length > 0) body.push(`      <system-out>${xml(noted.map((row) => describe(row, model.style)).join('\n'))}</system-out>`);
  return `${open}>\n${body.join('\n')}\n    </testcase>`;
}

export function junitReport(model: ReportModel): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const suite of model.junit.suites) {
    const failing = suite.cases.filter((c) => failed(c, model)).length;
    tests += suite.cases.length;
    failures += failing;
    const open = `  <testsuite name="${xml(suite.name)}" tests="${suite.cases.length}" failures="${failing}" errors="0" skipped="0"`;
    suites.push(suite.cases.length === 0 ? `${open}/>` : `${open}>\n${suite.cases.map((c) => testcase(c, model)).join('\n')}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(model.junit.name)}" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
