/**
 * Every example the README and the `--help` pages show, sorted by how the examples tests run
 * it. The kinds are total: a block nothing here knows fails the test that lists them, so no
 * example is passed over quietly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, runCli } from './cli.js';
import { commandsOf, helpExamples, type ExampleCommand } from './example-commands.js';
import { fencedBlocks, type FencedBlock } from './markdown-fences.js';

export type ExampleKind =
  /** Shell commands run in the example project. */
  | 'shell'
  /** The same, but they call Python boto3, pytest or the AWS CLI: `npm run test:clients`. */
  | 'clients'
  /** They need the botocore models beside the checkout (../shared/models). */
  | 'models'
  /** TypeScript: type-checked against the installed package, and run. */
  | 'ts'
  /** Python: run under `tapegate exec` (test:clients). */
  | 'python'
  /** A tapegate.config.json: written into the project, then used. */
  | 'config'
  /** `[--flag ...]` command forms: each flag checked against the command's --help. */
  | 'synopsis'
  /** Commands of tapegate's own checkout (npm ci, npm test): CI runs them; checked to exist. */
  | 'repository'
  /** Output shown for reading (`text` fences): not run. */
  | 'output'
  /** Marked with a reason why it cannot run here (`needs-aws`, `needs-client`): counted. */
  | 'not-run'
  /** Run as pasted by a test of its own, which the annotation names (`own-test test/x.test.ts …`). */
  | 'own-test'
  /** A pytest test that uses the tapegate_cassette fixture: written into the project as tests/test_orders.py (test:clients). */
  | 'pytest';

export interface Example {
  /** `README.md:123` or `tapegate drift --help`. */
  where: string;
  /** null: a block of a kind no test knows (the README test fails on it). */
  kind: ExampleKind | null;
  code: string;
  commands: ExampleCommand[];
  block?: FencedBlock;
}

const CLIENT_PROGRAM = /(^|[\s'"(])(pytest|python3?|aws)(\s|$)/m;

function shellKind(code: string): ExampleKind {
  if (CLIENT_PROGRAM.test(code)) return 'clients';
  if (/\bbotocore\b|botocore-\d/.test(code)) return 'models';
  return 'shell';
}

function kindOf(block: FencedBlock): ExampleKind | null {
  if (block.annotation === 'synopsis' || block.annotation === 'repository' || block.annotation === 'own-test' || block.annotation === 'pytest') return block.annotation;
  if (block.annotation !== null) return /^needs-/.test(block.annotation) ? 'not-run' : null;
  if (block.lang === 'text') return 'output';
  if (block.lang === 'python') return 'python';
  if (block.lang === 'ts') return 'ts';
  if (block.lang === 'json') return 'config';
  if (block.lang === 'sh' || block.lang === 'bash') return shellKind(block.code);
  return null;
}

/** Every fenced block of README.md; `kind` null for one the tests do not know (a test fails on it). */
export function readmeExamples(): Example[] {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  return fencedBlocks(readme).map((block) => ({ where: `README.md:${block.line}`, kind: kindOf(block), code: block.code, commands: commandsOf(block.code), block }));
}

/** The command paths the CLI lists, read from its own help (`cassette show`, ...). */
function commandPaths(): string[] {
  const listed = (args: string[]): string[] => {
    const help = runCli([...args, '--help']).stdout;
    const section = help.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
    const prefix = ['tapegate', ...args].join(' ');
    return section
      .split('\n')
      .map((line) => new RegExp(`^  ${prefix} ([a-z-]+)`).exec(line)?.[1])
      .filter((name): name is string => name !== undefined)
      .map((name) => [...args, name].join(' '));
  };
  const top = listed([]);
  return ['', ...top, ...top.flatMap((path) => listed([path]))];
}

/** Every example of every --help page, once each (the same line on two pages runs once). */
export function helpPageExamples(): Example[] {
  const seen = new Set<string>();
  const examples: Example[] = [];
  for (const path of commandPaths()) {
    const help = runCli([...(path === '' ? [] : path.split(' ')), '--help']).stdout;
    for (const line of helpExamples(help)) {
      if (seen.has(line)) continue;
      seen.add(line);
      examples.push({ where: `tapegate ${path} --help`.replace('  ', ' '), kind: shellKind(line), code: line, commands: [{ text: line }] });
    }
  }
  return examples;
}
