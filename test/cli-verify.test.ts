/**
 * `tapegate verify` as a user runs it: the built CLI in a child process, on cassettes written
 * with the real store in a temp folder. Every seeded violation is reported at its JSON
 * Pointer (text and JSON), the JUnit file is well-formed XML with the failures, exit codes
 * follow --fail-on, bad input exits 2 naming the file, and the config file is honoured.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../core/findings.js';
import { writeBrokenV1Contracts } from './fixtures/broken-contracts.js';
import { CLEAN, INFO_ONLY, SEEDED, WARN_ONLY, writeSeeded } from './fixtures/verify/seeded.js';
import { elements, parseXml } from './fixtures/verify/xml.js';
import { runCli } from './support/cli.js';

const V1_CONTRACTS = fileURLToPath(new URL('./fixtures/drift/apigateway-2015-07-09@1.43.67.json', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tapegate-verify-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]): ReturnType<typeof runCli> => runCli(args, { cwd: dir });

/** The seeded cassette at `seeded.cassette` in the temp folder. */
async function seeded(): Promise<string> {
  await writeSeeded(join(dir, 'seeded.cassette'));
  return 'seeded.cassette';
}

type Key = Pick<Finding, 'operation' | 'side' | 'severity' | 'code' | 'path'> & { seq: number };
const keyOf = (k: Key): string => `#${k.seq} ${k.operation} ${k.severity} ${k.side} ${k.path} [${k.code}]`;
const expectedKeys = (): string[] => SEEDED.flatMap((s, seq) => (s.expected ? [keyOf({ ...s.expected, seq })] : [])).sort();

