/**
 * The rest-xml codecs against the real AWS SDK for JavaScript v3 S3 client: for each operation
 * below, a request built from a sampled neutral input (URI labels, query string, headers,
 * `x-amz-meta-` maps, XML payloads with flattened lists, attributes and namespaces) is sent to
 * a loopback capture server and decodes to exactly that input; our encoding of a sampled neutral
 * output is parsed by the SDK into exactly that output; our errors are thrown as the modeled
 * exceptions. Both path-style forms the SDK sends on loopback are covered: `forcePathStyle`,
 * and virtual-hosted `bucket.localhost`.
 */
import * as s3 from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedAnswer } from '../../test/support/recorded-answer.js';
import { startS3OnLoopback, type S3OnLoopback } from '../../test/support/s3-client-on-loopback.js';
import { sampleS3Input } from '../../test/support/s3-sample-input.js';
import { fromSdkValue, sampleShape, toSdkValue } from '../../test/support/sample-from-shape.js';
import { bodyText, loadShapes } from '../../test/support/wire-models.js';
import { decodeRestXmlError, encodeRestXmlError } from './rest-xml-error.js';
import { decodeRestXmlRequest, encodeRestXmlRequest } from './rest-xml-request.js';
import { decodeRestXmlResponse, encodeRestXmlResponse } from './rest-xml-response.js';
import { s3Address } from './s3-address.js';

const shapes = loadShapes('s3', '2006-03-01');
const sdk = s3 as unknown as Record<string, new (input: unknown) => unknown>;

/** Members the SDK computes itself (checksums, lengths): not sampled, and allowed beside the input in the captured request. */
const SDK_MANAGED = new Set([
  'ChecksumAlgorithm',
  'ChecksumCRC32',
  'ChecksumCRC32C',
  'ChecksumCRC64NVME',
  'ChecksumSHA1',
  'ChecksumSHA256',
  'ChecksumMD5',
  'ContentMD5',
  'ContentLength',
  'ChecksumType',
  // SSE-C keys: the SDK base64-encodes the key and computes its MD5.
  'SSECustomerKey',
  'SSECustomerKeyMD5',
  'CopySourceSSECustomerKey',
  'CopySourceSSECustomerKeyMD5',
]);

/** Operations the loopback test cannot send, and why. */
const NOT_SENDABLE: Record<string, string> = {
  GetBucketLifecycle: 'deprecated: the JavaScript SDK has no command for it',
  GetBucketNotification: 'deprecated: the JavaScript SDK has no command for it',
  PutBucketLifecycle: 'deprecated: the JavaScript SDK has no command for it',
  PutBucketNotification: 'deprecated: the JavaScript SDK has no command for it',
  WriteGetObjectResponse: 'its host prefix {RequestRoute}. cannot stand in front of 127.0.0.1',
};
const OPERATIONS = Object.keys(shapes.model.operations).filter((name) => !Object.hasOwn(NOT_SENDABLE, name));

/**
 * Where the SDK's own model differs from botocore's, the SDK's parse is compared after undoing
 * it: the SDK types these part-number markers as strings, botocore as integers.
 */
const SDK_STRING_MARKERS = new Set(['PartNumberMarker', 'NextPartNumberMarker']);

function undoSdkDivergence(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(undoSdkDivergence);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SDK_STRING_MARKERS.has(key) && typeof item === 'string' ? Number(item) : undoSdkDivergence(item)]));
}

function sampledOutput(name: string): Record<string, unknown> {
  const operation = shapes.operation(name)!;
  if (!operation.output) return {};
  const output = sampleShape(shapes, operation.output) as Record<string, unknown>;
  // The capture server sets content-length from the body it sends (none for HEAD).
  delete output.ContentLength;
  return output;
}

function sampledInput(name: string): Record<string, unknown> {
  const input = sampleS3Input(shapes, name, (key) => SDK_MANAGED.has(key));
  // With checksum mode on, the SDK checks the sampled checksum headers against the (empty) body.
  delete input.ChecksumMode;
  return input;
}

function pick(value: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => keys.includes(key)));
}

describe('S3 through the real SDK', () => {
  let loopback: S3OnLoopback;
  beforeAll(async () => (loopback = await startS3OnLoopback({ virtualHosted: false })));
  afterAll(() => loopback.close());

  it('covers the S3 operations but those it cannot send', () => expect(OPERATIONS.length).toBe(Object.keys(shapes.model.operations).length - Object.keys(NOT_SENDABLE).length));

  it.each(OPERATIONS)('%s: request decodes to the input, the canned answer parses to the output', async (name) => {
    const operation = shapes.operation(name)!;
    const input = sampledInput(name);
    const output = sampledOutput(name);
    const answer = encodeRestXmlResponse(shapes, name, output);
    loopback.server.respondWith(() => recordedAnswer(answer));
    const result = await loopback.client.send(new sdk[`${name}Command`]!(operation.input ? toSdkValue(shapes, operation.input, input) : {}));

    const request = loopback.server.requests.at(-1)!;
    const decoded = decodeRestXmlRequest(shapes, name, { ...request, body: bodyText(request.body), host: request.headers.host });
    expect(decoded.issues).toEqual([]);
    const extra = Object.keys(decoded.value!).filter((key) => !(key in input));
    expect(extra.filter((key) => !SDK_MANAGED.has(key))).toEqual([]);
    expect(pick(decoded.value!, Object.keys(input))).toEqual(input);
    // Our own request encoder is the decoder's inverse.
    const encoded = encodeRestXmlRequest(shapes, name, input);
    expect(encoded.method).toBe(request.method);
    expect(decodeRestXmlRequest(shapes, name, { ...encoded })).toEqual({ value: input, issues: [] });

    const streamed = Object.keys(result as object).filter((key) => !(key in output) && typeof (result as Record<string, unknown>)[key] === 'object');
    const parsed = undoSdkDivergence(fromSdkValue({ ...(result as object), ...Object.fromEntries(streamed.map((key) => [key, undefined])) })) as Record<string, unknown>;
    expect(pick(parsed, Object.keys(output))).toEqual(output);
    expect(decodeRestXmlResponse(shapes, name, answer)).toEqual({ value: output, issues: [] });
  });
});

