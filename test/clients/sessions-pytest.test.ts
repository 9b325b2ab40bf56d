/**
 * Per-test cassettes with Debian's boto3 and pytest, as a user runs them: the suite in
 * pytest-sessions/ (two files, twelve tests, each with the tapegate_cassette fixture, several
 * sending identical requests that get different answers) is recorded through
 * `tapegate exec --sessions --mode record` against the fake API Gateway, then replayed in
 * full with the fake gone, then each file alone. The pytest plugin comes from the package
 * (harness/pytest/tapegate_pytest.py), put on PYTHONPATH by exec.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCassette } from '../../cassettes/format/store.js';
import { runCliAsync, PROJECT_ROOT, type CliResult } from '../support/cli.js';
import { OFFLINE_ENV, PYTHON, recordingEnv } from '../support/debian-clients.js';
import { startFakeApiGateway, FAKE_APIGATEWAY_CREDENTIALS } from '../support/fake-apigateway/index.js';

const SUITE_FILES = ['test_rest_apis.py', 'test_http_apis.py'];
const dir = mkdtempSync(join(tmpdir(), 'tapegate-pytest-sessions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The suite runs from a copy, so pytest's rootdir (and the cassette names) are the suite's own.
const suite = join(dir, 'suite');
const cassettes = join(dir, 'cassettes');
cpSync(join(PROJECT_ROOT, 'test', 'clients', 'pytest-sessions'), suite, { recursive: true });

/** `tapegate exec --sessions ... -- python3 -m pytest -p tapegate_pytest ARGS`, in the suite's folder. */
function pytest(execArgs: string[], pytestArgs: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return runCliAsync(
    ['exec', '--sessions', '--cassette-dir', cassettes, ...execArgs, '--', PYTHON, '-m', 'pytest', '-p', 'tapegate_pytest', '-p', 'no:cacheprovider', '-q', ...pytestArgs],
    {
      cwd: suite,
      env: { PYTHONDONTWRITEBYTECODE: '1', TAPEGATE_MODE: undefined, TAPEGATE_URL: undefined, ...env },
    },
  );
}

describe('pytest with a cassette per test (tapegate_cassette)', () => {
  it(`has Debian's pytest (${PYTHON} -m pytest; .ci/run installs python3-pytest)`, () => {
    expect(spawnSync(PYTHON, ['-m', 'pytest', '--version']).status).toBe(0);
  });

  it('records the suite, replays it in full offline, and replays each file alone', async () => {
    const fake = await startFakeApiGateway();
    try {
      const record = await pytest(['--mode', 'record', '--upstream', fake.url], [], recordingEnv(FAKE_APIGATEWAY_CREDENTIALS));
      expect(record.status, record.stdout + record.stderr).toBe(0);
      expect(record.stdout).toMatch(/\b12 passed\b/);
      expect(record.stderr).toMatch(/^tapegate sessions summary: 12 sessions, 0 served, 0 missed, \d+ forwarded, \d+ recorded, 0 rejected$/m);
      expect(fake.signatures.rejected).toBe(0);
      expect(fake.requests).toBeGreaterThanOrEqual(40);
    } finally {
      await fake.close();
    }

    // One cassette per test, named after its module and test; none holds the session header.
    for (const file of SUITE_FILES) {
      const names = readdirSync(join(cassettes, file.replace(/\.py$/, ''))).sort();
      expect(names).toHaveLength(6);
      expect(names.every((name) => name.endsWith('.cassette'))).toBe(true);
    }
    const twice = await readCassette(join(cassettes, 'test_rest_apis', 'test_same_request_twice_gets_two_answers.cassette'));
    const creates = twice.exchanges.filter((e) => e.operation === 'apigateway.CreateRestApi');
    expect(creates.map((e) => e.request.body)).toEqual([creates[0]?.request.body, creates[0]?.request.body]);
    expect(creates[0]?.response.body).not.toEqual(creates[1]?.response.body);
    for (const exchange of twice.exchanges) expect(Object.keys(exchange.request.headers)).not.toContain('x-tapegate-session');

    // The whole suite, offline: no upstream, no credentials.
    const full = await pytest([], [], OFFLINE_ENV);
    expect(full.status, full.stdout + full.stderr).toBe(0);
    expect(full.stdout).toMatch(/\b12 passed\b/);
    expect(full.stderr).toMatch(/^tapegate sessions summary: 12 sessions, \d+ served, 0 missed, 0 forwarded, 0 recorded, 0 rejected$/m);

    // Each file alone: its tests' cassettes do not depend on what ran before them.
    for (const file of SUITE_FILES) {
      const alone = await pytest(['--repeat', 'error'], [file], OFFLINE_ENV);
      expect(alone.status, alone.stdout + alone.stderr).toBe(0);
      expect(alone.stdout).toMatch(/\b6 passed\b/);
      expect(alone.stderr).toMatch(/^tapegate sessions summary: 6 sessions, \d+ served, 0 missed/m);
    }
    // And one test alone, from the middle of a file.
    const one = await pytest([], ['test_http_apis.py::test_integration_responses_listed_before_and_after_create'], OFFLINE_ENV);
    expect(one.status, one.stdout + one.stderr).toBe(0);
    expect(one.stdout).toMatch(/\b1 passed\b/);
  });

  it('fails a test at teardown, naming its cassette, when its requests miss', async () => {
    // Uses the cassettes the test above recorded.
    expect(existsSync(join(cassettes, 'test_http_apis', 'test_create_http_api.cassette'))).toBe(true);
    const changed = join(dir, 'changed');
    mkdirSync(changed);
    // The same test name asking for another API than was recorded (and swallowing the error).
    writeFileSync(
      join(changed, 'test_http_apis.py'),
      'def test_create_http_api(tapegate_cassette):\n' +
        '    v2 = tapegate_cassette.client("apigatewayv2")\n' +
        '    try:\n' +
        '        v2.create_api(Name="renamed", ProtocolType="HTTP")\n' +
        '    except Exception:\n' +
        '        pass\n',
    );
    const run = await runCliAsync(['exec', '--sessions', '--cassette-dir', cassettes, '--', PYTHON, '-m', 'pytest', '-p', 'tapegate_pytest', '-p', 'no:cacheprovider', '-q'], {
      cwd: changed,
      env: { PYTHONDONTWRITEBYTECODE: '1', TAPEGATE_MODE: undefined, TAPEGATE_URL: undefined, ...OFFLINE_ENV },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/1 passed, 1 error/);
    expect(run.stdout).toContain("tapegate: 1 request(s) of this test missed its cassette 'test_http_apis/test_create_http_api.cassette'");
    expect(run.stderr).toMatch(/^ {2}test_http_apis\/test_create_http_api: 1 missed$/m);
  });
});
