/**
 * Drift for the json protocol: two versions of a made-up json model (written to a temp folder
 * at run time) compare like rest-json ones, operation by operation; recordings of a json
 * service are checked against its contracts; cassettes of json calls pair by operation.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCassette } from '../cassettes/format/store.js';
import { createHeader } from '../cassettes/format/format.js';
import type { Exchange } from '../core/exchange.js';
import { defaultContractsDir } from '../contracts/load.js';
import { runDrift } from '../drift/run.js';
import { driftBetweenModels } from './support/drift-between-models.js';
import { driftBrief } from './support/drift-brief.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapegate-drift-json-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A small json 1.0 service: PutPet takes a kind from an enum; GetPet may fail with PetNotFound. */
function model(kinds: string[], extraOutput: boolean): unknown {
  return {
    version: '2.0',
    metadata: {
      apiVersion: '2020-01-01',
      endpointPrefix: 'pets',
      jsonVersion: '1.0',
      protocol: 'json',
      protocols: ['json'],
      serviceId: 'Pets',
      targetPrefix: 'Pets_20200101',
      uid: 'pets-2020-01-01',
    },
    operations: {
      PutPet: { name: 'PutPet', http: { method: 'POST', requestUri: '/' }, input: { shape: 'PutPetInput' }, output: { shape: 'PutPetOutput' } },
      GetPet: { name: 'GetPet', http: { method: 'POST', requestUri: '/' }, input: { shape: 'GetPetInput' }, output: { shape: 'PutPetOutput' }, errors: [{ shape: 'PetNotFound' }] },
    },
    shapes: {
      PutPetInput: { type: 'structure', required: ['Name'], members: { Name: { shape: 'Name' }, Kind: { shape: 'Kind' } } },
      GetPetInput: { type: 'structure', required: ['Name'], members: { Name: { shape: 'Name' } } },
      PutPetOutput: { type: 'structure', members: { Name: { shape: 'Name' }, ...(extraOutput ? { BornAt: { shape: 'Time' } } : {}) } },
      PetNotFound: { type: 'structure', members: { message: { shape: 'Name' } }, exception: true },
      Name: { type: 'string', min: 1 },
      Kind: { type: 'string', enum: kinds },
      Time: { type: 'timestamp' },
    },
  };
}

describe('drift of json services', () => {
  it('model against model: a request enum value removed is breaking, a response member added warns', async () => {
    const report = await driftBetweenModels(dir, 'pets', '2020-01-01', model(['CAT', 'DOG'], false), model(['CAT'], true));
    expect(report.changes.map(driftBrief)).toEqual([
      { operation: 'pets.PutPet', side: 'request', pointer: '/body/Kind', code: 'enum-value-removed', severity: 'breaking' },
      { operation: 'pets.PutPet', side: 'response', pointer: '/body/BornAt', code: 'member-added', severity: 'warn' },
      { operation: 'pets.GetPet', side: 'response', pointer: '/body/BornAt', code: 'member-added', severity: 'warn' },
    ]);
  });

  it('cassette against the bundled contracts: a DynamoDB answer with a member the model lacks, and a clean SQS call', async () => {
    const exchanges: Exchange[] = [
      jsonExchange(0, 'dynamodb.ListTables', 'DynamoDB_20120810.ListTables', {}, { TableNames: ['pets'], ShardHint: 3 }),
      jsonExchange(1, 'sqs.ListQueues', 'AmazonSQS.ListQueues', {}, { QueueUrls: [] }),
    ];
    const cassette = join(dir, 'json.cassette');
    await writeCassette(cassette, createHeader({ toolVersion: '0.1.0', services: [] }), exchanges);
    const report = await runDrift(cassette, defaultContractsDir());
    expect(report.operations).toEqual(['dynamodb.ListTables', 'sqs.ListQueues']);
    expect(report.changes.map(driftBrief)).toEqual([{ operation: 'dynamodb.ListTables', side: 'response', pointer: '/body/ShardHint', code: 'field-unknown', severity: 'warn' }]);
  });
});

function jsonExchange(seq: number, operation: string, target: string, request: unknown, response: unknown): Exchange {
  return {
    seq,
    operation,
    service: operation.slice(0, operation.indexOf('.')),
    request: { method: 'POST', path: '/', query: {}, headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.0' }, body: { kind: 'json', value: request } },
    response: { status: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: { kind: 'json', value: response } },
    timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 3 },
  };
}
