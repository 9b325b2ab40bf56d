/**
 * The json-protocol contracts (DynamoDB, SQS, Secrets Manager, KMS, EventBridge, Step
 * Functions, CloudWatch Logs, SSM) against the real AWS SDK for JavaScript v3 clients: each
 * request the SDK builds (every member of its input sampled from the contract) routes by its
 * `X-Amz-Target` to the operation and validates without findings; the canned success answer
 * built to the contract validates and the SDK parses it into the members the contract names;
 * a canned declared error is raised by the SDK as that error's own class.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledContracts } from '../contracts/load.js';
import type { JsonSchema } from '../contracts/types.js';
import { Validator } from '../contracts/validator.js';
import type { RecordedResponse } from '../core/exchange.js';
import { JSON_CASES, JSON_ERRORS } from './contracts-sdk-json-cases.js';
import { startCaptureServer, type CaptureServer } from './support/capture-server.js';
import { cannedSuccess, sampleFromSchema } from './support/sample-from-schema.js';
import { members } from './support/sdk-case.js';
import { sdkInputFromWire } from './support/sdk-input.js';
import { JSON_SDKS, type JsonClient, type JsonServiceSdk } from './support/sdk-json-clients.js';
import { outputMismatches } from './support/sdk-output.js';

const validator = new Validator(bundledContracts());
const contracts = validator.contracts;

describe('the json case tables', () => {
  it('drive at least 20 operations of each json service (every one where it has fewer), each a bundled operation', () => {
    for (const sdk of JSON_SDKS) {
      const service = contracts.service(sdk.service)!;
      expect(service.protocol, sdk.service).toBe('json');
      const cases = JSON_CASES[sdk.service]!;
      expect(new Set(cases).size, `${sdk.service}: no operation twice`).toBe(cases.length);
      expect(cases.length, sdk.service).toBeGreaterThanOrEqual(Math.min(20, Object.keys(service.operations).length));
      for (const name of cases) expect(Object.hasOwn(service.operations, name), `${sdk.service}.${name}`).toBe(true);
    }
  });
});

/** The SDK input of an operation: its request body sampled from the contract, as the SDK takes it. */
function sampledInput(id: string): unknown {
  const operation = contracts.operations.get(id)!;
  const service = contracts.serviceOf.get(id)!;
  const schema = operation.request.body?.validation;
  if (schema === undefined) return {};
  return sdkInputFromWire(sampleFromSchema(schema, service, { maxDepth: 6 }), schema, service);
}

/** A declared error as AWS answers it in the json protocol; `namespaced` puts a `namespace#` before `__type`. */
function cannedError(id: string, type: string, namespaced: boolean): RecordedResponse {
  const service = contracts.serviceOf.get(id)!;
  const error = contracts.operations.get(id)!.errors.find((candidate) => candidate.type === type)!;
  const headers: Record<string, string> = { 'content-type': `application/x-amz-json-${service.jsonVersion}`, 'x-amzn-requestid': 'r-1' };
  // Query-compatible SQS also names the query protocol's code; this one is what AWS sends for it.
  if ((error.headers.validation.properties as Record<string, JsonSchema>)['x-amzn-query-error'] !== undefined) {
    headers['x-amzn-query-error'] = 'AWS.SimpleQueueService.NonExistentQueue;Sender';
  }
  const __type = namespaced ? `com.amazonaws.${service.service}#${type}` : type;
  return { status: error.status, headers, body: { kind: 'json', value: { __type, message: `${type} (canned)` } } };
}

function jsonSuite(sdk: JsonServiceSdk): void {
  describe(`${sdk.service} through its AWS SDK for JavaScript v3 client`, () => {
    let server: CaptureServer;
    let client: JsonClient;
    beforeAll(async () => {
      server = await startCaptureServer();
      client = sdk.client(server.url);
    });
    afterAll(async () => {
      client?.destroy();
      await server?.close();
    });

    it.each(JSON_CASES[sdk.service]!)('%s', async (name) => {
      const id = `${sdk.service}.${name}`;
      const operation = contracts.operations.get(id)!;
      const service = contracts.serviceOf.get(id)!;
      const canned = cannedSuccess(operation, service);
      server.respondWith(() => canned.response);
      const before = server.requests.length;
      const Command = sdk.command(name);
      const output = members(await client.send(new Command(sampledInput(id))));

      expect(server.requests.length).toBe(before + 1);
      const request = server.requests[before]!;
      expect([request.method, request.path, request.headers['x-amz-target'], request.headers['content-type']]).toEqual([
        'POST',
        '/',
        `${service.targetPrefix}.${name}`,
        `application/x-amz-json-${service.jsonVersion}`,
      ]);
      expect(validator.router.route(request)).toEqual({ operation: id, labels: {} });
      expect(validator.validate({ request }, id)).toEqual([]);
      expect(validator.validate({ request, response: canned.response }, id)).toEqual([]);
      expect(outputMismatches(output, operation, service, canned)).toEqual([]);
    });

    const { operation: name, error } = JSON_ERRORS[sdk.service]!;
    it(`raises a canned ${error} of ${name} as the SDK's own ${error}`, async () => {
      const id = `${sdk.service}.${name}`;
      // JSON 1.0 services get the namespaced `__type`, 1.1 ones the bare name: clients accept both.
      const response = cannedError(id, error, contracts.serviceOf.get(id)!.jsonVersion === '1.0');
      server.respondWith(() => response);
      const before = server.requests.length;
      const Command = sdk.command(name);
      const thrown = await client.send(new Command(sampledInput(id))).then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(thrown).toBeInstanceOf(Error);
      expect((thrown as Error).name).toBe(error);
      expect((thrown as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(response.status);
      const request = server.requests[before]!;
      expect(validator.validate({ request, response }, id)).toEqual([]);
    });
  });
}

for (const sdk of JSON_SDKS) jsonSuite(sdk);