/** The text report's entries: operation heading, then `SEVERITY side pointer [code]`, message, `at ...`. */
function textEntries(text: string): { key: string; message: string }[] {
  const lines = text.split('\n');
  const entries: { key: string; message: string }[] = [];
  let operation = '';
  for (const [i, line] of lines.entries()) {
    const heading = /^(\S+): \d+ findings? in \d+ exchanges?$/.exec(line);
    if (heading) operation = heading[1]!;
    const entry = /^ {2}(ERROR|WARN|INFO) +(request|response) (\S+) {2}\[([a-z-]+)\]$/.exec(line);
    if (!entry) continue;
    const at = /^ +at seeded\.cassette (#\d+(?:, #\d+)*)$/.exec(lines[i + 2] ?? '');
    expect(at, `the line after "${line}" names the cassette and seq`).not.toBeNull();
    for (const seq of at![1]!.split(', ')) {
      const [, severity, side, path, code] = entry as unknown as string[];
      entries.push({ key: `${seq} ${operation} ${severity!.toLowerCase()} ${side} ${path} [${code}]`, message: lines[i + 1]!.trim() });
    }
  }
  return entries;
}

describe('verify: the seeded cassette', () => {
  it('text: every violation under its operation, at its JSON Pointer, with cassette and seq; exit 1', async () => {
    const result = cli('verify', await seeded());
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    // Two findings on the bad patch path: the JSON Pointer rule and the patchable-members rule.
    expect(lines[0]).toBe('Verified 10 exchanges in 1 cassette against the bundled contracts: 8 error, 1 warn, 1 info in 5 of 5 operations.');
    expect(lines.at(-1)).toBe('Failed: 8 findings at error (--fail-on error).');
    const entries = textEntries(result.stdout);
    expect([...new Set(entries.map((e) => e.key))].sort()).toEqual(expectedKeys());
    // The sentence says what was expected and what came.
    const message = (pointer: string): string => entries.find((e) => e.key.includes(` ${pointer} `))!.message;
    expect(message('/body/contentHandlingStrategy')).toBe('"CONVERT_TO_TEXTT" is not one of "CONVERT_TO_BINARY", "CONVERT_TO_TEXT"');
    expect(message('/status')).toBe('status 200 where apigatewayv2.CreateIntegrationResponse answers 201');
    expect(message('/body/requestParameters/append:header.x-trace')).toMatch(/has length 513; expected at most 512$/);
    expect(message('/body/TimeoutInMillis')).toContain('expected "timeoutInMillis"');
    expect(message('/body/patchOperations/1/path')).toMatch(/^"responseTemplates\/application~1json" does not match \^/);
  });

  it('json: every violation at its JSON Pointer with the value received, cassette and seq', async () => {
    const result = cli('verify', await seeded(), '--format', 'json');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      failOn: string;
      failed: boolean;
      summary: Record<string, number>;
      cassettes: { path: string; exchanges: number; findings: number }[];
      operations: { operation: string; exchanges: number; findings: (Finding & { cassette: string; seq: number; received?: unknown })[] }[];
    };
    expect(report).toMatchObject({ failOn: 'error', failed: true, summary: { cassettes: 1, exchanges: 10, operations: 5, error: 8, warn: 1, info: 1 } });
    expect(report.cassettes).toEqual([{ path: 'seeded.cassette', exchanges: 10, findings: 10 }]);
    const findings = report.operations.flatMap((group) => group.findings.map((f) => ({ ...f, group: group.operation })));
    expect(findings.every((f) => f.group === f.operation && f.cassette === 'seeded.cassette')).toBe(true);
    expect([...new Set(findings.map((f) => keyOf(f)))].sort()).toEqual(expectedKeys());
    const received = (path: string): unknown => findings.find((f) => f.path === path)?.received;
    expect(received('/body/contentHandlingStrategy')).toBe('CONVERT_TO_TEXTT');
    expect(received('/body/patchOperations/1/path')).toBe('responseTemplates/application~1json');
    expect(received('/status')).toBe(200);
    expect(received('/headers/x-amzn-errortype')).toBe('ValidationException');
    expect(received('/body/integrationLatencyP99')).toBe(12);
    expect(received('/body')).toBe('<html>Gateway & "proxy" error</html>');
    expect(findings.find((f) => f.code === 'missing-required')).not.toHaveProperty('received');
    // Operations are listed with their exchange counts, by name.
    expect(report.operations.map((g) => [g.operation, g.exchanges])).toEqual([
      ['apigateway.GetIntegrationResponse', 3],
      ['apigateway.UpdateIntegrationResponse', 1],
      ['apigatewayv2.CreateIntegrationResponse', 2],
      ['apigatewayv2.GetApi', 1],
      ['apigatewayv2.UpdateIntegration', 3],
    ]);
  });

  it("--output into a folder that does not exist yet makes it (the README's CI example writes reports/tapegate.xml)", async () => {
    const file = await seeded();
    const result = cli('verify', file, '--format', 'junit', '--output', 'reports/ci/tapegate.xml', '--fail-on', 'never');
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'reports', 'ci', 'tapegate.xml'), 'utf8')).toMatch(/^<\?xml/);
  });

  it('junit --output: well-formed XML, a suite per cassette, a testcase per exchange, a failure per finding at or above --fail-on', async () => {
    const file = await seeded();
    const result = cli('verify', file, '--format', 'junit', '--output', 'verify.xml');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      'Verified 10 exchanges in 1 cassette against the bundled contracts: 8 error, 1 warn, 1 info in 5 of 5 operations.\n' +
        'Failed: 8 findings at error (--fail-on error).\nReport (junit) written to verify.xml\n',
    );
    const root = parseXml(readFileSync(join(dir, 'verify.xml'), 'utf8'));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '10', failures: '7' });
    const [suite, ...others] = elements(root, 'testsuite');
    expect(others).toEqual([]);
    expect(suite!.attributes).toMatchObject({ name: 'seeded.cassette', tests: '10', failures: '7' });
    const cases = elements(suite!, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(SEEDED.map((s, seq) => `#${seq} ${s.call.method} ${s.call.path}`));
    expect(cases.map((c) => c.attributes.classname)).toEqual(SEEDED.map((s) => s.call.operation));
    const failures = cases.map((c) => elements(c, 'failure').map((f) => f.attributes.type));
    expect(failures).toEqual(
      SEEDED.map((s) => (s.expected?.severity === 'error' ? (s.expected.code === 'pattern-mismatch' ? [s.expected.code, s.expected.code] : [s.expected.code]) : [])),
    );
    // Below --fail-on: noted, not failed. Markup in a finding comes back intact once parsed.
    expect(elements(cases[7]!, 'system-out')[0]!.text).toContain('warn response /headers/x-amzn-errortype [undeclared-error]');
    expect(elements(cases[9]!, 'system-out')[0]!.text).toContain('info response /body/integrationLatencyP99 [unknown-field]');
    expect(elements(cases[8]!, 'failure')[0]!.attributes.message).toBe('response /body: body is not JSON (36 bytes starting "<html>Gateway & \\"proxy\\" ")');
  });

  it('junit follows --fail-on: warn fails the undeclared error too, never fails nothing', async () => {
    const file = await seeded();
    const warn = cli('verify', file, '--format', 'junit', '--fail-on', 'warn');
    expect(warn.status).toBe(1);
    const warnCases = elements(parseXml(warn.stdout), 'testcase');
    expect(elements(warnCases[7]!, 'failure').map((f) => f.attributes.type)).toEqual(['undeclared-error']);
    expect(elements(warnCases[9]!, 'failure')).toEqual([]);

    const never = cli('verify', file, '--format', 'junit', '--fail-on', 'never');
    expect(never.status).toBe(0);
    const root = parseXml(never.stdout);
    expect(root.attributes.failures).toBe('0');
    expect(elements(root, 'failure')).toEqual([]);
    expect(elements(root, 'system-out')).toHaveLength(9);
  });

  it('the XML check itself refuses what is not well-formed', () => {
    const bad = ['<a><b></a></b>', '<a x="1" x="2"/>', '<a x="<"/>', '<a>Tom & Jerry</a>', '<a/><b/>', '<a>\u0001</a>', '<a x=1/>', '<a>'];
    for (const text of bad) expect(() => parseXml(text), text).toThrow(/not well-formed XML/);
    expect(parseXml('<?xml version="1.0"?>\n<a x="&quot;&#60;"><b>1 &amp; 2</b></a>\n')).toEqual({
      name: 'a',
      attributes: { x: '"<' },
      text: '',
      children: [{ name: 'b', attributes: {}, children: [], text: '1 & 2' }],
    });
  });
});

