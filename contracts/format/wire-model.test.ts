/**
 * A loaded contract's wire model reads its shapes one at a time: the first exchange of S3 or IAM
 * parses the shapes its operation reaches, and the whole `shapes` record is made only when
 * something reads it whole, as the file's table, holding the objects the codecs were given.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordedRequest, RecordedResponse } from '../../core/exchange.js';
import { defaultContractsDir, loadContracts } from '../load.js';
import type { ServiceContract } from '../types.js';
import { Validator } from '../validator.js';
import type { ServiceModel } from '../wire/model.js';
import { ServiceShapes } from '../wire/service-shapes.js';

const bytes = (text: string) => ({ kind: 'bytes' as const, bytes: Buffer.from(text) });
const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';

function s3Request(path: string, query: Record<string, string[]>): RecordedRequest {
  const authorization = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;
  return { method: 'GET', path, query, headers: { host: 's3.us-east-1.amazonaws.com', 'x-amz-date': '20260101T000000Z', authorization }, body: { kind: 'empty' } };
}

const xml = (status: number, body: string): RecordedResponse => ({ status, headers: { 'content-type': 'application/xml' }, body: bytes(body) });

const listObjects = {
  request: s3Request('/photos', { 'list-type': ['2'], prefix: ['cats/'] }),
  response: xml(
    200,
    `<ListBucketResult ${NS}><Name>photos</Name><Prefix>cats/</Prefix><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>` +
      '<Contents><Key>cats/a.jpg</Key><LastModified>2024-05-06T07:08:09.000Z</LastModified><ETag>"a1"</ETag><Size>1024</Size></Contents></ListBucketResult>',
  ),
};

const noSuchBucket = {
  request: s3Request('/nope', { 'list-type': ['2'] }),
  response: xml(404, '<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><RequestId>TX1</RequestId></Error>'),
};

function fileTable(service: ServiceContract): Record<string, unknown> {
  const file = join(defaultContractsDir(), `${service.service}-${service.apiVersion}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { wireShapes: Record<string, unknown> }).wireShapes;
}

/** Whether `model.shapes` is still the accessor that makes the whole record: nothing has read it whole. */
const unread = (model: ServiceModel | undefined): boolean => model !== undefined && Object.getOwnPropertyDescriptor(model, 'shapes')?.get !== undefined;

describe('a loaded contract’s wire shapes, one at a time', () => {
  it('routes and checks an S3 listing and an S3 error without reading the whole record, with no finding', () => {
    const contracts = loadContracts();
    const validator = new Validator(contracts);
    expect(validator.validate(listObjects)).toEqual([]);
    expect(validator.validate(noSuchBucket)).toEqual([]);
    // Were every shape read (a scan for error codes, the rest-xml twins reading every operation's input), this would be false.
    expect(unread(contracts.service('s3')!.wireModel)).toBe(true);
  });

  it('makes the whole record, when read, the file’s table, holding the objects looked up before', () => {
    const service = loadContracts().service('s3')!;
    const model = service.wireModel!;
    const shapes = new ServiceShapes(model);
    const listed = shapes.shape('ListObjectsV2Output');
    expect(unread(model)).toBe(true);
    expect(JSON.parse(JSON.stringify(model.shapes))).toEqual(fileTable(service));
    expect(unread(model)).toBe(false);
    expect(model.shapes.ListObjectsV2Output).toBe(listed);
    // A loaded contract is plain data: structuredClone copies it (it cannot copy a Proxy).
    expect(structuredClone(model).shapes).toEqual(fileTable(service));
  });

  it('finds each error code’s shape, from the lines that mention errors, as a scan of every shape does', () => {
    const contracts = loadContracts();
    for (const name of ['s3', 'iam', 'sts', 'sns']) {
      const service = contracts.service(name)!;
      const lazy = new ServiceShapes(service.wireModel!);
      const whole = new ServiceShapes({ metadata: service.wireModel!.metadata, operations: service.wireModel!.operations, shapes: fileTable(service) });
      const codes = Object.entries(fileTable(service) as Record<string, { exception?: boolean; error?: { code?: string } }>)
        .filter(([, shape]) => shape.exception || shape.error)
        .map(([shapeName, shape]) => shape.error?.code ?? shapeName);
      expect(codes.length, name).toBeGreaterThan(0);
      for (const code of [...codes, 'NoSuchThing']) expect(lazy.errorShapeName(code), `${name} ${code}`).toBe(whole.errorShapeName(code));
      expect(unread(service.wireModel), name).toBe(true);
    }
  });
});
