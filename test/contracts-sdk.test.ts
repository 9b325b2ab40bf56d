/**
 * The contracts against the real AWS SDK for JavaScript v3: every request the SDK builds must
 * route to its operation and validate without findings, and every canned response built to
 * the contract must validate and be parsed by the SDK into the members the contract names.
 * One `it` per operation, so a failure names it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import type { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { bundledContracts } from '../contracts/load.js';
import { Validator } from '../contracts/validator.js';
import { v1Cases } from './contracts-sdk-cases-v1.js';
import { v2Cases } from './contracts-sdk-cases-v2.js';
import { startCaptureServer, type CaptureServer } from './support/capture-server.js';
import { cannedSuccess } from './support/sample-from-schema.js';
import { exerciseCase, type SdkCase } from './support/sdk-case.js';
import { apiGatewayClient, apiGatewayV2Client } from './support/sdk-clients.js';

const validator = new Validator(bundledContracts());

const SEEDS = [
  'apigateway.GetIntegrationResponse',
  'apigateway.UpdateIntegrationResponse',
  'apigatewayv2.CreateIntegrationResponse',
  'apigatewayv2.UpdateIntegrationResponse',
  'apigatewayv2.UpdateIntegration',
];

describe('the case tables', () => {
  it('cover the five seed operations and at least 30 more of each API, each once', () => {
    const ids = [...v1Cases, ...v2Cases].map((c) => c.operation);
    expect(new Set(ids).size, 'no operation twice').toBe(ids.length);
    for (const seed of SEEDS) expect(ids).toContain(seed);
    expect(v1Cases.filter((c) => !SEEDS.includes(c.operation)).length).toBeGreaterThanOrEqual(30);
    expect(v2Cases.filter((c) => !SEEDS.includes(c.operation)).length).toBeGreaterThanOrEqual(30);
    for (const id of ids) expect(validator.contracts.operations.has(id), id).toBe(true);
  });
});

describe('canned success responses', () => {
  // Every operation of both APIs, not only the ones driven through the SDK: the sampler and
  // the contracts must agree everywhere, or a canned response proves nothing.
  const operations = ['apigateway', 'apigatewayv2'].flatMap((service) => Object.values(validator.contracts.service(service)!.operations));
  it.each(operations.map((operation) => [operation.id, operation] as const))('%s validates against its own contract', (id, operation) => {
    const canned = cannedSuccess(operation, validator.contracts.serviceOf.get(id)!);
    expect(canned.response.status).toBe(operation.response.status);
    const request = { method: operation.http.method, path: '/', query: {}, headers: {}, body: { kind: 'empty' as const } };
    const findings = validator.validate({ request, response: canned.response }, id).filter((f) => f.side === 'response');
    expect(findings).toEqual([]);
  });
});

function sdkSuite<Client extends { destroy(): void }>(title: string, cases: SdkCase<Client>[], makeClient: (url: string) => Client): void {
  describe(title, () => {
    let server: CaptureServer;
    let client: Client;
    beforeAll(async () => {
      server = await startCaptureServer();
      client = makeClient(server.url);
    });
    afterAll(async () => {
      client?.destroy();
      await server?.close();
    });
    it.each(cases.map((c) => [c.operation, c] as const))('%s', async (_, testCase) => {
      await exerciseCase(testCase, client, server, validator);
    });
  });
}

sdkSuite<APIGatewayClient>('API Gateway v1 through @aws-sdk/client-api-gateway', v1Cases, apiGatewayClient);
sdkSuite<ApiGatewayV2Client>('API Gateway v2 through @aws-sdk/client-apigatewayv2', v2Cases, apiGatewayV2Client);
