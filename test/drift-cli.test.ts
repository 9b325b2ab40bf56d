/**
 * `tapegate drift` as a user runs it: the built CLI in a child process. Exit codes
 * (0 / 1 by --fail-on / 2 for bad input), the first line, the four formats, --output.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBotocoreModel } from './support/botocore-model-file.js';
import { runCli } from './support/cli.js';
import { writeCalls } from './fixtures/drift/cassette-builder.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/drift/${name}`, import.meta.url));
const V1_OLD = fixture('apigateway-2015-07-09@1.29.39.json');
const V1_NEW = fixture('apigateway-2015-07-09@1.43.67.json');
const V2_NEW = fixture('apigatewayv2-2018-11-29@1.43.67.json');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tapegate-drift-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A two-shape botocore model; `newer` adds an enum value and a response member. */
function widgetModel(newer: boolean): object {
  return {
    version: '2.0',
    metadata: { apiVersion: '2020-01-01', endpointPrefix: 'widgets', protocol: 'rest-json', serviceId: 'Widgets', uid: 'widgets-2020-01-01' },
    operations: {
      GetWidget: { name: 'GetWidget', http: { method: 'GET', requestUri: '/widgets/{id}' }, input: { shape: 'GetWidgetRequest' }, output: { shape: 'Widget' } },
    },
    shapes: {
      GetWidgetRequest: { type: 'structure', required: ['id'], members: { id: { shape: 'String', location: 'uri', locationName: 'id' } } },
      Widget: { type: 'structure', members: { id: { shape: 'String' }, color: { shape: 'Color' }, ...(newer ? { size: { shape: 'String' } } : {}) } },
      Color: { type: 'string', enum: newer ? ['RED', 'BLUE', 'GREEN'] : ['RED', 'BLUE'] },
      String: { type: 'string' },
    },
  };
}

function writeModel(release: string, newer: boolean, gzip = false): string {
  return writeBotocoreModel(join(dir, `botocore-${release}`), 'widgets', '2020-01-01', widgetModel(newer), { gzip });
}

