/** Listing a data folder reads only the head of each model, and must agree with reading it all. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { findModelFiles } from '../contracts/generator/read-model.js';
import { modelInputs } from './model-inputs.js';

const root = mkdtempSync(join(tmpdir(), 'tapegate-model-inputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(service: string, metadata: object, gzip: boolean, shapes: object = {}): void {
  const folder = join(root, service, '2020-01-01');
  mkdirSync(folder, { recursive: true });
  const text = JSON.stringify({ version: '2.0', metadata: { apiVersion: '2020-01-01', ...metadata }, operations: {}, shapes });
  writeFileSync(join(folder, gzip ? 'service-2.json.gz' : 'service-2.json'), gzip ? gzipSync(text) : text);
}

describe('modelInputs', () => {
  it('keeps the models of the protocols tapegate generates (rest-json, json, query, rest-xml), whatever else the metadata holds', () => {
    // bedrock-runtime's metadata has a nested object; a member called "metadata" follows it.
    write('nested', { protocol: 'rest-json', protocolSettings: { h2: 'optional' }, protocols: ['rest-json'], uid: 'nested-2020-01-01' }, true, {
      Request: { type: 'structure', members: { metadata: { shape: 'String' } } },
    });
    write('listed', { protocols: ['rest-json', 'json'], documentation: 'braces } and "quotes" {' }, false);
    write('query', { protocol: 'query', protocols: ['query'] }, true);
    write('ec2', { protocol: 'ec2', protocols: ['ec2'] }, true);
    write('json', { protocol: 'json' }, false);
    const inputs = modelInputs(findModelFiles(root));
    expect(inputs.map((input) => [input.service, input.apiVersion])).toEqual([
      ['json', '2020-01-01'],
      ['listed', '2020-01-01'],
      ['nested', '2020-01-01'],
      ['query', '2020-01-01'],
    ]);
    expect(inputs[0]!.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(inputs[2]!.load().operations)).toEqual([]);
  });
});
