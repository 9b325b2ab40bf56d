/**
 * Hand-built cassettes for the replay tests: the five seed operations as AWS answers them
 * on the wire, the errors API Gateway returns for them, and helpers that write a cassette
 * into a fresh temp folder with the store's own writer. Requests are built the way the JS
 * SDK v3 sends them (method, path, query, JSON body); volatile headers are left out because
 * the matcher ignores them anyway.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import type { Body, Exchange, RecordedRequest } from '../core/exchange.js';
import { createHeader } from '../cassettes/format/format.js';
import { writeCassette } from '../cassettes/format/store.js';

export const V1_IR_PATH = '/restapis/a1b2c3d4e5/resources/r3s0urc3/methods/GET/integration/responses/200';
export const V2_INTEGRATION_PATH = '/v2/apis/api12345/integrations/int6789';
export const V2_IR_COLLECTION = `${V2_INTEGRATION_PATH}/integrationresponses`;
export const V2_IR_PATH = `${V2_IR_COLLECTION}/ir0001`;

export const json = (value: unknown): Body => ({ kind: 'json', value });

export function request(method: string, path: string, body: Body = { kind: 'empty' }, query: Record<string, string[]> = {}): RecordedRequest {
  const headers: Record<string, string> = body.kind === 'json' ? { 'content-type': 'application/json' } : {};
  return { method, path, query, headers, body };
}

/** An exchange as a recording would hold it, with AWS's response headers. */
export function exchange(seq: number, operation: string | null, req: RecordedRequest, status: number, body: Body, extraHeaders: Record<string, string> = {}): Exchange {
  return {
    seq,
    operation,
    request: req,
    response: {
      status,
      headers: {
        'content-type': 'application/json',
        'x-amzn-requestid': `req-${seq}-0000-1111-2222`,
        date: 'Wed, 01 Jan 2025 00:00:00 GMT',
        ...extraHeaders,
      },
      body,
    },
    timing: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 12 },
  };
}

export function awsErrorExchange(seq: number, operation: string, req: RecordedRequest, status: number, type: string, message: string): Exchange {
  return exchange(seq, operation, req, status, json({ message }), { 'x-amzn-errortype': type });
}

export const v1IntegrationResponse = {
  statusCode: '200',
  selectionPattern: '',
  responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
  responseTemplates: { 'application/json': '{"ok": true}' },
  contentHandling: 'CONVERT_TO_TEXT',
};

export const v1PatchBody = {
  patchOperations: [{ op: 'replace', path: '/responseTemplates/application~1json', value: '{"ok": false}' }],
};

export const v2CreateBody = { integrationResponseKey: '/200/', templateSelectionExpression: '$default' };
export const v2CreatedResponse = {
  integrationResponseId: 'ir0001',
  integrationResponseKey: '/200/',
  templateSelectionExpression: '$default',
  responseTemplates: { 'application/json': '{"ok": true}' },
};

export const v2IntegrationResponseUpdated = {
  integrationResponseId: 'ir0001',
  integrationResponseKey: '/200/',
  contentHandlingStrategy: 'CONVERT_TO_TEXT',
};

export const v2IntegrationUpdated = {
  integrationId: 'int6789',
  integrationType: 'HTTP_PROXY',
  integrationMethod: 'GET',
  integrationUri: 'https://example.com/backend',
  payloadFormatVersion: '1.0',
  connectionType: 'INTERNET',
  timeoutInMillis: 29000,
};

/**
 * The seed cassette: #0–#4 the five seed operations' successes, #5–#9 their errors, #10
 * an exchange no test asks for (it must show as never used).
 */
