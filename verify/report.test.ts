/**
 * The verify reports on a made-up report: the same finding in many exchanges is one text
 * entry with its places, unrouted exchanges are grouped, exit codes and verdicts follow
 * --fail-on, and the JUnit XML carries odd characters safely.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/findings.js';
import type { FailOn } from '../core/findings.js';
import { verdictLine } from '../report/verdict.js';
import { formatVerifyReport, summaryLine, verifyExitCode, verifyReportModel, VERIFY_STYLE } from './report.js';
import type { VerifiedExchange, VerifiedFinding, VerifyReport } from './types.js';

const unknownField = (name: string): Finding => ({
  operation: 'apigatewayv2.GetApis',
  side: 'response',
  severity: 'info',
  code: 'unknown-field',
  path: `/body/${name}`,
  message: `member "${name}" is not in the contract (AWS may be ahead of the model)`,
});

function exchange(seq: number, findings: VerifiedFinding[], operation: string | null = 'apigatewayv2.GetApis'): VerifiedExchange {
  return { seq, operation, method: 'GET', path: operation ? '/v2/apis' : '/nowhere', status: 200, findings };
}

const report: VerifyReport = {
  contracts: 'the bundled contracts',
  cassettes: [
    { path: 'a.cassette', exchanges: Array.from({ length: 5 }, (_, seq) => exchange(seq, [unknownField('newThing')])) },
    {
      path: 'b.cassette',
      exchanges: [
        exchange(0, [unknownField('newThing')]),
        exchange(1, [unknownField('newThing')]),
        exchange(
          2,
          [
            {
              operation: null,
              side: 'request',
              severity: 'error',
              code: 'unknown-operation',
              path: '/path',
              message: 'no operation of the loaded contracts takes GET /nowhere\u0007',
            },
          ],
          null,
        ),
      ],
    },
    { path: 'empty.cassette', exchanges: [] },
  ],
};

const verdict = (r: VerifyReport, failOn: FailOn): string => verdictLine(verifyReportModel(r, failOn).rows, failOn, VERIFY_STYLE);

describe('verify reports', () => {
  it('text: one entry for the same finding in many exchanges, its places listed then counted', () => {
    const text = formatVerifyReport(report, 'text', 'warn');
    expect(text).toContain(
      'apigatewayv2.GetApis: 7 findings in 7 exchanges\n' +
        '  INFO     response /body/newThing  [unknown-field]\n' +
        '           member "newThing" is not in the contract (AWS may be ahead of the model)\n' +
        '           at a.cassette #0, #1, #2, #3, #4, b.cassette #0, +1 more\n',
    );
    expect(text).toContain('(no operation): 1 finding in 1 exchange\n  ERROR    request /path  [unknown-operation]');
    // The worst operation first.
    expect(text.indexOf('(no operation)')).toBeLessThan(text.indexOf('apigatewayv2.GetApis:'));
    expect(text.startsWith(`${summaryLine(report)}\n`)).toBe(true);
    expect(summaryLine(report)).toBe('Verified 8 exchanges in 3 cassettes against the bundled contracts: 1 error, 0 warn, 7 info in 2 of 2 operations.');
  });

  it('exit codes and verdicts follow --fail-on', () => {
    expect([verifyExitCode(report, 'error'), verifyExitCode(report, 'warn'), verifyExitCode(report, 'never')]).toEqual([1, 1, 0]);
    expect(verdict(report, 'warn')).toBe('Failed: 1 finding at warn or error (--fail-on warn).');
    expect(verdict(report, 'never')).toBe('Passed: --fail-on never.');
    const infoOnly: VerifyReport = { ...report, cassettes: report.cassettes.slice(0, 1) };
    expect(verifyExitCode(infoOnly, 'warn')).toBe(0);
    expect(verdict(infoOnly, 'error')).toBe('Passed: no findings at error (--fail-on error).');
  });

  it('markdown: the same finding in many exchanges is one row with its count and the value received', () => {
    const withReceived: VerifyReport = {
      contracts: 'the bundled contracts',
      cassettes: [{ path: 'a.cassette', exchanges: [0, 1, 2].map((seq) => exchange(seq, [{ ...unknownField('newThing'), received: { nested: '<b>' } }])) }],
    };
    const markdown = formatVerifyReport(withReceived, 'markdown', 'error');
    expect(markdown.split('\n')[0]).toBe('**Verified 3 exchanges in 1 cassette against the bundled contracts: 0 error, 0 warn, 3 info in 1 of 1 operation.**');
    expect(markdown).toContain('<details><summary>1 info finding</summary>\n\n| Severity | Operation | Where | Received | What it means |');
    expect(markdown).toContain(
      '| info | `apigatewayv2.GetApis` | `response /body/newThing` | {"nested":"&lt;b&gt;"} | member "newThing" is not in the contract (AWS may be ahead of the model) (×3) |',
    );
    expect(markdown.trimEnd().split('\n').at(-1)).toBe('Passed: no findings at error (--fail-on error).');
  });

  it('junit: characters XML cannot carry are dropped, an empty cassette is an empty suite', () => {
    const xml = formatVerifyReport(report, 'junit', 'error');
    expect(xml).not.toContain('\u0007');
    expect(xml).toContain('<failure type="unknown-operation" message="request /path: no operation of the loaded contracts takes GET /nowhere">');
    expect(xml).toContain('<testcase classname="(no operation)" name="#2 GET /nowhere">');
    expect(xml).toContain('<testsuite name="empty.cassette" tests="0" failures="0" errors="0" skipped="0"/>');
    expect(xml).toMatch(/<testsuites name="tapegate verify: Verified 8 exchanges[^"]*" tests="8" failures="1" errors="0">/);
  });
});
