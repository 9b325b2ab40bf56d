/**
 * A recording against contracts whose JSON key changed below the top level of the body: a
 * Lambda answer and a DynamoDB answer (real 1.43.67 models, copied with one `locationName`
 * edited) recorded under the member's model name. Each is one breaking wire-name-changed at the
 * member's place in the body (list indices as `*`) naming both keys, as an XML element recorded
 * under its old name is (test/drift-wire.test.ts); against the unedited model the recording fits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledModelFile, editedModelFile, type EditableModel } from './support/edited-botocore-model.js';
import { createHeader } from '../cassettes/format/format.js';
import { writeCassette } from '../cassettes/format/store.js';
import type { Exchange } from '../core/exchange.js';
import { runDrift } from '../drift/run.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tapegate-drift-json-recorded-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const modelFile = bundledModelFile;
const changed = (service: string, edit: (model: EditableModel) => void): string => editedModelFile(join(dir, 'changed'), service, edit);

async function cassette(name: string, exchange: Exchange): Promise<string> {
  const file = join(dir, name);
  await writeCassette(file, createHeader({ toolVersion: '0.1.0', services: [] }), [exchange]);
  return file;
}

const timing = { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 3 };
const layer = (n: number) => ({ Arn: `arn:aws:lambda:eu-west-1:123456789012:layer:tools:${n}`, CodeSize: 1024 });

describe('tapegate drift: a recording against contracts whose nested JSON key changed', () => {
  it('Lambda: each layer recorded with "Arn" where the contracts now say "LayerArn"', async () => {
    const recorded = await cassette('lambda.cassette', {
      seq: 0,
      operation: 'lambda.GetFunctionConfiguration',
      service: 'lambda',
      request: { method: 'GET', path: '/2015-03-31/functions/resize/configuration', query: {}, headers: {}, body: { kind: 'empty' } },
      response: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: { kind: 'json', value: { FunctionName: 'resize', Runtime: 'nodejs20.x', Layers: [layer(1), layer(2)] } },
      },
      timing,
    });
    expect((await runDrift(recorded, modelFile('lambda'))).changes).toEqual([]);
    const report = await runDrift(
      recorded,
      changed('lambda', (m) => {
        m.shapes.Layer!.members.Arn!.locationName = 'LayerArn';
      }),
    );
    expect(report.changes).toEqual([
      {
        operation: 'lambda.GetFunctionConfiguration',
        side: 'response',
        pointer: '/body/Layers/*/Arn',
        // The names, not the values: every layer shows the same fact.
        before: 'Arn',
        after: 'LayerArn',
        severity: 'breaking',
        code: 'wire-name-changed',
        message:
          'Recorded responses carry member Arn as JSON key "Arn", where the contracts put it as JSON key "LayerArn" (member "Arn" is not in the contract (AWS may be ahead of the model)): the wire name changed; clients built on the contracts will not find it.',
        // Both layers show it; the exchange counts once.
        exchanges: [{ cassette: 'lambda.cassette', seq: 0 }],
        count: 1,
      },
    ]);
  });

  it('DynamoDB: a required key recorded under its old name is one wire-name-changed, not also a required member missing', async () => {
    const recorded = await cassette('dynamodb.cassette', {
      seq: 0,
      operation: 'dynamodb.DescribeTable',
      service: 'dynamodb',
      request: {
        method: 'POST',
        path: '/',
        query: {},
        headers: { 'x-amz-target': 'DynamoDB_20120810.DescribeTable', 'content-type': 'application/x-amz-json-1.0' },
        body: { kind: 'json', value: { TableName: 'pets' } },
      },
      response: {
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.0' },
        body: { kind: 'json', value: { Table: { TableName: 'pets', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] } } },
      },
      timing,
    });
    expect((await runDrift(recorded, modelFile('dynamodb'))).changes).toEqual([]);
    const report = await runDrift(
      recorded,
      changed('dynamodb', (m) => {
        m.shapes.KeySchemaElement!.members.AttributeName!.locationName = 'Name';
      }),
    );
    expect(report.changes.map(({ side, pointer, code, severity, before, after }) => ({ side, pointer, code, severity, before, after }))).toEqual([
      { side: 'response', pointer: '/body/Table/KeySchema/*/AttributeName', code: 'wire-name-changed', severity: 'breaking', before: 'AttributeName', after: 'Name' },
    ]);
    expect(report.changes[0]!.message).toMatch(/^Recorded responses carry member AttributeName as JSON key "AttributeName", where the contracts put it as JSON key "Name" /);
  });
});
