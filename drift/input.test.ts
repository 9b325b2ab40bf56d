import { mkdtemp, rm, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCalls } from '../test/fixtures/drift/cassette-builder.js';
import { loadDriftSource } from './input.js';

const V2 = fileURLToPath(new URL('../test/fixtures/drift/apigatewayv2-2018-11-29@1.43.67.json', import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapegate-drift-input-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const minimalModel = {
  metadata: { apiVersion: '2020-01-01', protocol: 'rest-json', uid: 'widgets-2020-01-01' },
  operations: { Ping: { name: 'Ping', http: { method: 'GET', requestUri: '/ping' } } },
  shapes: {},
};

describe('loadDriftSource', () => {
  it('reads a contracts file, and a folder of them', async () => {
    expect(await loadDriftSource(V2)).toMatchObject({ kind: 'contracts', origin: 'contracts', services: [{ service: 'apigatewayv2' }] });
    await copyFile(V2, join(dir, 'apigatewayv2-2018-11-29.json'));
    expect(await loadDriftSource(dir)).toMatchObject({ kind: 'contracts', origin: 'contracts', services: [{ service: 'apigatewayv2' }] });
  });

  it('reads a botocore model under any name, generating its contracts (service from metadata.uid)', async () => {
    const file = join(dir, 'some-model.json');
    await writeFile(file, JSON.stringify(minimalModel));
    const source = await loadDriftSource(file);
    expect(source).toMatchObject({ kind: 'contracts', origin: 'botocore', services: [{ service: 'widgets', apiVersion: '2020-01-01' }] });
    expect(source.kind === 'contracts' && Object.keys(source.services[0]!.operations)).toEqual(['Ping']);
  });

  it('reads a cassette by extension or by its signature, and a folder of cassettes', async () => {
    const call = { operation: null, method: 'GET', path: '/ping', status: 200 };
    await mkdir(join(dir, 'tapes'));
    await writeCalls(join(dir, 'tapes', 'one.cassette'), [call]);
    await writeCalls(join(dir, 'tapes', 'two.cassette'), [call, call]);
    await copyFile(join(dir, 'tapes', 'one.cassette'), join(dir, 'renamed.bin'));
    expect(await loadDriftSource(join(dir, 'renamed.bin'))).toMatchObject({ kind: 'cassettes', cassettes: [{ name: 'renamed.bin' }] });
    const folder = await loadDriftSource(join(dir, 'tapes'));
    expect(folder.kind === 'cassettes' && folder.cassettes.map((c) => [c.name, c.exchanges.length])).toEqual([
      ['one.cassette', 1],
      ['two.cassette', 2],
    ]);
  });

  it('says what it expected when the input is none of them', async () => {
    await writeFile(join(dir, 'data.json'), '[1, 2, 3]');
    await expect(loadDriftSource(join(dir, 'data.json'))).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/^Failed to read drift input ".*data\.json": a JSON file that is neither a botocore model nor tapegate contracts; expected /) as string,
    });
  });
});