describe('tapegate drift (the built CLI)', () => {
  it('compares two botocore models (folder and .json.gz) and names them in the first line', () => {
    writeModel('1.0.0', false);
    const newer = writeModel('1.1.0', true, true);
    const result = runCli(['drift', '--from', join(dir, 'botocore-1.0.0', 'widgets'), '--to', newer]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Comparing contracts: botocore widgets 2020-01-01 (1.0.0) → (1.1.0)');
    expect(result.stdout).toMatch(/WARN +response \/body\/color +\[enum-value-added\]/);
    expect(result.stdout).toMatch(/WARN +response \/body\/size +\[member-added\]/);
    expect(lines.at(-2)).toBe('0 breaking, 2 warn, 0 info in 1 of 1 operations.');
  });

  it('--fail-on sets the exit code: breaking (default), warn, never', () => {
    expect(runCli(['drift', '--from', V1_OLD, '--to', V1_NEW]).status).toBe(0);
    expect(runCli(['drift', '--from', V1_OLD, '--to', V1_NEW, '--fail-on', 'warn']).status).toBe(1);
    const backwards = runCli(['drift', '--from', V1_NEW, '--to', V1_OLD]);
    expect(backwards.status).toBe(1);
    expect(backwards.stdout.split('\n')[2]).toBe('apigateway.CreateDomainName');
    expect(backwards.stdout).toMatch(/BREAKING +request \/body\/securityPolicy +\[enum-value-removed\]/);
    expect(runCli(['drift', '--from', V1_NEW, '--to', V1_OLD, '--fail-on', 'never']).status).toBe(0);
    expect(runCli(['drift', '--from', V1_OLD, '--to', V1_NEW, '--strict-responses']).status).toBe(1);
  });

  it('prints JSON, Markdown and JUnit, and writes to --output', () => {
    const json = JSON.parse(runCli(['drift', '--from', V1_OLD, '--to', V1_NEW, '--format', 'json']).stdout) as {
      title: string;
      summary: { breaking: number; warn: number; info: number };
      changes: { operation: string }[];
    };
    expect(json.title).toBe('Comparing contracts: contracts apigateway 2015-07-09 (1.29.39) → (1.43.67)');
    expect(json.summary).toMatchObject({ breaking: 0, warn: 28, info: 11, changedOperations: 7, operations: 13 });
    expect(json.changes).toHaveLength(39);

    const markdown = runCli(['drift', '--from', V1_NEW, '--to', V1_OLD, '--format', 'markdown']).stdout;
    expect(markdown.split('\n')[0]).toBe('**Comparing contracts: contracts apigateway 2015-07-09 (1.43.67) → (1.29.39)**');
    expect(markdown).toMatch(/\| \*\*breaking\*\* \| `apigateway.CreateDomainNameAccessAssociation` \| `request` \|/);
    expect(markdown).toMatch(/<details><summary>\d+ info changes<\/summary>/);

    const output = join(dir, 'drift.xml');
    const written = runCli(['drift', '--from', V1_NEW, '--to', V1_OLD, '--format', 'junit', '--output', output]);
    expect(written.status).toBe(1);
    expect(written.stdout).toBe(
      `Comparing contracts: contracts apigateway 2015-07-09 (1.43.67) → (1.29.39)\n${written.stdout.split('\n')[1]}\nReport (junit) written to ${output}\n`,
    );
    const xml = readFileSync(output, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="Comparing contracts: /);
    expect(xml).toMatch(
      /<testsuite name="apigateway.GetIntegrationResponse" tests="1" failures="0" errors="0" skipped="0">\n {4}<testcase classname="apigateway.GetIntegrationResponse" name="no drift"\/>/,
    );
    expect(xml).toMatch(/<testsuite name="apigateway.CreateDomainNameAccessAssociation" tests="1" failures="1"/);
    expect(xml).toMatch(/<failure type="operation-removed" message="Operation POST \/domainnameaccessassociations is gone: clients that call it will fail."\/>/);
  });

  it('compares two cassettes and exits 1 on a changed status', async () => {
    const call = (status: number) => ({ operation: 'apigateway.DeleteRestApi', method: 'DELETE', path: '/restapis/a1', status });
    await writeCalls(join(dir, 'a.cassette'), [call(202)]);
    await writeCalls(join(dir, 'b.cassette'), [call(429)]);
    const result = runCli(['drift', '--from', join(dir, 'a.cassette'), '--to', join(dir, 'b.cassette')]);
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')[0]).toMatch(/^Comparing cassettes: .*a\.cassette \(1 exchange, recorded 2026-01-01\) → .*b\.cassette/);
    expect(result.stdout).toMatch(/BREAKING +response \/status +\[status-changed\]/);
  });
});

describe('tapegate drift: bad input exits 2 with a clear message', () => {
  it('refuses to compare v1 with v2', () => {
    const result = runCli(['drift', '--from', V1_NEW, '--to', V2_NEW]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'tapegate: Failed to compare "apigateway 2015-07-09" with "apigatewayv2 2018-11-29": they share no service; drift compares two versions of one service (apigateway with apigateway, apigatewayv2 with apigatewayv2)\n',
    );
  });

  it('refuses a file that is neither a model, contracts nor a cassette', () => {
    const json = join(dir, 'package.json');
    writeFileSync(json, '{"name": "not-a-model"}');
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello');
    const a = runCli(['drift', '--from', json, '--to', V1_NEW]);
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(
      /^tapegate: Failed to read drift input ".*package\.json": a JSON file that is neither a botocore model nor tapegate contracts; expected a botocore model/,
    );
    const b = runCli(['drift', '--from', V1_NEW, '--to', text]);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/^tapegate: Failed to read drift input ".*notes\.txt": not JSON and not a cassette/);
    const c = runCli(['drift', '--from', join(dir, 'nothing-here'), '--to', V1_NEW]);
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/Failed to read drift input ".*nothing-here": no such file or folder/);
    const d = runCli(['drift', '--from', dir, '--to', V1_NEW]);
    expect(d.status).toBe(2);
    expect(d.stderr).toMatch(/Failed to read drift input ".*": found none of them; expected a botocore model/);
  });

  it('refuses a corrupt cassette, saying where it breaks', async () => {
    const file = join(dir, 'broken.cassette');
    await writeCalls(file, [{ operation: 'apigateway.GetRestApi', method: 'GET', path: '/restapis/a1', status: 200, response: { id: 'a1' } }]);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 5));
    const result = runCli(['drift', '--from', file, '--to', V1_NEW]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^tapegate: Failed to read cassette ".*broken\.cassette": truncated record at byte \d+/);
    const garbage = join(dir, 'garbage.cassette');
    writeFileSync(garbage, 'not a cassette at all');
    const other = runCli(['drift', '--from', garbage, '--to', V1_NEW]);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/^tapegate: Failed to read cassette ".*garbage\.cassette": /);
  });

  it('refuses unknown options and values (yargs), exit 2', () => {
    const result = runCli(['drift', '--from', V1_OLD, '--to', V1_NEW, '--format', 'yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Invalid values/);
  });
});
