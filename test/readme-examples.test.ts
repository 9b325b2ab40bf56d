/**
 * The README's examples and every `--help` example work as pasted (issue 12): each runs in
 * a project that installed tapegate from its packed tarball, against the test fake API
 * Gateway (the project's tapegate.config.json names it as upstream) or the cassettes recorded
 * from it. Those that call Python or the AWS CLI run in test/clients/readme-examples.test.ts.
 * An example that stops working fails here; one that cannot run says why in the README.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tapegateSubcommand } from './support/example-commands.js';
import { exampleProject, QUICKSTART_TEST, type ExampleProject } from './support/example-project.js';
import { helpPageExamples, readmeExamples, type Example } from './support/readme-examples.js';
import { runExample, type ExampleRun } from './support/run-example.js';
import { PROJECT_ROOT, runCli } from './support/cli.js';

const readme = readmeExamples();
const help = helpPageExamples();
const of = (kind: Example['kind']) => readme.filter((example) => example.kind === kind);
const [quickstart, nodeApi] = of('ts');

let project: ExampleProject;
beforeAll(async () => {
  // Records the project's cassettes and runs the quickstart once in record mode against the fake.
  project = await exampleProject(quickstart!.code);
}, 240_000);
afterAll(async () => {
  await project?.close();
});

/** A run that failed, said with everything needed to see why. */
function passed(run: ExampleRun): void {
  expect(run.status, `${run.command}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(0);
  if (!run.server) return;
  // It listened and answered a real SDK request (a 502 from an emulator address nobody serves is an answer too).
  expect(run.answered, `${run.command}: no answer\nstderr: ${run.stderr}`).toBeGreaterThanOrEqual(200);
  expect(run.stdout).toMatch(/summary: /);
}

async function runAll(example: Example): Promise<void> {
  const workspace = project.workspace();
  const runs = await runExample(example.commands, workspace, project.env(workspace));
  expect(runs).toHaveLength(example.commands.length);
  runs.forEach((run, i) => {
    passed(run);
    const shows = example.commands[i]!.shows;
    if (shows !== undefined) expect(run.stdout).toContain(shows);
  });
}

describe('README.md', () => {
  it('every block is of a kind the examples tests run or check, and few cannot run', () => {
    const unknown = readme.filter((example) => example.kind === null).map((example) => `${example.where} (${example.block?.lang || 'no language'})`);
    expect(unknown).toEqual([]);
    expect(of('ts')).toHaveLength(2);
    // Each one that cannot run says why, and they stay few.
    for (const example of of('not-run')) expect(example.block!.reason, example.where).not.toBe('');
    expect(of('not-run').length).toBeLessThanOrEqual(2);
    // A block run by a test of its own names that test, which reads the README for it.
    for (const example of of('own-test')) {
      const test = example.block!.reason.split(' ')[0]!;
      expect(readFileSync(join(PROJECT_ROOT, test), 'utf8'), example.where).toContain('README.md');
    }
    expect(of('pytest')).toHaveLength(1);
    expect(of('shell').length).toBeGreaterThanOrEqual(6);
  });

  describe.concurrent('shell examples run as pasted', () => {
    it.each(of('shell').map((example) => [example.where, example] as const))('%s', async (_where, example) => runAll(example), 180_000);
  });

  it.runIf(modelsPresent())(
    'shell examples that name botocore folders run as pasted',
    async () => {
      for (const example of of('models')) await runAll(example);
    },
    180_000,
  );

  it('the vitest quickstart passes as pasted, offline, from the cassette it recorded against the fake', () => {
    const workspace = project.workspace();
    expect(readFileSync(join(workspace, QUICKSTART_TEST), 'utf8')).toBe(quickstart!.code);
    const out = execFileSync('npx', ['vitest', 'run', QUICKSTART_TEST], { cwd: workspace, env: project.env(workspace), encoding: 'utf8', timeout: 120_000 });
    expect(out).toMatch(/1 passed/);
  }, 180_000);

  it('the Node API example runs with tsx, and both TypeScript examples type-check against the installed package', () => {
    const workspace = project.workspace();
    writeFileSync(join(workspace, 'node-api.ts'), nodeApi!.code);
    const env = project.env(workspace);
    execFileSync('npx', ['tsx', 'node-api.ts'], { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 });
    const compilerOptions = { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: true, types: ['node'] };
    writeFileSync(join(workspace, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['node-api.ts', QUICKSTART_TEST] }));
    execFileSync('npx', ['tsc', '-p', '.'], { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 });
  }, 180_000);

  it('the config file example is one tapegate reads: verify runs with it over its cassettes folder', async () => {
    const [config] = of('config');
    const workspace = project.workspace();
    writeFileSync(join(workspace, 'tapegate.config.json'), config!.code);
    // Its "contracts" list names one folder: a copy of the bundled contracts, each replacing the bundled one, as a project pins its own.
    cpSync(join(workspace, 'node_modules', 'tapegate', 'contracts', 'generated'), join(workspace, 'contracts'), { recursive: true });
    const [run] = await runExample([{ text: 'tapegate verify' }], workspace, project.env(workspace));
    passed(run!);
    expect(run!.stdout).toMatch(/test\/cassettes|exchange/);
  }, 120_000);

  it('each command form names only flags and values its --help lists', () => {
    for (const example of of('synopsis')) {
      // A line that does not start with tapegate continues the form above it.
      const forms = example.code.split('\n').reduce<string[]>((all, line) => {
        if (line.startsWith('tapegate ')) all.push(line);
        else if (line.trim() !== '' && !line.trim().startsWith('#') && all.length > 0) all[all.length - 1] += ` ${line.trim()}`;
        return all;
      }, []);
      expect(forms.length, example.where).toBeGreaterThan(0);
      for (const form of forms) {
        const page = runCli([...tapegateSubcommand(form)!, '--help']);
        expect(page.status, form).toBe(0);
        for (const [, flag] of form.matchAll(/--([a-z][a-z-]*)/g)) expect(page.stdout, `${form}: --${flag}`).toContain(`--${flag!.replace(/^no-/, '')}`);
        for (const [, flag, values] of form.matchAll(/--([a-z][a-z-]*) (\w+(?:\|\w+)+)/g)) {
          const line = page.stdout.split('\n').find((text) => text.trimStart().startsWith(`--${flag}`))!;
          for (const value of values!.split('|')) expect(line, `${form}: --${flag} ${value}`).toContain(`"${value}"`);
        }
      }
    }
  });

  it("the repository's own commands are npm scripts, and CI runs npm ci and npm test", () => {
    const scripts = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const example of of('repository')) {
      for (const { text } of example.commands) {
        const [, script] = /^npm (?:run )?([\w:-]+)/.exec(text) ?? [];
        expect(script === 'ci' || (script !== undefined && script in scripts), text).toBe(true);
      }
    }
    const ci = readFileSync(join(PROJECT_ROOT, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});

function modelsPresent(): boolean {
  try {
    readFileSync(join(PROJECT_ROOT, '..', 'shared', 'models', 'botocore-1.29.39', 'apigateway', '2015-07-09', 'service-2.json'));
    return true;
  } catch {
    return false;
  }
}

describe('--help examples', () => {
  it('there are examples on every page, and each is run below or by the clients test', () => {
    expect(help.length).toBeGreaterThanOrEqual(20);
    expect(help.filter((example) => example.kind === 'clients').map((example) => example.code)).toContain(
      'tapegate exec --cassette test/cassettes/smoke.cassette -- pytest tests/',
    );
    expect(help.every((example) => example.kind === 'shell' || example.kind === 'clients' || example.kind === 'models')).toBe(true);
  });

  describe.concurrent('run as pasted', () => {
    it.each(help.filter((example) => example.kind === 'shell').map((example) => [example.code, example] as const))('%s', async (_code, example) => runAll(example), 180_000);
  });

  it.runIf(modelsPresent())(
    'those that name botocore folders run as pasted',
    async () => {
      for (const example of help.filter((candidate) => candidate.kind === 'models')) await runAll(example);
    },
    180_000,
  );
});
