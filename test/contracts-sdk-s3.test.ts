/**
 * The rest-xml contracts (S3) against the real AWS SDK for JavaScript v3 client: each request
 * the SDK builds (every member of its input sampled once) is routed by method, path-style or
 * virtual-hosted bucket and subresource (`?tagging`, `?uploads`, `?list-type=2`, `x-id`, the
 * headers that tell twins apart) to the operation and validates without findings; the canned
 * answer our wire codecs encode from a sample of the output validates and the SDK parses it; a
 * canned declared error is raised as its class. Inputs are sampled from the botocore model
 * beside the project (../shared/models), as the wire codecs' own S3 test does.
 */
import * as s3 from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledContracts } from '../contracts/load.js';
import { Validator } from '../contracts/validator.js';
import { wireMessagesOf } from '../contracts/wire-messages.js';
import { encodeRestXmlError } from '../contracts/wire/rest-xml-error.js';
import { encodeRestXmlResponse } from '../contracts/wire/rest-xml-response.js';
import type { RecordedResponse } from '../core/exchange.js';
import { S3_CASES, XML_ERRORS } from './contracts-sdk-xml-cases.js';
import { recordedAnswer } from './support/recorded-answer.js';
import { startS3OnLoopback, type S3OnLoopback } from './support/s3-client-on-loopback.js';
import { sampleS3Input } from './support/s3-sample-input.js';
import { sampleShape, toSdkValue } from './support/sample-from-shape.js';
import { loadShapes } from './support/wire-models.js';

const validator = new Validator(bundledContracts());
const contract = validator.contracts.service('s3')!;
/** The bundled contract's wire model: what canned answers are encoded with. */
const wire = wireMessagesOf(contract)!.shapes;
/** botocore's own model: its enums make sampled inputs valid. */
const model = loadShapes('s3', '2006-03-01');
const sdk = s3 as unknown as Record<string, new (input: unknown) => unknown>;

/** Members the SDK computes itself (checksums, lengths, SSE-C digests): not sampled. */
const SDK_MANAGED = /^(Checksum|ContentMD5$|ContentLength$|SSECustomerKey|CopySourceSSECustomerKey|ExpectedBucketOwner$|ExpectedSourceBucketOwner$)/;

function sampledInput(name: string): unknown {
  const operation = model.operation(name)!;
  if (!operation.input) return {};
  const input = sampleS3Input(model, name, (key) => SDK_MANAGED.test(key));
  if ('CopySource' in input) input.CopySource = 'other-bucket/source.txt';
  return toSdkValue(model, operation.input, input);
}

/** The sample with every `BucketArn` an ARN, as the model's pattern wants. */
function withArns(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withArns);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'BucketArn' ? 'arn:aws:s3:::tapegate-bucket' : withArns(item)]));
}

function cannedAnswer(name: string): RecordedResponse {
  const operation = model.operation(name)!;
  const output = operation.output ? (withArns(sampleShape(model, operation.output)) as Record<string, unknown>) : {};
  // The capture server sets Content-Length from the body it sends; checksums would not fit the body.
  for (const key of Object.keys(output)) if (/^(ContentLength|Checksum|ContentRange$)/.test(key)) delete output[key];
  return recordedAnswer(encodeRestXmlResponse(wire, name, output));
}

describe('the S3 case table', () => {
  it('drives at least 20 bundled S3 operations, twins included', () => {
    expect(contract.protocol).toBe('rest-xml');
    expect(new Set(S3_CASES).size).toBe(S3_CASES.length);
    expect(S3_CASES.length).toBeGreaterThanOrEqual(20);
    for (const name of S3_CASES) expect(Object.hasOwn(contract.operations, name), name).toBe(true);
  });
});

describe.each([
  { style: 'path-style', virtual: false },
  { style: 'virtual-hosted', virtual: true },
])('S3 $style through its AWS SDK for JavaScript v3 client', ({ virtual }) => {
  let loopback: S3OnLoopback | undefined;
  beforeAll(async () => (loopback = await startS3OnLoopback({ virtualHosted: virtual })));
  afterAll(() => loopback?.close());

  it.each(S3_CASES)('%s', async (name) => {
    const id = `s3.${name}`;
    const { server, client } = loopback!;
    const answer = cannedAnswer(name);
    server.respondWith(() => answer);
    const before = server.requests.length;
    await client.send(new sdk[`${name}Command`]!(sampledInput(name)));
    const request = server.requests[before]!;
    if (virtual && name !== 'ListBuckets') expect(request.headers.host).toMatch(/^tapegate-bucket\.localhost:\d+$/);
    expect(validator.router.route(request)?.operation).toBe(id);
    expect(validator.validate({ request }, id)).toEqual([]);
    expect(validator.validate({ request, response: answer })).toEqual([]);
  });
});

describe('an S3 error through the SDK', () => {
  let loopback: S3OnLoopback | undefined;
  beforeAll(async () => (loopback = await startS3OnLoopback({ virtualHosted: false })));
  afterAll(() => loopback?.close());

  const { operation: name, error } = XML_ERRORS.s3!;
  it(`raises a canned ${error} of ${name} as the SDK's own ${error}, and validates`, async () => {
    const encoded = encodeRestXmlError(wire, { code: error, message: `canned ${error}` });
    const answer = recordedAnswer(encoded);
    const { server, client } = loopback!;
    server.respondWith(() => answer);
    const before = server.requests.length;
    const thrown = (await client.send(new sdk[`${name}Command`]!(sampledInput(name))).then(
      () => null,
      (reason: unknown) => reason,
    )) as { name: string; $metadata: { httpStatusCode: number } } | null;
    expect(thrown?.name).toBe(error);
    expect(thrown?.$metadata.httpStatusCode).toBe(encoded.status);
    expect(validator.validate({ request: server.requests[before]!, response: answer }, `s3.${name}`)).toEqual([]);
  });

  it("a NoSuchKey as real S3 sends it (<Key>, <Resource>, <HostId>) is the SDK's NoSuchKey and validates without a finding", async () => {
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>cats/missing.jpg</Key>' +
      '<Resource>/tapegate-bucket/cats/missing.jpg</Resource><RequestId>R1</RequestId><HostId>H1</HostId></Error>';
    const answer = recordedAnswer({ status: 404, headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'R1' }, body });
    const { server, client } = loopback!;
    server.respondWith(() => answer);
    const before = server.requests.length;
    await expect(client.send(new s3.GetObjectCommand({ Bucket: 'tapegate-bucket', Key: 'cats/missing.jpg' }))).rejects.toMatchObject({ name: 'NoSuchKey' });
    const request = server.requests[before]!;
    expect(validator.router.route(request)?.operation).toBe('s3.GetObject');
    expect(validator.validate({ request, response: answer })).toEqual([]);
  });

  it('a HEAD answered 404 without a body is named by its status: no finding', async () => {
    const answer: RecordedResponse = { status: 404, headers: {}, body: { kind: 'empty' } };
    const { server, client } = loopback!;
    server.respondWith(() => answer);
    const before = server.requests.length;
    await expect(client.send(new s3.HeadObjectCommand({ Bucket: 'tapegate-bucket', Key: 'missing' }))).rejects.toMatchObject({ name: 'NotFound' });
    const request = server.requests[before]!;
    expect(validator.router.route(request)?.operation).toBe('s3.HeadObject');
    expect(validator.validate({ request, response: answer })).toEqual([]);
  });
});
