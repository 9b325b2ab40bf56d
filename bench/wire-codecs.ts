/**
 * `npm run build && node dist/bench/wire-codecs.js`: decode speed of the query and rest-xml
 * wire codecs on one core, for three typical bodies: an STS AssumeRole request (form) and its
 * answer (XML), and an S3 ListObjectsV2 answer of 100 keys (XML, flattened `Contents`).
 * The bodies are made by the codecs' own encoders from neutral values, and checked to decode
 * back to those values before anything is timed. Models come from ../shared/models beside the
 * project, or TAPEGATE_MODELS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { packageRoot } from '../core/package-root.js';
import { decodeQueryRequest } from '../contracts/wire/query-request-decode.js';
import { encodeQueryRequest } from '../contracts/wire/query-request-encode.js';
import { decodeQueryResponse, encodeQueryResponse } from '../contracts/wire/query-response.js';
import { decodeRestXmlResponse, encodeRestXmlResponse } from '../contracts/wire/rest-xml-response.js';
import { ServiceShapes } from '../contracts/wire/service-shapes.js';
import { machineLine, table } from './machine.js';

function shapesOf(service: string, version: string): ServiceShapes {
  const dir = resolve(process.env.TAPEGATE_MODELS ?? join(packageRoot(), '..', 'shared', 'models'), 'botocore-1.43.67', service, version);
  const file = join(dir, 'service-2.json');
  if (!existsSync(file)) throw new Error(`bench:wire-codecs needs the botocore models: ${file} does not exist (set TAPEGATE_MODELS)`);
  return new ServiceShapes(JSON.parse(readFileSync(file, 'utf8')), file);
}

const sts = shapesOf('sts', '2011-06-15');
const s3 = shapesOf('s3', '2006-03-01');

const assumeRoleInput = {
  RoleArn: 'arn:aws:iam::123456789012:role/deploy',
  RoleSessionName: 'ci-run-4711',
  DurationSeconds: 3600,
  Tags: [
    { Key: 'team', Value: 'payments' },
    { Key: 'env', Value: 'staging' },
  ],
  TransitiveTagKeys: ['team'],
};
const assumeRoleOutput = {
  Credentials: { AccessKeyId: 'ASIAEXAMPLE', SecretAccessKey: 'secret', SessionToken: 'token'.repeat(60), Expiration: '2024-05-06T07:08:09Z' },
  AssumedRoleUser: { AssumedRoleId: 'AROAEXAMPLE:ci-run-4711', Arn: 'arn:aws:sts::123456789012:assumed-role/deploy/ci-run-4711' },
  PackedPolicySize: 6,
};
const listOutput = {
  IsTruncated: false,
  Name: 'tapegate-bucket',
  Prefix: 'logs/',
  MaxKeys: 1000,
  KeyCount: 100,
  Contents: Array.from({ length: 100 }, (_, i) => ({
    Key: `logs/2024/05/06/part-${String(i).padStart(5, '0')}.json.gz`,
    LastModified: '2024-05-06T07:08:09Z',
    ETag: '"9b2cf535f27731c974343645a3985328"',
    Size: 1024 + i,
    StorageClass: 'STANDARD',
  })),
};

interface Case {
  name: string;
  bytes: number;
  decode: () => unknown;
  expected: unknown;
}

const form = encodeQueryRequest(sts, 'AssumeRole', assumeRoleInput);
const answer = encodeQueryResponse(sts, 'AssumeRole', assumeRoleOutput);
const list = encodeRestXmlResponse(s3, 'ListObjectsV2', listOutput);
const cases: Case[] = [
  { name: 'STS AssumeRole request (form)', bytes: form.length, decode: () => decodeQueryRequest(sts, form).value, expected: assumeRoleInput },
  { name: 'STS AssumeRole answer (XML)', bytes: answer.length, decode: () => decodeQueryResponse(sts, 'AssumeRole', answer).value, expected: assumeRoleOutput },
  { name: 'S3 ListObjectsV2 answer, 100 keys (XML)', bytes: list.body?.length ?? 0, decode: () => decodeRestXmlResponse(s3, 'ListObjectsV2', list).value, expected: listOutput },
];

function measure(decode: () => unknown): number {
  for (let i = 0; i < 200; i++) decode();
  let count = 0;
  const start = process.hrtime.bigint();
  const budget = 1_000_000_000n; // one second
  while (process.hrtime.bigint() - start < budget) {
    for (let i = 0; i < 50; i++) decode();
    count += 50;
  }
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

const rows: (string | number)[][] = [];
for (const c of cases) {
  if (!isDeepStrictEqual(c.decode(), c.expected)) throw new Error(`bench:wire-codecs: ${c.name} does not decode to the value it was encoded from`);
  const perSecond = measure(c.decode);
  rows.push([c.name, c.bytes, Math.round(perSecond).toLocaleString('en-US'), `${(1e6 / perSecond).toFixed(1)} µs`]);
}
console.log(`Wire codec decode speed, one core (${machineLine()})\n`);
console.log(table(['body', 'bytes', 'decodes/s', 'per decode'], rows));
