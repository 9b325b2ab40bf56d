/**
 * Drift for the query and rest-xml protocols: two versions of a made-up query model (written
 * to a temp folder at run time) compare operation by operation on the protocol-neutral body
 * (member names, as the wire codecs decode them); recordings of STS and S3 (form and XML
 * bodies) are checked against the bundled contracts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHeader } from '../cassettes/format/format.js';
import { writeCassette } from '../cassettes/format/store.js';
import { defaultContractsDir } from '../contracts/load.js';
import type { Exchange, RecordedRequest, RecordedResponse } from '../core/exchange.js';
import { runDrift } from '../drift/run.js';
import { driftBetweenModels } from './support/drift-between-models.js';
import { driftBrief } from './support/drift-brief.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapegate-drift-xml-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A small query service: Adopt takes a kind from an enum and answers with the pet, listed tags in `member` items. */
function model(kinds: string[], extraOutput: boolean): unknown {
  return {
    version: '2.0',
    metadata: {
      apiVersion: '2020-01-01',
      endpointPrefix: 'shelter',
      protocol: 'query',
      protocols: ['query'],
      serviceId: 'Shelter',
      uid: 'shelter-2020-01-01',
      xmlNamespace: 'https://shelter.example/doc/2020-01-01/',
    },
    operations: {
      Adopt: {
        name: 'Adopt',
        http: { method: 'POST', requestUri: '/' },
        input: { shape: 'AdoptInput' },
        output: { shape: 'AdoptOutput', resultWrapper: 'AdoptResult' },
        errors: [{ shape: 'NoSuchPet' }],
      },
    },
    shapes: {
      AdoptInput: { type: 'structure', required: ['Name'], members: { Name: { shape: 'Name' }, Kind: { shape: 'Kind' }, Tags: { shape: 'Tags' } } },
      AdoptOutput: { type: 'structure', members: { Name: { shape: 'Name' }, ...(extraOutput ? { AdoptedAt: { shape: 'Time' } } : {}) } },
      NoSuchPet: { type: 'structure', members: { message: { shape: 'Name' } }, error: { code: 'NoSuchPet', httpStatusCode: 404, senderFault: true }, exception: true },
      Tags: { type: 'list', member: { shape: 'Name' } },
      Name: { type: 'string', min: 1 },
      Kind: { type: 'string', enum: kinds },
      Time: { type: 'timestamp' },
    },
  };
}

const bytes = (text: string) => ({ kind: 'bytes' as const, bytes: Buffer.from(text) });

function exchange(seq: number, operation: string, request: RecordedRequest, response: RecordedResponse): Exchange {
  return { seq, operation, service: operation.slice(0, operation.indexOf('.')), request, response, timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 3 } };
}

describe('drift of query and rest-xml services', () => {
  it('model against model: a request enum value removed is breaking, a response member added warns', async () => {
    const report = await driftBetweenModels(dir, 'shelter', '2020-01-01', model(['CAT', 'DOG'], false), model(['CAT'], true));
    expect(report.changes.map(driftBrief)).toEqual([
      { operation: 'shelter.Adopt', side: 'request', pointer: '/body/Kind', code: 'enum-value-removed', severity: 'breaking' },
      { operation: 'shelter.Adopt', side: 'response', pointer: '/body/AdoptedAt', code: 'member-added', severity: 'warn' },
    ]);
  });

  it('cassette against the bundled contracts: an STS answer with an element the model lacks, a clean S3 listing', async () => {
    const form: RecordedRequest = {
      method: 'POST',
      path: '/',
      query: {},
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: bytes('Action=GetCallerIdentity&Version=2011-06-15'),
    };
    const identity = bytes(
      '<GetCallerIdentityResponse><GetCallerIdentityResult><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>' +
        '<Arn>arn:aws:iam::123456789012:user/ci</Arn><Partition>aws</Partition></GetCallerIdentityResult></GetCallerIdentityResponse>',
    );
    const list: RecordedRequest = { method: 'GET', path: '/photos', query: { 'list-type': ['2'] }, headers: {}, body: { kind: 'empty' } };
    const listed = bytes(
      '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>photos</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>',
    );
    const cassette = join(dir, 'xml.cassette');
    await writeCassette(cassette, createHeader({ toolVersion: '0.1.0', services: [] }), [
      exchange(0, 'sts.GetCallerIdentity', form, { status: 200, headers: { 'content-type': 'text/xml' }, body: identity }),
      exchange(1, 's3.ListObjectsV2', list, { status: 200, headers: { 'content-type': 'application/xml' }, body: listed }),
    ]);
    const report = await runDrift(cassette, defaultContractsDir());
    expect(report.operations).toEqual(['s3.ListObjectsV2', 'sts.GetCallerIdentity']);
    expect(report.changes.map(driftBrief)).toEqual([{ operation: 'sts.GetCallerIdentity', side: 'response', pointer: '/body/Partition', code: 'field-unknown', severity: 'warn' }]);
  });
});