describe('S3 errors through the real SDK', () => {
  let loopback: S3OnLoopback;
  beforeAll(async () => (loopback = await startS3OnLoopback({ virtualHosted: false })));
  afterAll(() => loopback.close());

  // Every error an operation with a body declares (a HEAD answer has none: below), sent in answer to it.
  const errors = new Map<string, string>();
  for (const op of Object.values(shapes.model.operations)) {
    if (op.http.method === 'HEAD' || Object.hasOwn(NOT_SENDABLE, op.name)) continue;
    for (const e of op.errors ?? []) if (!errors.has(e.shape)) errors.set(e.shape, op.name);
  }
  it('declares errors to test', () => expect(errors.size).toBeGreaterThanOrEqual(5));

  it.each([...errors])('%s: the canned error is thrown by the SDK as that exception', async (errorName, operationName) => {
    const fields = sampleShape(shapes, { shape: errorName }) as Record<string, unknown>;
    const encoded = encodeRestXmlError(shapes, { code: errorName, message: `canned ${errorName}`, fields });
    loopback.server.respondWith(() => recordedAnswer(encoded));
    const operation = shapes.operation(operationName)!;
    const thrown = (await loopback.client.send(new sdk[`${operationName}Command`]!(toSdkValue(shapes, operation.input!, sampledInput(operationName)))).then(
      () => undefined,
      (error: unknown) => error,
    )) as Record<string, unknown> & { name: string; message: string; $metadata: { httpStatusCode: number } };
    expect(thrown.name).toBe(errorName);
    expect(thrown.message).toBe(`canned ${errorName}`);
    expect(thrown.$metadata.httpStatusCode).toBe(encoded.status);
    expect(pick(fromSdkValue(thrown) as Record<string, unknown>, Object.keys(fields))).toEqual(fields);
    expect(decodeRestXmlError(shapes, { status: encoded.status, body: encoded.body })).toEqual({
      value: { code: errorName, message: `canned ${errorName}`, requestId: expect.any(String) as string, shape: errorName, fields },
      issues: [],
    });
  });

  it('a HEAD answer without a body is named by its status, as the SDK and botocore name it', async () => {
    loopback.server.respondWith(() => ({ status: 404, headers: {}, body: { kind: 'empty' } }));
    const thrown = (await loopback.client.send(new s3.HeadObjectCommand({ Bucket: 'tapegate-bucket', Key: 'missing' })).then(
      () => undefined,
      (error: unknown) => error,
    )) as { name: string; $metadata: { httpStatusCode: number } };
    expect(thrown.name).toBe('NotFound');
    expect(decodeRestXmlError(shapes, { status: 404 })).toEqual({ value: { code: '404', message: 'Not Found', fields: {} }, issues: [] });
  });
});

describe('S3 virtual-hosted requests through the real SDK', () => {
  let loopback: S3OnLoopback;
  beforeAll(async () => (loopback = await startS3OnLoopback({ virtualHosted: true })));
  afterAll(() => loopback.close());

  it.each(['PutObject', 'GetObject', 'ListObjectsV2', 'PutBucketTagging', 'DeleteObjects', 'CreateBucket', 'GetBucketAcl'])(
    '%s names its bucket in the Host and decodes to the input',
    async (name) => {
      const operation = shapes.operation(name)!;
      const input = sampledInput(name);
      const answer = encodeRestXmlResponse(shapes, name, sampledOutput(name));
      loopback.server.respondWith(() => recordedAnswer(answer));
      await loopback.client.send(new sdk[`${name}Command`]!(toSdkValue(shapes, operation.input!, input)));
      const request = loopback.server.requests.at(-1)!;
      expect(request.headers.host).toMatch(/^tapegate-bucket\.localhost:\d+$/);
      expect(s3Address(request.headers.host!, request.path).bucket).toBe('tapegate-bucket');
      const decoded = decodeRestXmlRequest(shapes, name, { ...request, body: bodyText(request.body), host: request.headers.host });
      expect(decoded.issues).toEqual([]);
      expect(pick(decoded.value!, Object.keys(input))).toEqual(input);
    },
  );
});