describe('verify: exit codes follow --fail-on', () => {
  it.each([
    { name: 'the seeded cassette', exchanges: SEEDED, failOn: 'error', status: 1 },
    { name: 'the seeded cassette', exchanges: SEEDED, failOn: 'never', status: 0 },
    { name: 'a cassette whose worst finding is a warn', exchanges: WARN_ONLY, failOn: 'warn', status: 1 },
    { name: 'a cassette whose worst finding is a warn', exchanges: WARN_ONLY, failOn: 'error', status: 0 },
    { name: 'a cassette whose worst finding is an info', exchanges: INFO_ONLY, failOn: 'warn', status: 0 },
    { name: 'a clean cassette', exchanges: CLEAN, failOn: 'warn', status: 0 },
  ])('$name with --fail-on $failOn exits $status', async ({ exchanges, failOn, status }) => {
    await writeSeeded(join(dir, 'x.cassette'), exchanges);
    const result = cli('verify', 'x.cassette', '--fail-on', failOn);
    expect(result.status).toBe(status);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(status === 1 ? /^Failed: / : /^Passed: /);
  });
});

describe('verify: folders and bad input', () => {
  it('searches folders at any depth; stays silent on stderr when it is not a terminal, even for many cassettes', async () => {
    for (let i = 0; i < 21; i++) {
      mkdirSync(join(dir, 'tapes', `t${i % 3}`), { recursive: true });
      await writeSeeded(join(dir, 'tapes', `t${i % 3}`, `c${String(i).padStart(2, '0')}.cassette`), CLEAN);
    }
    const result = cli('verify', 'tapes', 'tapes/t0/c00.cassette', '--format', 'json');
    expect(result).toMatchObject({ status: 0, stderr: '' });
    const report = JSON.parse(result.stdout) as { cassettes: { path: string }[] };
    // The cassette named again beside its folder is verified once.
    expect(report.cassettes).toHaveLength(21);
    expect(report.cassettes[0]!.path).toBe(join('tapes', 't0', 'c00.cassette'));
  });

  it('a missing file exits 2 naming it', () => {
    const result = cli('verify', 'nope.cassette');
    expect(result).toMatchObject({ status: 2, stdout: '' });
    expect(result.stderr).toBe('tapegate: Failed to verify "nope.cassette": no such file or folder\n');
  });

  it('a corrupt cassette in a folder exits 2 naming it, whatever --fail-on says', async () => {
    mkdirSync(join(dir, 'tapes'));
    await writeSeeded(join(dir, 'tapes', 'a-good.cassette'), CLEAN);
    await writeSeeded(join(dir, 'tapes', 'b-bad.cassette'), CLEAN);
    const bytes = readFileSync(join(dir, 'tapes', 'b-bad.cassette'));
    writeFileSync(join(dir, 'tapes', 'b-bad.cassette'), bytes.subarray(0, bytes.length - 5));
    const result = cli('verify', 'tapes', '--fail-on', 'never');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^tapegate: Failed to read cassette "tapes\/b-bad\.cassette": /);
  });

  it('a file that is not a cassette, an empty folder, or nothing to verify exits 2', () => {
    writeFileSync(join(dir, 'notes.cassette'), 'hello');
    expect(cli('verify', 'notes.cassette')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^tapegate: Failed to read cassette "notes\.cassette": /) as string });
    mkdirSync(join(dir, 'empty'));
    expect(cli('verify', 'empty').stderr).toBe('tapegate: Failed to verify "empty": no cassettes (*.cassette) in it or below it\n');
    expect(cli('verify')).toMatchObject({ status: 2, stderr: expect.stringContaining('none named, and no "cassettes" folder in tapegate.config.json') as string });
    expect(cli('verify', 'x.cassette', '--format', 'xml').status).toBe(2);
  });
});