export function seedExchanges(): Exchange[] {
  const v1Get = 'apigateway.GetIntegrationResponse';
  const v1Update = 'apigateway.UpdateIntegrationResponse';
  return [
    exchange(0, v1Get, request('GET', V1_IR_PATH), 200, json(v1IntegrationResponse)),
    exchange(1, v1Update, request('PATCH', V1_IR_PATH, json(v1PatchBody)), 200, json({ ...v1IntegrationResponse, responseTemplates: { 'application/json': '{"ok": false}' } })),
    exchange(2, 'apigatewayv2.CreateIntegrationResponse', request('POST', V2_IR_COLLECTION, json(v2CreateBody)), 201, json(v2CreatedResponse)),
    exchange(
      3,
      'apigatewayv2.UpdateIntegrationResponse',
      request('PATCH', V2_IR_PATH, json({ contentHandlingStrategy: 'CONVERT_TO_TEXT' })),
      200,
      json(v2IntegrationResponseUpdated),
    ),
    exchange(4, 'apigatewayv2.UpdateIntegration', request('PATCH', V2_INTEGRATION_PATH, json({ timeoutInMillis: 29000 })), 200, json(v2IntegrationUpdated)),
    awsErrorExchange(5, v1Get, request('GET', V1_IR_PATH.replace(/200$/, '504')), 404, 'NotFoundException', 'Invalid Response status code specified'),
    awsErrorExchange(
      6,
      'apigatewayv2.UpdateIntegration',
      request('PATCH', V2_INTEGRATION_PATH, json({ timeoutInMillis: 10 })),
      400,
      'BadRequestException',
      'Timeout must be between 50 ms and 30000 ms',
    ),
    awsErrorExchange(
      7,
      v1Update,
      request('PATCH', V1_IR_PATH, json({ patchOperations: [{ op: 'add', path: '/responseParameters/x', value: "'1'" }] })),
      429,
      'LimitExceededException',
      'Limit exceeded for response parameters',
    ),
    awsErrorExchange(
      8,
      v1Update,
      request('PATCH', V1_IR_PATH, json({ patchOperations: [{ op: 'remove', path: '/responseTemplates/application~1json' }] })),
      429,
      'TooManyRequestsException',
      'Too Many Requests',
    ),
    awsErrorExchange(
      9,
      'apigatewayv2.CreateIntegrationResponse',
      request('POST', V2_IR_COLLECTION, json({ integrationResponseKey: '/409/' })),
      409,
      'ConflictException',
      'Unable to complete operation due to concurrent modification. Please try again later.',
    ),
    exchange(10, 'apigatewayv2.UpdateIntegration', request('PATCH', V2_INTEGRATION_PATH, json({ description: 'never asked' })), 200, json(v2IntegrationUpdated)),
  ];
}

export interface TempCassette {
  dir: string;
  file: string;
  remove: () => Promise<void>;
}

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'tapegate-replay-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes `exchanges` (renumbered from 0) as `name` in a fresh temp folder. */
export async function writeTempCassette(exchanges: Exchange[], name = 'replay.cassette'): Promise<TempCassette> {
  const { dir, remove } = await tempDir();
  const file = join(dir, name);
  const header = createHeader({
    toolVersion: '0.1.0',
    services: [
      { service: 'apigateway', apiVersion: '2015-07-09' },
      { service: 'apigatewayv2', apiVersion: '2018-11-29' },
    ],
  });
  await writeCassette(
    file,
    header,
    exchanges.map((e, seq) => ({ ...e, seq })),
  );
  return { dir, file, remove };
}

const FAKE_CREDENTIALS = { accessKeyId: 'AKIDFAKEFORLOOPBACKONLY', secretAccessKey: 'fake-secret-never-used-anywhere' };

export function sdkClients(endpoint: string): { v1: APIGatewayClient; v2: ApiGatewayV2Client; destroy: () => void } {
  const config = { endpoint, region: 'us-east-1', credentials: FAKE_CREDENTIALS, maxAttempts: 1 };
  const v1 = new APIGatewayClient(config);
  const v2 = new ApiGatewayV2Client(config);
  return {
    v1,
    v2,
    destroy: () => {
      v1.destroy();
      v2.destroy();
    },
  };
}

/** v2 SDK output members are the wire names with a capital first letter (maps keep their keys). */
export function sdkShapeV2(wire: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(wire).map(([name, value]) => [name[0]!.toUpperCase() + name.slice(1), value]));
}

/** Runs `call` and returns the error it throws (fails when it does not throw). */
export async function thrown(call: () => Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number }; $fault?: string }> {
  try {
    await call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw');
}
