/**
 * The shared report stack on rows of its own: report order, merging the same fact seen in
 * several exchanges, the verdict in each report's words, JUnit following --fail-on for both
 * kinds of testcase, and Markdown that keeps recorded text from turning into markup.
 */
import { describe, expect, it } from 'vitest';
import { formatReport, writtenNotice } from './format.js';
import { groupByOperation, orderRows } from './group.js';
import { mergeSeen } from './merge.js';
import type { ReportModel } from './model.js';
import type { ReportRow } from './row.js';
import type { ReportStyle } from './style.js';
import { summarise } from './summary.js';
import { textEnd, textHead, textReport, textRows } from './text.js';
import { exitCodeFor, verdictLine } from './verdict.js';

const STYLE: ReportStyle = {
  labels: { error: 'breaking', warn: 'warn', info: 'info' },
  noun: { one: 'change', many: 'changes' },
  text: { severityWidth: 10, detailIndent: 4, seen: 'places', listClean: true },
};

const row = (operation: string | null, severity: ReportRow['severity'], pointer: string, extra: Partial<ReportRow> = {}): ReportRow => ({
  operation,
  severity,
  code: 'c',
  side: 'response',
  pointer,
  message: `at ${pointer}`,
  places: [],
  count: 0,
  ...extra,
});

function model(rows: ReportRow[], extra: Partial<ReportModel> = {}): ReportModel {
  return {
    style: STYLE,
    title: 'Title',
    summary: null,
    notes: [],
    operations: [],
    rows,
    failOn: 'error',
    verdict: true,
    json: { head: { kind: 'test' }, rows: 'in-order', row: (r) => ({ pointer: r.pointer }) },
    junit: { name: 'suites', suites: [{ name: 'one', cases: rows.map((r) => ({ row: r })) }] },
    ...extra,
  };
}

describe('report order', () => {
  it('puts the worst operation first, then by name; inside one the worst row, requests before responses before errors', () => {
    const rows = [
      row('b', 'info', '/body/z'),
      row('a', 'warn', '/body/y', { side: 'error', errorType: 'NotFound' }),
      row('a', 'warn', '/body/x'),
      row('a', 'warn', '/body/w', { side: 'request' }),
      row('c', 'error', '/status'),
      row(null, 'warn', '/path'),
    ];
    const groups = groupByOperation(rows, [{ operation: 'quiet', exchanges: 2 }, { operation: 'a', exchanges: 3 }, { operation: 'also-quiet' }]);
    expect(groups.map((g) => [g.operation, g.worst, g.exchanges])).toEqual([
      ['c', 'error', undefined],
      ['(no operation)', 'warn', undefined],
      ['a', 'warn', 3],
      ['b', 'info', undefined],
      // Operations without rows come last, in the order given.
      ['quiet', null, 2],
      ['also-quiet', null, undefined],
    ]);
    expect(groups[2]!.rows.map((r) => r.pointer)).toEqual(['/body/w', '/body/x', '/body/y']);
    expect(orderRows(rows).map((r) => r.pointer)).toEqual(['/status', '/path', '/body/w', '/body/x', '/body/y', '/body/z']);
  });

  it('counts rows by severity and the operations that have any', () => {
    const rows = [row('a', 'error', '/x'), row('a', 'info', '/y'), row('b', 'warn', '/z')];
    expect(summarise(rows, [{ operation: 'a' }, { operation: 'b' }, { operation: 'c' }])).toEqual({ error: 1, warn: 1, info: 1, operations: 3, operationsWithRows: 2 });
  });
});

describe('mergeSeen', () => {
  it('merges rows seen in recordings that differ only in where, and nothing else', () => {
    const seen = (cassette: string, seq: number, extra: Partial<ReportRow> = {}) => row('a', 'info', '/body/x', { places: [{ cassette, seq }], count: 1, ...extra });
    const merged = mergeSeen([seen('a.cassette', 0), seen('b.cassette', 3), seen('a.cassette', 1, { before: 1 }), row('a', 'info', '/body/x'), row('a', 'info', '/body/x')]);
    expect(merged.map((r) => [r.places, r.count])).toEqual([
      [
        [
          { cassette: 'a.cassette', seq: 0 },
          { cassette: 'b.cassette', seq: 3 },
        ],
        2,
      ],
      [[{ cassette: 'a.cassette', seq: 1 }], 1],
      // Rows not about recordings are never merged.
      [[], 0],
      [[], 0],
    ]);
  });

  it('text lists where a merged row was seen, grouped by cassette, and counts the rest', () => {
    const places = Array.from({ length: 5 }, (_, seq) => ({ cassette: seq < 3 ? 'a.cassette' : 'b.cassette', seq }));
    const text = formatReport(
      model([row('op', 'warn', '/body/x', { places, count: 9 })], {
        operations: [
          { operation: 'op', exchanges: 9 },
          { operation: 'clean', exchanges: 1 },
        ],
      }),
      'text',
    );
    expect(text).toBe(
      'Title\n\n' +
        'op: 1 change in 9 exchanges\n' +
        '  WARN      response /body/x  [c]\n    at /body/x\n    at a.cassette #0, #1, #2, b.cassette #3, #4, +4 more\n\n' +
        'Without changes: clean\n\n' +
        'Passed: no changes at breaking (--fail-on breaking).\n',
    );
  });
});

