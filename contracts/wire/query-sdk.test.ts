/**
 * The query codecs against the real AWS SDK for JavaScript v3 clients of STS, SNS and IAM, every
 * operation of each: the SDK sends a request built from a sampled neutral input to a loopback
 * capture server, and the captured body decodes to exactly that input (and our encoder writes
 * the same pairs); the capture server answers with our encoding of a sampled neutral output,
 * and the SDK parses exactly that output; errors encoded by us are thrown by the SDK as the
 * modeled exception, with its message and status.
 */
import * as iam from '@aws-sdk/client-iam';
import * as sns from '@aws-sdk/client-sns';
import * as sts from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from '../../test/support/capture-server.js';
import { FAKE_CREDENTIALS } from '../../test/support/sdk-clients.js';
import { fromSdkValue, sampleShape, toSdkValue } from '../../test/support/sample-from-shape.js';
import { bodyText, loadShapes } from '../../test/support/wire-models.js';
import { decodeQueryError, encodeQueryError } from './query-error.js';
import { decodeQueryRequest } from './query-request-decode.js';
import { encodeQueryRequest } from './query-request-encode.js';
import { decodeQueryResponse, encodeQueryResponse } from './query-response.js';

type Sdk = Record<string, unknown>;
interface SdkClient {
  send(command: unknown): Promise<unknown>;
  destroy(): void;
}
type ClientClass = new (config: object) => SdkClient;

const SERVICES = [
  { service: 'sts', version: '2011-06-15', sdk: sts as Sdk, Client: sts.STSClient as unknown as ClientClass },
  { service: 'sns', version: '2010-03-31', sdk: sns as Sdk, Client: sns.SNSClient as unknown as ClientClass },
  { service: 'iam', version: '2010-05-08', sdk: iam as Sdk, Client: iam.IAMClient as unknown as ClientClass },
];

describe.each(SERVICES)('$service through the real SDK', ({ service, version, sdk, Client }) => {
  const shapes = loadShapes(service, version);
  let server: CaptureServer;
  let client: SdkClient;
  beforeAll(async () => {
    server = await startCaptureServer();
    client = new Client({ endpoint: server.url, region: 'us-east-1', credentials: { ...FAKE_CREDENTIALS }, maxAttempts: 1 });
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  const operations = Object.keys(shapes.model.operations);
  it('has operations to test', () => expect(operations.length).toBeGreaterThanOrEqual(10));

  it.each(operations)('%s: request decodes to the input, the canned answer parses to the output', async (name) => {
    const operation = shapes.operation(name)!;
    const input = (operation.input ? sampleShape(shapes, operation.input) : {}) as Record<string, unknown>;
    const output = (operation.output ? sampleShape(shapes, operation.output) : {}) as Record<string, unknown>;
    const answer = encodeQueryResponse(shapes, name, output);
    server.respondWith(() => ({ status: 200, headers: { 'content-type': 'text/xml' }, body: { kind: 'bytes', bytes: Buffer.from(answer) } }));
    const Command = sdk[`${name}Command`] as new (input: unknown) => unknown;
    const result = await client.send(new Command(operation.input ? toSdkValue(shapes, operation.input, input) : {}));

    const sent = bodyText(server.requests.at(-1)!.body);
    const decoded = decodeQueryRequest(shapes, sent);
    expect(decoded.issues).toEqual([]);
    expect(decoded.operation).toBe(name);
    expect(decoded.value).toEqual(input);
    // The same pairs; the SDK orders members as its Smithy model does, botocore's order may differ.
    expect(encodeQueryRequest(shapes, name, input).split('&').sort()).toEqual(sent.split('&').sort());

    expect(fromSdkValue(result)).toEqual(output);
    expect(decodeQueryResponse(shapes, name, answer)).toEqual({ value: output, issues: [], requestId: expect.any(String) as string });
  });

  // Every error some operation declares, sent in answer to that operation.
  const errors = new Map<string, string>();
  for (const op of Object.values(shapes.model.operations)) for (const e of op.errors ?? []) if (!errors.has(e.shape)) errors.set(e.shape, op.name);
  it.each([...errors])('%s: the canned error is thrown by the SDK as that exception', async (errorName, operationName) => {
    const operation = shapes.operation(operationName)!;
    const encoded = encodeQueryError(shapes, { code: errorName, message: `canned ${errorName}` });
    server.respondWith(() => ({ status: encoded.status, headers: { 'content-type': 'text/xml' }, body: { kind: 'bytes', bytes: Buffer.from(encoded.body) } }));
    const Command = sdk[`${operation.name}Command`] as new (input: unknown) => unknown;
    const input = operation.input ? toSdkValue(shapes, operation.input, sampleShape(shapes, operation.input)) : {};
    const thrown = (await client.send(new Command(input)).then(
      () => undefined,
      (error: unknown) => error,
    )) as { name: string; message: string; Code?: string; $metadata: { httpStatusCode: number } } | undefined;
    expect(thrown?.name).toBe(errorName);
    expect(thrown?.message).toBe(`canned ${errorName}`);
    expect(thrown?.$metadata.httpStatusCode).toBe(encoded.status);
    const decoded = decodeQueryError(shapes, encoded.body);
    expect(decoded.issues).toEqual([]);
    expect(decoded.value).toMatchObject({ code: shapes.errorCode(errorName), shape: errorName, message: `canned ${errorName}` });
  });
});