describe('verify: the config file and --contracts', () => {
  it('takes failOn and the cassettes folder from tapegate.config.json; flags win', async () => {
    mkdirSync(join(dir, 'recordings'));
    await writeSeeded(join(dir, 'recordings', 'w.cassette'), WARN_ONLY);
    writeFileSync(join(dir, 'tapegate.config.json'), JSON.stringify({ failOn: 'warn', cassettes: 'recordings' }));
    const fromConfig = cli('verify');
    expect(fromConfig.status).toBe(1);
    expect(fromConfig.stdout).toContain('Failed: 1 finding at warn or error (--fail-on warn).');
    expect(fromConfig.stdout).toContain(`at ${join(dir, 'recordings', 'w.cassette')} #0`);
    expect(cli('verify', '--fail-on', 'error').status).toBe(0);
  });

  it('--config names another file; a mistake in it exits 2 naming the key', async () => {
    await writeSeeded(join(dir, 'w.cassette'), WARN_ONLY);
    mkdirSync(join(dir, 'ci'));
    writeFileSync(join(dir, 'ci', 'strict.json'), JSON.stringify({ failOn: 'warn' }));
    expect(cli('verify', 'w.cassette', '--config', 'ci/strict.json').status).toBe(1);
    writeFileSync(join(dir, 'ci', 'bad.json'), JSON.stringify({ failOn: 'fatal' }));
    expect(cli('verify', 'w.cassette', '--config', 'ci/bad.json')).toMatchObject({
      status: 2,
      stderr: 'tapegate: Failed to read config "ci/bad.json": /failOn must be one of error, warn, never (got "fatal")\n',
    });
    expect(cli('verify', 'w.cassette', '--config', 'ci/none.json')).toMatchObject({ status: 2, stderr: 'tapegate: Failed to read config "ci/none.json": no such file\n' });
  });

  it("checks against the contracts of --contracts alone, or the bundled ones with the config's contracts folders beside them", async () => {
    mkdirSync(join(dir, 'v1-only'));
    copyFileSync(V1_CONTRACTS, join(dir, 'v1-only', 'apigateway-2015-07-09.json'));
    await writeSeeded(join(dir, 'x.cassette'), [SEEDED[0]!, SEEDED[1]!]);
    const check = (result: ReturnType<typeof cli>, label: string): void => {
      expect(result.status).toBe(1);
      expect(result.stdout.split('\n')[0]).toBe(`Verified 2 exchanges in 1 cassette against ${label}: 1 error, 0 warn, 0 info in 1 of 2 operations.`);
      expect(result.stdout).toContain('ERROR    request /path  [unknown-operation]\n           no contract for operation apigatewayv2.UpdateIntegration');
    };
    check(cli('verify', 'x.cassette', '--contracts', 'v1-only'), 'v1-only');
    // The config's folders load beside the bundled ones: v2 is known again, and the project's v1 replaces the bundled v1.
    writeFileSync(join(dir, 'tapegate.config.json'), JSON.stringify({ contracts: ['v1-only'] }));
    const beside = cli('verify', 'x.cassette');
    expect(beside.stdout.split('\n')[0]).toMatch(
      /^Verified 2 exchanges in 1 cassette against the bundled contracts and v1-only \(apigateway\); apigateway replaces the bundled one: /,
    );
    expect(beside.stdout).not.toContain('[unknown-operation]');
    expect(cli('verify', 'x.cassette', '--contracts', 'missing')).toMatchObject({ status: 2, stderr: expect.stringContaining('"missing": no such folder') as string });
  });
});

