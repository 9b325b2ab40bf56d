/**
 * The query-protocol contracts (STS, SNS, IAM) against the real AWS SDK for JavaScript v3
 * clients: each request the SDK builds (its input sampled from the contract, every member
 * once) routes by its form's `Action` to the operation and validates without findings; the
 * canned answer, encoded by the wire codecs from a sample of the contract's output, validates
 * and the SDK parses it into exactly that sample; a canned declared error is raised by the SDK
 * as that error's own class and validates without findings.
 */
import * as iam from '@aws-sdk/client-iam';
import * as sns from '@aws-sdk/client-sns';
import * as sts from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledContracts } from '../contracts/load.js';
import { Validator } from '../contracts/validator.js';
import { wireMessagesOf } from '../contracts/wire-messages.js';
import { encodeQueryError } from '../contracts/wire/query-error.js';
import { encodeQueryResponse } from '../contracts/wire/query-response.js';
import type { RecordedResponse } from '../core/exchange.js';
import { QUERY_CASES, XML_ERRORS } from './contracts-sdk-xml-cases.js';
import { startCaptureServer, type CaptureServer } from './support/capture-server.js';
import { sampleFromSchema } from './support/sample-from-schema.js';
import { fromSdkValue, toSdkValue } from './support/sample-from-shape.js';
import { FAKE_CREDENTIALS } from './support/sdk-clients.js';

interface SdkClient {
  send(command: unknown): Promise<unknown>;
  destroy(): void;
}
type Sdk = Record<string, unknown>;

const SDKS: { service: string; sdk: Sdk; Client: new (config: object) => SdkClient }[] = [
  { service: 'sts', sdk: sts, Client: sts.STSClient },
  { service: 'sns', sdk: sns, Client: sns.SNSClient },
  { service: 'iam', sdk: iam, Client: iam.IAMClient },
];

const validator = new Validator(bundledContracts());
const contracts = validator.contracts;

function xmlAnswer(status: number, body: string): RecordedResponse {
  return { status, headers: { 'content-type': 'text/xml' }, body: { kind: 'bytes', bytes: Buffer.from(body) } };
}

describe('the query case tables', () => {
  it('drive every STS operation and at least 20 of SNS and IAM, each a bundled query operation', () => {
    for (const { service } of SDKS) {
      const contract = contracts.service(service)!;
      expect(contract.protocol, service).toBe('query');
      const cases = QUERY_CASES[service]!;
      expect(new Set(cases).size).toBe(cases.length);
      expect(cases.length, service).toBeGreaterThanOrEqual(Math.min(20, Object.keys(contract.operations).length));
      for (const name of cases) expect(Object.hasOwn(contract.operations, name), `${service}.${name}`).toBe(true);
    }
    expect(QUERY_CASES.sts!.length).toBe(Object.keys(contracts.service('sts')!.operations).length);
  });
});

describe.each(SDKS)('$service through its AWS SDK for JavaScript v3 client', ({ service, sdk, Client }) => {
  const contract = contracts.service(service)!;
  const shapes = wireMessagesOf(contract)!.shapes;
  let server: CaptureServer;
  let client: SdkClient;
  beforeAll(async () => {
    server = await startCaptureServer();
    client = new Client({ endpoint: server.url, region: 'us-east-1', credentials: { ...FAKE_CREDENTIALS }, maxAttempts: 1 });
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
  });

  /** The neutral input and the SDK's input for an operation, sampled from its contract. */
  const inputOf = (name: string): { neutral: Record<string, unknown>; sdkInput: unknown } => {
    const operation = contracts.operations.get(`${service}.${name}`)!;
    const ref = shapes.requireOperation(name).input;
    const neutral = (operation.request.body ? sampleFromSchema(operation.request.body.validation, contract, { maxDepth: 6 }) : {}) as Record<string, unknown>;
    return { neutral, sdkInput: ref ? toSdkValue(shapes, ref, neutral) : {} };
  };

  it.each(QUERY_CASES[service]!)('%s', async (name) => {
    const id = `${service}.${name}`;
    const operation = contracts.operations.get(id)!;
    const output = (operation.response.body ? sampleFromSchema(operation.response.body.validation, contract, { maxDepth: 6 }) : {}) as Record<string, unknown>;
    const answer = xmlAnswer(200, encodeQueryResponse(shapes, name, output));
    server.respondWith(() => answer);
    const before = server.requests.length;
    const { sdkInput } = inputOf(name);
    const Command = sdk[`${name}Command`] as new (input: unknown) => unknown;
    const result = await client.send(new Command(sdkInput));

    const request = server.requests[before]!;
    expect([request.method, request.path, request.headers['content-type']]).toEqual(['POST', '/', 'application/x-www-form-urlencoded']);
    expect(validator.router.route(request)).toEqual({ operation: id, labels: {} });
    expect(validator.validate({ request }, id)).toEqual([]);
    expect(validator.validate({ request, response: answer })).toEqual([]);
    expect(fromSdkValue(result)).toEqual(output);
  });

  const { operation: name, error } = XML_ERRORS[service]!;
  it(`raises a canned ${error} of ${name} as the SDK's own ${error}`, async () => {
    const id = `${service}.${name}`;
    const encoded = encodeQueryError(shapes, { code: error, message: `canned ${error}` });
    const answer = xmlAnswer(encoded.status, encoded.body);
    server.respondWith(() => answer);
    const before = server.requests.length;
    const Command = sdk[`${name}Command`] as new (input: unknown) => unknown;
    const thrown = (await client.send(new Command(inputOf(name).sdkInput)).then(
      () => null,
      (reason: unknown) => reason,
    )) as { name: string; message: string; $metadata: { httpStatusCode: number } } | null;
    expect(thrown?.name).toBe(error);
    expect(thrown?.message).toBe(`canned ${error}`);
    expect(thrown?.$metadata.httpStatusCode).toBe(encoded.status);
    expect(validator.validate({ request: server.requests[before]!, response: answer }, id)).toEqual([]);
  });
});