describe('verdict and exit code', () => {
  const rows = [row('a', 'warn', '/x'), row('a', 'info', '/y')];
  it("follow --fail-on and speak the report's words", () => {
    expect([exitCodeFor(rows, 'error'), exitCodeFor(rows, 'warn'), exitCodeFor(rows, 'never')]).toEqual([0, 1, 0]);
    expect(verdictLine(rows, 'warn', STYLE)).toBe('Failed: 1 change at warn or breaking (--fail-on warn).');
    expect(verdictLine(rows, 'never', STYLE)).toBe('Passed: --fail-on never.');
    expect(writtenNotice(model(rows, { failOn: 'warn', summary: '1 warn' }), 'junit', 'out.xml')).toBe(
      'Title\n1 warn\nFailed: 1 change at warn or breaking (--fail-on warn).\nReport (junit) written to out.xml\n',
    );
  });
});

describe('junit', () => {
  it('fails a row case, and a row inside a checked case, at or above --fail-on only', () => {
    const rows = [row('a', 'warn', '/x'), row('a', 'info', '/y')];
    const checked = { classname: 'a', name: '#0 GET /a', rows };
    const at = (failOn: ReportModel['failOn']) =>
      formatReport(
        model(rows, {
          failOn,
          junit: {
            name: 'n',
            suites: [
              { name: 'rows', cases: rows.map((r) => ({ row: r })) },
              { name: 'exchange', cases: [checked] },
            ],
          },
        }),
        'junit',
      );
    const warn = at('warn');
    expect(warn).toContain('<testsuites name="n" tests="3" failures="2" errors="0">');
    expect(warn).toContain('<testcase classname="a" name="warn response /x c">\n      <failure type="c" message="at /x"/>');
    expect(warn).toContain('<failure type="c" message="response /x: at /x">warn response /x [c]: at /x</failure>\n      <system-out>info response /y [c]: at /y</system-out>');
    const never = at('never');
    expect(never).not.toContain('<failure');
    expect(never).toContain('<testsuites name="n" tests="3" failures="0" errors="0">');
  });
});

describe('markdown', () => {
  it('keeps recorded text from becoming markup, and escapes pipes', () => {
    const rows = [
      row('a', 'error', '/body/html', { received: '<html>Bad & gone</html>', message: 'body is not JSON </details> | really' }),
      row('a', 'info', '/body/x', { before: null, after: '<b>', message: 'new' }),
    ];
    const markdown = formatReport(model(rows), 'markdown');
    expect(markdown).toContain('| **breaking** | `a` | `response /body/html` | &lt;html&gt;Bad &amp; gone&lt;/html&gt; | body is not JSON &lt;/details&gt; \\| really |');
    expect(markdown).toContain('| info | `a` | `response /body/x` | – → &lt;b&gt; | new |');
    expect(markdown.match(/<\/details>/g)).toHaveLength(1);
    expect(markdown.trimEnd().split('\n').at(-1)).toBe('Failed: 1 change at breaking (--fail-on breaking).');
  });
});

describe('text in pieces', () => {
  it('head, rows in batches, end: the whole report when the batches hold whole operations', () => {
    const first = [row('a', 'error', '/x'), row('a', 'info', '/y')];
    const second = [row('b', 'warn', '/z', { places: [{ cassette: 'c.cassette', seq: 2 }], count: 1 })];
    const whole = model([...first, ...second], {
      summary: '1 breaking, 1 warn, 1 info',
      notes: ['one note'],
      operations: [{ operation: 'a' }, { operation: 'b' }, { operation: 'clean' }],
    });
    const pieces = textHead(whole.title) + textRows(first, STYLE) + textRows(second, STYLE) + textEnd(whole);
    expect(pieces).toBe(textReport(whole));
    expect(pieces.split('\n').slice(-8)).toEqual([
      '',
      'Without changes: clean',
      '',
      'note: one note',
      '',
      '1 breaking, 1 warn, 1 info',
      'Failed: 1 change at breaking (--fail-on breaking).',
      '',
    ]);
    // A batch without rows writes nothing; the end without notes, summary or verdict neither.
    expect(textRows([], STYLE)).toBe('');
    expect(textEnd(model([], { verdict: false, style: { ...STYLE, text: { ...STYLE.text, listClean: false } } }))).toBe('');
  });
});
