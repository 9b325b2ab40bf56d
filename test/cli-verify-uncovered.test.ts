/**
 * Issue 11: `tapegate verify` on a cassette that mixes correct API Gateway traffic with other
 * services (as a real emulator suite records it) exits 0 under --fail-on error, and every
 * report format lists the services not covered with their exchange counts. The built CLI in
 * a child process, on a cassette written with the real store.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHeader } from '../cassettes/format/format.js';
import { writeCassette } from '../cassettes/format/store.js';
import type { Body, Exchange } from '../core/exchange.js';
import { runCli } from './support/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tapegate-verify-uncovered-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]): ReturnType<typeof runCli> => runCli(args, { cwd: dir });
const json = (value: unknown): Body => ({ kind: 'json', value });
const form = (text: string): Body => ({ kind: 'bytes', bytes: new TextEncoder().encode(text) });
const JSON_HEADERS = { 'content-type': 'application/json' };
const V1_RESPONSE = '/restapis/a1b2c3d4e5/resources/r00t01/methods/GET/integration/responses/200';

function exchange(
  seq: number,
  operation: string | null,
  service: string | undefined,
  method: string,
  path: string,
  headers: Record<string, string>,
  request: Body,
  response: Body,
): Exchange {
  return {
    seq,
    operation,
    ...(service === undefined ? {} : { service }),
    request: { method, path, query: {}, headers, body: request },
    response: { status: 200, headers: JSON_HEADERS, body: response },
    timing: { startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(), durationMs: 10 },
  };
}

const cognito = (seq: number, action: string): Exchange =>
  exchange(
    seq,
    null,
    'cognito-idp',
    'POST',
    '/',
    { 'x-amz-target': `AWSCognitoIdentityProviderService.${action}`, 'content-type': 'application/x-amz-json-1.1' },
    json({ PoolName: 'p', ClientId: null }),
    json({ UserPool: { Id: 'u1' } }),
  );

async function mixed(): Promise<string> {
  const exchanges = [
    // Correct API Gateway traffic, null members and all (as emulators answer).
    exchange(
      0,
      'apigateway.GetIntegrationResponse',
      'apigateway',
      'GET',
      V1_RESPONSE,
      {},
      { kind: 'empty' },
      json({ statusCode: '200', selectionPattern: null, responseTemplates: { 'application/json': '{}' }, contentHandling: null }),
    ),
    cognito(1, 'CreateUserPool'),
    cognito(2, 'CreateUserPoolClient'),
    exchange(
      3,
      null,
      'cloudformation',
      'POST',
      '/',
      { 'content-type': 'application/x-www-form-urlencoded' },
      form('Action=DescribeStacks&Version=2010-05-15'),
      form('<DescribeStacksResponse/>'),
    ),
    cognito(4, 'DeleteUserPool'),
    exchange(5, null, 'eks', 'GET', '/clusters', {}, { kind: 'empty' }, json({ clusters: [] })),
  ];
  const header = createHeader({ toolVersion: '0.1.0', createdAt: new Date('2026-01-01T00:00:00Z'), services: [{ service: 'apigateway', apiVersion: '2015-07-09' }] });
  await writeCassette(join(dir, 'mixed.cassette'), header, exchanges);
  return 'mixed.cassette';
}

const NOT_COVERED = 'Not covered (no contracts, not checked): cloudformation 1 exchange, cognito-idp 3 exchanges, eks 1 exchange.';

describe('verify: other services in the cassette are not covered, not errors', () => {
  it('text: exit 0 under --fail-on error, the services not covered counted in the first line', async () => {
    const result = cli('verify', await mixed(), '--fail-on', 'error');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toContain(NOT_COVERED);
    expect(lines[0]).toMatch(/: 0 error, 0 warn, \d+ info /);
    expect(result.stdout).toContain('[uncovered-service]');
    expect(result.stdout).toContain('[null-member]');
    expect(lines.at(-1)).toBe('Passed: no findings at error (--fail-on error).');
  });

  it('json: uncovered counts per service in the head, not a failure', async () => {
    const result = cli('verify', await mixed(), '--format', 'json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { failed: boolean; uncovered: Record<string, number>; summary: { error: number } };
    expect(report.failed).toBe(false);
    expect(report.summary.error).toBe(0);
    expect(report.uncovered).toEqual({ cloudformation: 1, 'cognito-idp': 3, eks: 1 });
  });

  it('markdown and junit list the services not covered with their counts, without failures', async () => {
    const file = await mixed();
    const markdown = cli('verify', file, '--format', 'markdown');
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toContain(NOT_COVERED);
    const junit = cli('verify', file, '--format', 'junit', '--output', 'verify.xml');
    expect(junit.status).toBe(0);
    const xml = readFileSync(join(dir, 'verify.xml'), 'utf8');
    expect(xml).toContain(NOT_COVERED);
    expect(xml).toContain('failures="0"');
    expect(xml).not.toContain('<failure');
  });

  it('an older cassette without recorded services: X-Amz-Target and an AWS Host name them', async () => {
    const header = createHeader({ toolVersion: '0.1.0', createdAt: new Date('2026-01-01T00:00:00Z'), services: [] });
    await writeCassette(join(dir, 'old.cassette'), header, [
      exchange(0, null, undefined, 'POST', '/', { 'x-amz-target': 'AWSCognitoIdentityProviderService.DeleteUserPool' }, json({ UserPoolId: 'p' }), json({})),
      // A query service the contracts lack (STS is bundled since issue 13).
      exchange(
        1,
        null,
        undefined,
        'POST',
        '/',
        { host: 'elasticache.amazonaws.com' },
        form('Action=DescribeCacheClusters&Version=2015-02-02'),
        form('<DescribeCacheClustersResponse/>'),
      ),
      // Nothing names a service: an unknown API Gateway call, still an error.
      exchange(2, null, undefined, 'GET', '/restapis-typo', {}, { kind: 'empty' }, json({})),
    ]);
    const result = cli('verify', 'old.cassette', '--format', 'json');
    const report = JSON.parse(result.stdout) as { uncovered: Record<string, number>; summary: { error: number } };
    expect(report.uncovered).toEqual({ AWSCognitoIdentityProviderService: 1, elasticache: 1 });
    expect(report.summary.error).toBe(1);
    expect(result.status).toBe(1);
  });

  it('--fail-on warn: still 0, uncovered services are info', async () => {
    expect(cli('verify', await mixed(), '--fail-on', 'warn').status).toBe(0);
  });
});