describe('verify: a validator failure is a finding, not a crash', () => {
  it('an operation whose contract does not compile gets a validator-failure error per exchange; the others are still checked', async () => {
    mkdirSync(join(dir, 'broken'));
    writeBrokenV1Contracts(join(dir, 'broken'));
    const file = await seeded();
    const result = cli('verify', file, '--contracts', 'broken', '--format', 'json');
    expect(result).toMatchObject({ status: 1, stderr: '' });
    const report = JSON.parse(result.stdout) as { operations: { operation: string; findings: (Finding & { seq: number })[] }[] };
    const findings = report.operations.flatMap((group) => group.findings);
    const failures = findings.filter((f) => f.code === 'validator-failure');
    // #0 and #9 are GetIntegrationResponse successes (the broken schema); #7 is an error response, checked without it.
    expect(failures.map((f) => [f.seq, f.operation, f.severity, f.side, f.path])).toEqual([
      [0, 'apigateway.GetIntegrationResponse', 'error', 'request', ''],
      [9, 'apigateway.GetIntegrationResponse', 'error', 'request', ''],
    ]);
    expect(failures[0]!.message).toMatch(/^Failed to validate exchange #0: \w*Error: .*NoSuchShape/);
    expect(findings.find((f) => f.seq === 7)).toMatchObject({ code: 'undeclared-error' });
    expect(findings.filter((f) => f.seq === 4).map((f) => f.code)).toEqual(['pattern-mismatch', 'pattern-mismatch']);

    const markdown = cli('verify', file, '--contracts', 'broken', '--format', 'markdown');
    expect(markdown.status).toBe(1);
    expect(markdown.stdout).toMatch(/\| \*\*error\*\* \| `apigateway.GetIntegrationResponse` \| `request` \| – \| Failed to validate exchange #0: [^|]*NoSuchShape[^|]* \|/);
  });
});
