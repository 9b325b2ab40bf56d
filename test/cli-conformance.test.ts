/**
 * Every command of the built CLI behaves the same at its edges: `--help` exits 0 with at least
 * one example of that command, and a bad argument (missing, unknown, or a bad value) exits 2
 * with a message naming what was wrong and nothing on stdout. The command list is read from
 * the CLI's own help, so a new command without a row here fails the first test.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from './record-fixtures.js';
import { PROJECT_ROOT, runCliAsync, type CliResult } from './support/cli.js';

/** A bad argument list and what the message must name. */
type BadCase = [args: string[], names: RegExp];

/** By command path (`cassette show`); parents that only group subcommands are commands too. */
const BAD: Record<string, BadCase[]> = {
  contracts: [[[], /Name a contracts command: generate, list, show, route/]],
  'contracts generate': [[[], /Missing required arguments: botocore, out/]],
  'contracts list': [[['--colour'], /Unknown argument: colour/]],
  'contracts show': [[[], /expected <operation>/]],
  'contracts route': [[['GET'], /expected <method> <path>/]],
  replay: [
    [[], /Missing required argument: cassette/],
    [['--cassette', 'x.cassette', '--port', 'eighty'], /"--port": .*"eighty"/],
    [['--cassette', 'x.cassette', '--repeat', 'twice'], /Argument: repeat, Given: "twice"/],
    [['--cassette', 'x.cassette', '--config', 'missing.json'], /config "missing\.json": no such file/],
  ],
  record: [
    [[], /Missing required argument: cassette/],
    [['--cassette', 'x.cassette', '--upstream', 'ftp://x'], /"--upstream": .*"ftp:\/\/x"/],
    [['--cassette', 'x.cassette', '--redact-headers', 'x-api-key:'], /"--redact-headers": .*"x-api-key:"/],
  ],
  auto: [[['--cassette', 'x.cassette', '--fail-on', 'fatal'], /Argument: fail-on, Given: "fatal"/]],
  passthrough: [
    [['--upstream', 'ftp://x'], /"--upstream": .*"ftp:\/\/x"/],
    // Passthrough writes nothing, so it takes no cassette.
    [['--cassette', 'x.cassette'], /Unknown argument: cassette/],
  ],
  verify: [[['x.cassette', '--format', 'pdf'], /Argument: format, Given: "pdf"/]],
  drift: [
    [['--from', 'a'], /Missing required argument: to/],
    [['--from', 'a', '--to', 'b', '--format', 'pdf'], /Argument: format, Given: "pdf"/],
  ],
  exec: [
    [['--', 'true'], /exec needs --cassette FILE, or --sessions --cassette-dir DIR/],
    [['--cassette', 'x.cassette', '--port', 'eighty', '--', 'true'], /"--port": .*"eighty"/],
    [['--cassette', 'x.cassette', '--redact-headers', 'a b', '--', 'true'], /"--redact-headers": .*"a b"/],
    [['--cassette', 'x.cassette'], /needs a command after --: tapegate exec \[options\] -- <command> \[args…\]/],
    // The command without its -- (issue 12, item 7): not "Unknown arguments: c, python3".
    [['--cassette', 'x.cassette', 'python3', '-c', '1'], /Unknown arguments?: .*\. exec runs the command given after --: tapegate exec \[options\] -- <command> \[args…\]/],
  ],
  serve: [
    [[], /Missing required argument: cassette-dir/],
    [['--cassette-dir', 'c', '--mode', 'sometimes'], /Argument: mode, Given: "sometimes"/],
  ],
  cassette: [[[], /Name a cassette command: show, export, import, ls, recover, textconv/]],
  'cassette show': [[[], /expected <file>/]],
  'cassette export': [[['x.cassette', '--format', 'pdf'], /Unknown argument: format/]],
  'cassette import': [[[], /expected <file>/]],
  'cassette ls': [[['--jsno'], /Unknown argument: jsno/]],
  'cassette recover': [[[], /expected <file>/]],
  'cassette textconv': [[[], /expected <file>/]],
  demo: [[['--bogus'], /Unknown argument: bogus/]],
};

