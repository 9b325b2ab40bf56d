/**
 * JUnit XML for CI dashboards: a testsuite per operation compared, a testcase per change
 * (a breaking change is a failure; warn and info pass with their sentence as output), and
 * one passing "no drift" testcase for an operation that did not change.
 */
import { groupByOperation, summarise, where } from './report-common.js';
import { escapeXml as xml } from '../core/text.js';
import type { DriftChange, DriftReport } from './types.js';

function testcase(change: DriftChange): string {
  const name = xml(`${change.severity} ${where(change)} ${change.code}`);
  const open = `    <testcase classname="${xml(change.operation)}" name="${name}">`;
  if (change.severity === 'breaking') {
    return `${open}\n      <failure type="${xml(change.code)}" message="${xml(change.message)}"/>\n    </testcase>`;
  }
  return `${open}\n      <system-out>${xml(change.message)}</system-out>\n    </testcase>`;
}

export function junitReport(report: DriftReport): string {
  const groups = new Map(groupByOperation(report.changes).map((group) => [group.operation, group]));
  const names = [...new Set([...groups.keys(), ...report.operations])];
  const summary = summarise(report);
  const suites: string[] = [];
  let tests = 0;
  for (const name of names) {
    const changes = groups.get(name)?.changes ?? [];
    const failures = changes.filter((change) => change.severity === 'breaking').length;
    const cases = changes.length > 0 ? changes.map(testcase) : [`    <testcase classname="${xml(name)}" name="no drift"/>`];
    tests += cases.length;
    suites.push(`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(report.title)}" tests="${tests}" failures="${summary.breaking}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
