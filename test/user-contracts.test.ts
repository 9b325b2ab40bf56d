/**
 * Any other service a user has, end to end, with the built CLI: `tapegate contracts generate`
 * makes contracts of a made-up json-protocol model (written to a temp folder at run time), the
 * project's tapegate.config.json names that folder in its `contracts` list, `tapegate record`
 * forwards requests an SDK would send (signed with @smithy/signature-v4 for the service) to a
 * loopback upstream, and `tapegate verify` routes them to the user's operations and checks them:
 * the good one clean, the bad one with the finding its contract gives.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readCassette } from '../cassettes/format/store.js';
import { NodeSha256 } from '../proxy/sha256.js';
import { writeBotocoreModel } from './support/botocore-model-file.js';
import { PROJECT_ROOT, runCli } from './support/cli.js';
import { startScriptedUpstream } from './support/scripted-upstream.js';
import { assertBuilt, Cleanups, isolatedEnv, randomCredentials, spawnCli, tempDir } from './record-fixtures.js';

beforeAll(() => assertBuilt(['contracts/load.ts', 'harness/config/load.ts', 'harness/config/contracts.ts', 'harness/commands/verify.ts']));

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

const TARGET_PREFIX = 'Widgets_20240101';

/** A small json 1.1 model, as botocore lays one out: `<service>/<apiVersion>/service-2.json`. */
const MODEL = {
  version: '2.0',
  metadata: {
    apiVersion: '2024-01-01',
    endpointPrefix: 'widgets',
    jsonVersion: '1.1',
    protocol: 'json',
    serviceFullName: 'Example Widgets',
    serviceId: 'Widgets',
    signatureVersion: 'v4',
    signingName: 'widgets',
    targetPrefix: TARGET_PREFIX,
    uid: 'widgets-2024-01-01',
  },
  operations: {
    CreateWidget: {
      name: 'CreateWidget',
      http: { method: 'POST', requestUri: '/' },
      input: { shape: 'CreateWidgetRequest' },
      output: { shape: 'Widget' },
      errors: [{ shape: 'WidgetExists' }],
    },
    GetWidget: { name: 'GetWidget', http: { method: 'POST', requestUri: '/' }, input: { shape: 'GetWidgetRequest' }, output: { shape: 'Widget' } },
  },
  shapes: {
    CreateWidgetRequest: { type: 'structure', required: ['Name'], members: { Name: { shape: 'Name' }, Colour: { shape: 'Colour' } } },
    GetWidgetRequest: { type: 'structure', required: ['WidgetId'], members: { WidgetId: { shape: 'Id' } } },
    Widget: { type: 'structure', members: { WidgetId: { shape: 'Id' }, Name: { shape: 'Name' }, Colour: { shape: 'Colour' }, CreatedAt: { shape: 'When' } } },
    WidgetExists: { type: 'structure', members: { message: { shape: 'Text' } }, error: { httpStatusCode: 400, senderFault: true }, exception: true },
    Id: { type: 'string', pattern: '^w-[0-9a-f]+$' },
    Name: { type: 'string', min: 1, max: 20 },
    Colour: { type: 'string', enum: ['RED', 'BLUE'] },
    When: { type: 'timestamp' },
    Text: { type: 'string' },
  },
};

async function project(): Promise<{ dir: string; botocore: string }> {
  const { dir, remove } = await tempDir();
  cleanups.add(remove);
  const botocore = join(dir, 'botocore-data');
  writeBotocoreModel(botocore, 'widgets', '2024-01-01', MODEL);
  return { dir, botocore };
}

/** A json-protocol request as an SDK sends it, signed for `widgets` in us-east-1 with throw-away credentials. */
async function signedRequest(url: string, operation: string, body: unknown): Promise<Response> {
  const target = new URL(url);
  const text = JSON.stringify(body);
  const signer = new SignatureV4({ service: 'widgets', region: 'us-east-1', credentials: randomCredentials(), sha256: NodeSha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: target.hostname,
    port: Number(target.port),
    path: '/',
    headers: {
      host: target.host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `${TARGET_PREFIX}.${operation}`,
      'content-length': String(Buffer.byteLength(text)),
    },
    body: text,
  });
  return fetch(`${url}/`, { method: 'POST', headers: signed.headers, body: text });
}