const PARENTS = ['contracts', 'cassette'];

// An empty folder as the current one: no tapegate.config.json, no cassette, nothing to find.
let cwd = '';
beforeAll(async () => {
  assertBuilt(['harness/cli.ts', 'harness/commands/index.ts', 'harness/commands/positionals.ts', 'harness/commands/proxy-config.ts']);
  cwd = await mkdtemp(join(tmpdir(), 'tapegate-conformance-'));
});
afterAll(() => rm(cwd, { recursive: true, force: true }));

function cli(args: string[]): Promise<CliResult> {
  return runCliAsync(args, { cwd });
}

/** The command names a help text lists under "Commands:" (`tapegate cassette show <file>` → `show`). */
function listedCommands(help: string, parent: string[]): string[] {
  const prefix = ['tapegate', ...parent].join(' ');
  const section = help.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
  const names: string[] = [];
  for (const line of section.split('\n')) {
    const match = new RegExp(`^  ${prefix} ([a-z-]+)`).exec(line);
    if (match?.[1] !== undefined) names.push(match[1]);
  }
  return names.sort();
}

describe('tapegate CLI conformance (built CLI)', () => {
  it('this table covers every command and subcommand the CLI lists', async () => {
    const top = listedCommands((await cli(['--help'])).stdout, []);
    const all = [...top];
    for (const parent of PARENTS) {
      expect(top).toContain(parent);
      all.push(...listedCommands((await cli([parent, '--help'])).stdout, [parent]).map((sub) => `${parent} ${sub}`));
    }
    expect(all.sort()).toEqual(Object.keys(BAD).sort());
  });

  describe.concurrent('--help exits 0 with an example of the command, no line wrapped', () => {
    it.each(Object.keys(BAD))('%s', async (command) => {
      const result = await cli([...command.split(' '), '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout.startsWith(`tapegate ${command}`)).toBe(true);
      const examples = result.stdout.split('\nExamples:\n')[1];
      expect(examples, 'an Examples: section').toBeDefined();
      expect(examples).toContain(`tapegate ${command}`);
      // Nothing is wrapped (issue 12, item 5): a wrapped line is a deeply indented
      // continuation of the one before, often from the middle of a word ("per-servi" / "ce").
      expect(result.stdout.split('\n').filter((line) => /^ {8,}\S/.test(line))).toEqual([]);
      // Every example is one intact line, ready to copy: the command, then what it does.
      for (const line of examples!.split('\n\n')[0]!.split('\n').filter(Boolean)) expect(line).toMatch(/^ {2}\S.* {2}\S/);
      // Every positional and option says what it is: a line of only its name and types says nothing.
      const undescribed = result.stdout.split('\n').filter((line) => /^ {2}(-\w, )?\s*[-\w]+ {2,}(\[[^\]]+\] ?)*$/.test(line));
      expect(undescribed).toEqual([]);
      // A flag the command cannot run without does not show a default it refuses.
      expect(result.stdout.split('\n').filter((line) => /required/i.test(line) && /\[default: false\]/.test(line))).toEqual([]);
    });
  });

  const badCases = Object.entries(BAD).flatMap(([command, cases]) => cases.map(([args, names]): BadCase => [[...command.split(' '), ...args], names]));
  describe.concurrent('a bad argument exits 2 naming it, with nothing on stdout', () => {
    it.each(badCases)('%j', async (args, names) => {
      const result = await cli(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^tapegate: /);
      expect(result.stderr).toMatch(names);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
    });
  });

  it('no command: exit 2 and a hint to --help', async () => {
    const result = await cli([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Name a command: tapegate --help lists them/);
  });

  it('an unknown command: exit 2 naming it', async () => {
    const result = await cli(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown argument: frobnicate/);
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await cli(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });
});
