import { describe, expect, it } from 'vitest';
import { driftExitCode, formatDriftReport, summaryLine } from './report.js';
import type { DriftChange, DriftReport } from './types.js';

const change = (operation: string, severity: DriftChange['severity'], pointer: string, message: string, extra: Partial<DriftChange> = {}): DriftChange => ({
  operation,
  side: 'response',
  pointer,
  before: null,
  after: 'x',
  severity,
  code: 'member-added',
  message,
  ...extra,
});

const report: DriftReport = {
  kind: 'contracts',
  title: 'Comparing contracts: botocore svc 2020-01-01 (1.0.0) → (1.1.0)',
  notes: ['other 2020-01-01 is only in b; not compared.'],
  operations: ['svc.Alpha', 'svc.Beta', 'svc.Quiet'],
  changes: [
    change('svc.Alpha', 'info', '/body/a', 'An info change.'),
    change('svc.Beta', 'warn', '/body/b', 'A warn change with a | pipe and <xml> & "quotes".'),
    change('svc.Beta', 'breaking', '/body/c', 'A breaking change.', { side: 'error', errorType: 'NotFoundException', code: 'member-removed' }),
  ],
};

describe('reports', () => {
  it('text: the title first, operations with breaking changes first, breaking first inside, then the summary', () => {
    const text = formatDriftReport(report, 'text');
    const lines = text.split('\n');
    expect(lines[0]).toBe(report.title);
    expect(lines.filter((line) => line.startsWith('svc.'))).toEqual(['svc.Beta', 'svc.Alpha']);
    expect(text.indexOf('BREAKING  error NotFoundException /body/c')).toBeLessThan(text.indexOf('WARN      response /body/b'));
    expect(text).toContain('note: other 2020-01-01 is only in b; not compared.');
    expect(lines.at(-2)).toBe('1 breaking, 1 warn, 1 info in 2 of 3 operations.');
  });

  it('json: title, summary and the changes in report order', () => {
    const parsed = JSON.parse(formatDriftReport(report, 'json')) as { title: string; summary: object; changes: DriftChange[] };
    expect(parsed.title).toBe(report.title);
    expect(parsed.summary).toEqual({ breaking: 1, warn: 1, info: 1, changedOperations: 2, operations: 3 });
    expect(parsed.changes.map((c) => c.pointer)).toEqual(['/body/c', '/body/b', '/body/a']);
  });

  it('markdown: a table a pull request renders (pipes escaped), info folded away', () => {
    const markdown = formatDriftReport(report, 'markdown');
    expect(markdown.split('\n')[0]).toBe(`**${report.title}**`);
    expect(markdown).toContain('| **breaking** | `svc.Beta` | `error NotFoundException /body/c` |');
    expect(markdown).toContain('A warn change with a \\| pipe');
    expect(markdown).toMatch(/<details><summary>1 info change<\/summary>\n\n\| Severity[^\n]*\n[^\n]*\n\| info \| `svc.Alpha` \|/);
  });

  it('junit: a suite per operation, breaking changes as failures, XML escaped, unchanged operations pass', () => {
    const xml = formatDriftReport(report, 'junit');
    expect(xml).toContain('<testsuites name="Comparing contracts: botocore svc 2020-01-01 (1.0.0) → (1.1.0)" tests="4" failures="1" errors="0">');
    expect(xml).toContain('<testsuite name="svc.Beta" tests="2" failures="1" errors="0" skipped="0">');
    expect(xml).toContain('<failure type="member-removed" message="A breaking change."/>');
    expect(xml).toContain('<system-out>A warn change with a | pipe and &lt;xml&gt; &amp; &quot;quotes&quot;.</system-out>');
    expect(xml).toContain('<testsuite name="svc.Quiet" tests="1" failures="0" errors="0" skipped="0">\n    <testcase classname="svc.Quiet" name="no drift"/>');
  });

  it('junit follows --fail-on like the exit code: warn fails warn changes too, never fails nothing', () => {
    const warn = formatDriftReport(report, 'junit', 'warn');
    expect(warn).toContain('<testsuites name="Comparing contracts: botocore svc 2020-01-01 (1.0.0) → (1.1.0)" tests="4" failures="2" errors="0">');
    expect(warn).toContain('<failure type="member-added" message="A warn change with a | pipe and &lt;xml&gt; &amp; &quot;quotes&quot;."/>');
    expect(warn).toContain('<system-out>An info change.</system-out>');
    const never = formatDriftReport(report, 'junit', 'never');
    expect(never).not.toContain('<failure');
    expect(never).toContain('<system-out>A breaking change.</system-out>');
  });

  it('--fail-on: exit 1 only when a change at or above the level exists', () => {
    expect(driftExitCode(report, 'breaking')).toBe(1);
    expect(driftExitCode(report, 'never')).toBe(0);
    const quiet = { ...report, changes: report.changes.filter((c) => c.severity === 'info') };
    expect(driftExitCode(quiet, 'warn')).toBe(0);
    expect(driftExitCode({ ...report, changes: report.changes.filter((c) => c.severity !== 'breaking') }, 'warn')).toBe(1);
    expect(summaryLine({ ...report, changes: [] })).toBe('No drift in 3 operations.');
  });
});