describe('a service of the user: generate, name it in the config, record, verify', () => {
  it('contracts generate writes the made-up json service, and contracts list --contracts reads it', async () => {
    const { dir, botocore } = await project();
    const out = join(dir, 'contracts-own');
    const generated = runCli(['contracts', 'generate', '--botocore', botocore, '--service', 'widgets', '--out', out]);
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
    expect(generated.stdout).toContain(`widgets 2024-01-01: 2 operations → ${join(out, 'widgets-2024-01-01.json')}`);
    const listed = runCli(['contracts', 'list', '--contracts', out, '--json']);
    expect(listed.status).toBe(0);
    expect((JSON.parse(listed.stdout) as { operation: string }[]).map((row) => row.operation).sort()).toEqual(['CreateWidget', 'GetWidget']);
  });

  it("contracts list, show and route read the config's contracts list, as verify does", async () => {
    const { dir, botocore } = await project();
    expect(runCli(['contracts', 'generate', '--botocore', botocore, '--service', 'widgets', '--out', join(dir, 'contracts-own')]).status).toBe(0);
    await writeFile(join(dir, 'tapegate.config.json'), JSON.stringify({ contracts: ['contracts-own'] }));

    const listed = runCli(['contracts', 'list', '--service', 'widgets', '--json'], { cwd: dir });
    expect(listed.stderr).toBe('');
    expect((JSON.parse(listed.stdout) as { operation: string }[]).map((row) => row.operation).sort()).toEqual(['CreateWidget', 'GetWidget']);
    const shown = runCli(['contracts', 'show', 'widgets.GetWidget'], { cwd: dir });
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('WidgetId');
    const routed = runCli(['contracts', 'route', 'POST', '/', '--target', `${TARGET_PREFIX}.GetWidget`], { cwd: dir });
    expect(routed.status).toBe(0);
    expect(routed.stdout).toContain('widgets.GetWidget');
    // Elsewhere, without the config, the bundled contracts alone: no widgets.
    const bundledOnly = runCli(['contracts', 'list', '--service', 'widgets']);
    expect(bundledOnly.status).toBe(2);
    expect(bundledOnly.stderr).toContain('no contracts for service "widgets"');
    // A config named with --config from anywhere.
    const named = runCli(['contracts', 'list', '--service', 'widgets', '--config', join(dir, 'tapegate.config.json')]);
    expect(named.status).toBe(0);
    expect(named.stdout).toContain('widgets.CreateWidget');
  });

  it('records against a loopback upstream and verify routes and checks the exchanges with the config-named contracts', async () => {
    const { dir, botocore } = await project();
    expect(runCli(['contracts', 'generate', '--botocore', botocore, '--service', 'widgets', '--out', join(dir, 'contracts-own')]).status).toBe(0);
    const answer = (body: unknown) => ({ status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) });
    const upstream = await startScriptedUpstream([
      answer({ WidgetId: 'w-1a', Name: 'gear', Colour: 'RED', CreatedAt: 1767225600 }),
      // An answer outside the contract: a colour the model does not have.
      answer({ WidgetId: 'w-1a', Name: 'gear', Colour: 'GREEN' }),
    ]);
    cleanups.add(() => upstream.close());
    const config = join(dir, 'tapegate.config.json');
    await writeFile(config, JSON.stringify({ contracts: ['contracts-own'], upstream: upstream.url }));
    const cassette = join(dir, 'widgets.cassette');

    const credentials = randomCredentials();
    const run = spawnCli(
      ['record', '--cassette', cassette, '--config', config],
      isolatedEnv(dir, { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey }),
      cleanups,
    );
    const url = await run.url;
    const created = await signedRequest(url, 'CreateWidget', { Name: 'gear', Colour: 'RED' });
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ WidgetId: 'w-1a' });
    expect((await signedRequest(url, 'GetWidget', { WidgetId: 'w-1a' })).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(upstream.received).toEqual(['POST /', 'POST /']);
    // The log says where the contracts came from (the folder in full: tapegate ran from elsewhere).
    expect(run.stderr()).toContain(`tapegate: contracts: the bundled contracts and ${join(dir, 'contracts-own')} (widgets)\n`);
    // Routed while recording: the cassette names the user's operations.
    expect((await readCassette(cassette)).exchanges.map((exchange) => [exchange.operation, exchange.service])).toEqual([
      ['widgets.CreateWidget', 'widgets'],
      ['widgets.GetWidget', 'widgets'],
    ]);

    const verified = runCli(['verify', cassette, '--config', config, '--format', 'json', '--fail-on', 'never'], { cwd: dir });
    expect(verified.status).toBe(0);
    const report = JSON.parse(verified.stdout) as { contracts: string; operations: { operation: string; findings: { code: string; path: string; severity: string }[] }[] };
    const byOperation = Object.fromEntries(report.operations.map((row) => [row.operation, row.findings.map((f) => [f.severity, f.code, f.path])]));
    expect(byOperation).toEqual({
      'widgets.CreateWidget': [],
      'widgets.GetWidget': [['warn', 'invalid-enum', '/body/Colour']],
    });
    expect(JSON.stringify(report)).not.toContain('uncovered-service');
  });

  it('a service of the same name as a bundled one replaces it, and the report says so', async () => {
    const { dir } = await project();
    await mkdir(join(dir, 'own'));
    // The project's own Lambda contracts (here the bundled file itself, as an older copy would be).
    await writeFile(join(dir, 'own', 'lambda-2015-03-31.json'), await readFile(join(PROJECT_ROOT, 'contracts', 'generated', 'lambda-2015-03-31.json')));
    await writeFile(join(dir, 'tapegate.config.json'), JSON.stringify({ contracts: 'own' }));
    const verified = runCli(['verify', join(PROJECT_ROOT, 'cassettes', 'examples', 'seed-scenario.cassette')], { cwd: dir });
    expect(verified.stderr).toBe('');
    expect(verified.stdout.split('\n')[0]).toMatch(/^Verified 21 exchanges in 1 cassette against the bundled contracts and own \(lambda\); lambda replaces the bundled one: /);
  });
});
