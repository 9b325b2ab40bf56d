/**
 * `npm run test:clients`: the README and --help examples that call Python boto3, pytest or
 * the AWS CLI (Debian's python3-boto3, python3-pytest and awscli, which .ci/run installs),
 * run as pasted in the example project (test/support/example-project.ts) under `tapegate
 * exec`, replaying the cassettes recorded from the fake API Gateway. The rest of the
 * examples run in test/readme-examples.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandsOf } from '../support/example-commands.js';
import { exampleProject, type ExampleProject } from '../support/example-project.js';
import { helpPageExamples, readmeExamples, type Example } from '../support/readme-examples.js';
import { runExample } from '../support/run-example.js';

const readme = readmeExamples();
const shell = [...readme.filter((example) => example.kind === 'clients'), ...helpPageExamples().filter((example) => example.kind === 'clients')];
const [python] = readme.filter((example) => example.kind === 'python');
// The README's pytest test with the tapegate_cassette fixture: the sessions examples run it.
const [fixtureTest] = readme.filter((example) => example.kind === 'pytest');

let project: ExampleProject;
beforeAll(async () => {
  const quickstart = readme.find((example) => example.kind === 'ts')!.code;
  project = await exampleProject(quickstart);
}, 240_000);
afterAll(async () => {
  await project?.close();
});

async function runAll(example: Example): Promise<string[]> {
  const workspace = project.workspace();
  if (example.code.includes('tapegate_pytest')) writeFileSync(join(workspace, 'tests', 'test_orders.py'), fixtureTest!.code);
  const runs = await runExample(example.commands, workspace, project.env(workspace, true));
  for (const run of runs) expect(run.status, `${run.command}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(0);
  return runs.map((run) => run.stdout);
}

describe('examples with Python and the AWS CLI', () => {
  it('there are some: pytest under exec, the AWS CLI under exec, the boto3 endpoint snippet', () => {
    expect(shell.map((example) => example.code).join('\n')).toMatch(/-- pytest[\s\S]*aws apigateway get-rest-apis/);
    expect(python).toBeDefined();
    expect(fixtureTest?.code).toMatch(/def test_\w+\(tapegate_cassette\)/);
    expect(shell.filter((example) => example.code.includes('tapegate_pytest')).length).toBeGreaterThanOrEqual(2);
  });

  describe.concurrent('run as pasted, replaying offline', () => {
    it.each(shell.map((example) => [example.where, example.code, example] as const))('%s: %s', async (_where, _code, example) => {
      const outputs = await runAll(example);
      // pytest's own summary, or the AWS CLI's answer from the cassette.
      expect(outputs.join('\n')).toMatch(/1 passed|"name": "readme"/);
      // The per-test examples record against the fake, then replay each test from its own cassette.
      if (example.code.includes('tapegate_pytest')) expect(outputs.join('\n')).not.toMatch(/failed|error/i);
    });
  });

  it('the boto3 < 1.28 snippet makes a client for the endpoint tapegate exec gives it', async () => {
    const workspace = project.workspace();
    writeFileSync(join(workspace, 'client.py'), `${python!.code}\nprint(client.meta.endpoint_url)\n`);
    const [run] = await runExample(commandsOf('tapegate exec --cassette test/cassettes/smoke.cassette -- python3 client.py'), workspace, project.env(workspace, true));
    expect(run!.status, run!.stderr).toBe(0);
    expect(run!.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\n$/);
  });
});
