/**
 * Issue 11, item 3: every finding reviewed against what the SDKs accept. An emulator's
 * correct-but-unusual answers (each error spelling the SDKs read, JSON with a charset or a
 * JSON-protocol type, nulls, extra members, other services, its own unsigned reset call) are
 * played to the real AWS SDK for JavaScript v3 through a recording proxy, and the real
 * `tapegate verify --fail-on error` passes the cassette: no error, no warn. True deviations,
 * recorded the same way, each give their exact finding (code, severity, side, JSON Pointer).
 * The SDK's own outcome of every call is asserted too: what it accepts is what tapegate accepts.
 */
import { CreateIntegrationResponseCommand, DeleteApiCommand, GetApiCommand, GetApisCommand, GetIntegrationCommand } from '@aws-sdk/client-apigatewayv2';
import { GetIntegrationResponseCommand as GetIntegrationResponseV2Command } from '@aws-sdk/client-apigatewayv2';
import { GetIntegrationResponseCommand, GetMethodCommand } from '@aws-sdk/client-api-gateway';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { PutBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readCassette } from '../cassettes/format/store.js';
import { bundledContracts } from '../contracts/load.js';
import type { Finding } from '../core/findings.js';
import { startProxy } from '../index.js';
import { runCliAsync } from './support/cli.js';
import { NodeSha256 } from '../proxy/sha256.js';
import { assertBuilt, Cleanups, randomCredentials, tempDir } from './record-fixtures.js';
import { NOT_FOUND_SPELLINGS } from './support/error-spellings.js';
import { startScriptedUpstream, type ScriptedAnswer } from './support/scripted-upstream.js';
import { apiGatewayClient, apiGatewayV2Client, FAKE_CREDENTIALS } from './support/sdk-clients.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());
beforeAll(() => assertBuilt(['contracts/validator.ts', 'contracts/error-judgement.ts', 'contracts/content-type.ts', 'contracts/exchange-findings.ts']));

const JSON_TYPE = { 'content-type': 'application/json' };
const API = 'a1b2c3d4e5';
const integrationResponse = { restApiId: API, resourceId: 'r3s0ur', httpMethod: 'GET', statusCode: '200' };
const v2Ids = { ApiId: API, IntegrationId: 'in7egr' };

/** One SDK call, the answer the emulator gives it, and what the SDK makes of it. */
interface Step {
  name: string;
  answer: ScriptedAnswer;
  call: (endpoint: string) => Promise<unknown>;
  /** `ok`, or `error:<name>` for the exception the SDK raised. */
  sdk: string;
}

const v1 = (endpoint: string) => apiGatewayClient(endpoint);
const v2 = (endpoint: string) => apiGatewayV2Client(endpoint);
const clientConfig = (endpoint: string) => ({ endpoint, region: 'us-east-1', credentials: { ...FAKE_CREDENTIALS }, maxAttempts: 1 });

/**
 * A service tapegate bundles no contracts for (and has no SDK client in this project): a json
 * call signed as the SDK signs it, so its exchange keeps the SigV4 scope's service.
 */
async function cognitoListUserPools(endpoint: string): Promise<void> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service: 'cognito-idp', region: 'us-east-1', credentials: { ...FAKE_CREDENTIALS }, sha256: NodeSha256 });
  const body = JSON.stringify({ MaxResults: 10 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools' },
    body,
  });
  const response = await fetch(`${endpoint}/`, { method: 'POST', headers: signed.headers, body });
  if (!response.ok) throw new Error(`status ${response.status}`);
  await response.text();
}

/** The signing names of the corpus's other services that no bundled contract covers (fewer as tapegate learns protocols). */
const UNCOVERED = Object.fromEntries(
  ['cognito-idp', 'dynamodb', 'sts'].filter((name) => !bundledContracts().services.some((service) => service.signingName === name)).map((name) => [name, 1]),
);

const getV1IntegrationResponse = (endpoint: string) => v1(endpoint).send(new GetIntegrationResponseCommand(integrationResponse));

/** Answers AWS would not give word for word, that both SDKs read as AWS's. */
const unusual: Step[] = [
  {
    name: 'null members, a member the model lacks, JSON with a charset',
    answer: {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ statusCode: '200', selectionPattern: null, contentHandling: null, responseTemplates: { 'application/json': null }, addedByAwsLater: { x: 1 } }),
    },
    call: getV1IntegrationResponse,
    sdk: 'ok',
  },
  {
    name: 'a JSON-protocol Content-Type, nulls in a list item',
    answer: {
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ items: [{ apiId: API, name: 'n', protocolType: 'HTTP', routeSelectionExpression: '$request.method $request.path', tags: null }], nextToken: null }),
    },
    call: (endpoint) => v2(endpoint).send(new GetApisCommand({})),
    sdk: 'ok',
  },
  ...NOT_FOUND_SPELLINGS.map(({ name, answer }) => ({ name, answer, call: getV1IntegrationResponse, sdk: 'error:NotFoundException' })),
  {
    name: 'an error another operation of the service declares (the SDK raises its modeled class)',
    answer: { status: 409, headers: { ...JSON_TYPE, 'x-amzn-errortype': 'ConflictException' }, body: JSON.stringify({ message: 'in use' }) },
    call: getV1IntegrationResponse,
    sdk: 'error:ConflictException',
  },
  {
    name: "a common AWS error no model lists (the front door's credential check)",
    answer: {
      status: 403,
      headers: { ...JSON_TYPE, 'x-amzn-errortype': 'UnrecognizedClientException' },
      body: JSON.stringify({ message: 'The security token included in the request is invalid.' }),
    },
    call: (endpoint) => v2(endpoint).send(new GetApiCommand({ ApiId: API })),
    sdk: 'error:UnrecognizedClientException',
  },
  {
    name: 'a body-less 204 without a Content-Type',
    answer: { status: 204, headers: {} },
    call: (endpoint) => v2(endpoint).send(new DeleteApiCommand({ ApiId: API })),
    sdk: 'ok',
  },
  {
    name: 'another service in the cassette: STS (query protocol, XML)',
    answer: {
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::000000000000:user/t</Arn><UserId>AIDTEST</UserId><Account>000000000000</Account></GetCallerIdentityResult></GetCallerIdentityResponse>',
    },
    call: (endpoint) => new STSClient(clientConfig(endpoint)).send(new GetCallerIdentityCommand({})),
    sdk: 'ok',
  },
  {
    name: 'another service in the cassette: DynamoDB (JSON protocol)',
    answer: { status: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify({ TableNames: [] }) },
    call: (endpoint) => new DynamoDBClient(clientConfig(endpoint)).send(new ListTablesCommand({})),
    sdk: 'ok',
  },
  {
    name: "S3's 204 where its model declares no status (PutBucketTagging, as S3 itself answers)",
    answer: { status: 204, headers: {} },
    call: (endpoint) =>
      new S3Client({ ...clientConfig(endpoint), forcePathStyle: true }).send(new PutBucketTaggingCommand({ Bucket: 'orders', Tagging: { TagSet: [{ Key: 'team', Value: 'a' }] } })),
    sdk: 'ok',
  },
  {
    name: 'another service in the cassette: Cognito user pools (JSON 1.1, no contracts bundled)',
    answer: { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ UserPools: [] }) },
    call: cognitoListUserPools,
    sdk: 'ok',
  },
  {
    name: "the emulator's own reset call, unsigned",
    answer: { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '' },
    call: async (endpoint) => {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!response.ok) throw new Error(`status ${response.status}`);
    },
    sdk: 'ok',
  },
];

type Expected = [code: Finding['code'], severity: Finding['severity'], side: Finding['side'], path: string];

/** What AWS would not send, each with the finding it must give. */
const deviations: (Step & { finding: Expected })[] = [
  {
    name: 'success status 200 where the model says 201',
    answer: { status: 200, headers: JSON_TYPE, body: JSON.stringify({ integrationResponseId: 'r3sp0n', integrationResponseKey: '$default' }) },
    call: (endpoint) => v2(endpoint).send(new CreateIntegrationResponseCommand({ ...v2Ids, IntegrationResponseKey: '$default' })),
    sdk: 'ok',
    finding: ['unexpected-status', 'error', 'response', '/status'],
  },
  {
    name: "an error type with another error's status",
    answer: { status: 400, headers: { ...JSON_TYPE, 'x-amzn-errortype': 'NotFoundException' }, body: JSON.stringify({ message: 'gone' }) },
    call: getV1IntegrationResponse,
    sdk: 'error:NotFoundException',
    finding: ['error-status-mismatch', 'error', 'response', '/status'],
  },
  {
    name: 'an integer sent as a string',
    answer: { status: 200, headers: JSON_TYPE, body: JSON.stringify({ integrationId: 'in7egr', timeoutInMillis: '5000' }) },
    call: (endpoint) => v2(endpoint).send(new GetIntegrationCommand(v2Ids)),
    sdk: 'ok',
    finding: ['invalid-type', 'error', 'response', '/body/timeoutInMillis'],
  },
  {
    name: 'a methodResponses key that is no status code',
    answer: { status: 200, headers: JSON_TYPE, body: JSON.stringify({ httpMethod: 'GET', methodResponses: { '2000': { statusCode: '200' } } }) },
    call: (endpoint) => v1(endpoint).send(new GetMethodCommand({ restApiId: API, resourceId: 'r3s0ur', httpMethod: 'GET' })),
    sdk: 'ok',
    finding: ['pattern-mismatch', 'error', 'response', '/body/methodResponses/2000'],
  },
  {
    name: 'SDK casing on the wire (the SDK drops the member)',
    answer: {
      status: 200,
      headers: JSON_TYPE,
      body: JSON.stringify({ integrationResponseId: 'r3sp0n', integrationResponseKey: '$default', ResponseParameters: { 'method.response.header.x': "'v'" } }),
    },
    call: (endpoint) => v2(endpoint).send(new GetIntegrationResponseV2Command({ ...v2Ids, IntegrationResponseId: 'r3sp0n' })),
    sdk: 'ok',
    finding: ['wrong-casing', 'warn', 'response', '/body/ResponseParameters'],
  },
  {
    name: 'JSON labelled text/html',
    answer: {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: JSON.stringify({ apiId: API, name: 'n', protocolType: 'HTTP', routeSelectionExpression: 'x' }),
    },
    call: (endpoint) => v2(endpoint).send(new GetApiCommand({ ApiId: API })),
    sdk: 'ok',
    finding: ['content-type', 'warn', 'response', '/headers/content-type'],
  },
  {
    name: 'JSON without a Content-Type',
    answer: { status: 200, headers: {}, body: JSON.stringify({ apiId: API, name: 'n', protocolType: 'HTTP', routeSelectionExpression: 'x' }) },
    call: (endpoint) => v2(endpoint).send(new GetApiCommand({ ApiId: API })),
    sdk: 'ok',
    finding: ['content-type', 'warn', 'response', '/headers/content-type'],
  },
  {
    name: 'a body that is not JSON where JSON is expected',
    answer: { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Internal Server Error</body></html>' },
    call: (endpoint) => v2(endpoint).send(new GetApiCommand({ ApiId: API })),
    sdk: 'error:SyntaxError',
    finding: ['invalid-json', 'error', 'response', '/body'],
  },
  {
    name: 'an error without any type',
    answer: { status: 404, headers: JSON_TYPE, body: JSON.stringify({ message: 'Invalid Integration identifier specified' }) },
    call: getV1IntegrationResponse,
    sdk: 'error:Unknown',
    finding: ['missing-error-type', 'error', 'response', '/headers/x-amzn-errortype'],
  },
  {
    name: 'an error type no operation of the service declares',
    answer: { status: 400, headers: { ...JSON_TYPE, 'x-amzn-errortype': 'ValidationException' }, body: JSON.stringify({ message: 'bad' }) },
    call: getV1IntegrationResponse,
    sdk: 'error:ValidationException',
    finding: ['undeclared-error', 'warn', 'response', '/headers/x-amzn-errortype'],
  },
];

async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return `error:${(error as Error).name}`;
  }
}

/** Plays `steps` to the real SDK through a recording proxy; the cassette's file name. */
async function record(steps: Step[]): Promise<{ dir: string; cassette: string; sdk: string[] }> {
  const upstream = await startScriptedUpstream(steps.map((step) => step.answer));
  cleanups.add(() => upstream.close());
  const { dir, remove } = await tempDir();
  cleanups.add(remove);
  const cassette = 'emulator.cassette';
  const proxy = await startProxy({ mode: 'record', cassette: join(dir, cassette), upstream: upstream.url, log: false, credentials: randomCredentials() });
  const sdk: string[] = [];
  try {
    for (const step of steps) sdk.push(await outcome(step.call(proxy.url)));
  } finally {
    await proxy.close();
  }
  expect(upstream.pending).toBe(0);
  expect((await readCassette(join(dir, cassette))).exchanges).toHaveLength(steps.length);
  return { dir, cassette, sdk };
}

interface JsonReport {
  failed: boolean;
  summary: { error: number; warn: number; info: number };
  uncovered: Record<string, number>;
  operations: { findings: (Finding & { seq: number })[] }[];
}

async function verifyJson(dir: string, cassette: string): Promise<JsonReport> {
  const result = await runCliAsync(['verify', cassette, '--format', 'json'], { cwd: dir });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as JsonReport;
}

describe("an emulator's correct-but-unusual answers", () => {
  it('are what the SDK accepts, and verify --fail-on error passes them (no error, no warn)', async () => {
    const { dir, cassette, sdk } = await record(unusual);
    expect(Object.fromEntries(unusual.map((step, i) => [step.name, sdk[i]]))).toEqual(Object.fromEntries(unusual.map((step) => [step.name, step.sdk])));

    const { exchanges } = await readCassette(join(dir, cassette));
    expect(exchanges.at(-1)).toMatchObject({ operation: null, unsigned: true, request: { method: 'POST', path: '/moto-api/reset' } });

    const gate = await runCliAsync(['verify', cassette, '--fail-on', 'error'], { cwd: dir });
    expect(gate.stdout.trimEnd().split('\n').at(-1)).toBe('Passed: no findings at error (--fail-on error).');
    expect(gate.status).toBe(0);
    expect((await runCliAsync(['verify', cassette, '--fail-on', 'warn'], { cwd: dir })).status).toBe(0);

    const report = await verifyJson(dir, cassette);
    expect(report.summary).toMatchObject({ error: 0, warn: 0 });
    expect(report.uncovered).toEqual(UNCOVERED);
    expect(report.uncovered).toHaveProperty('cognito-idp', 1);
    const infos = report.operations.flatMap((group) => group.findings).map((f) => [f.seq, f.code, f.path]);
    expect(infos).toEqual(
      expect.arrayContaining([
        [0, 'null-member', '/body/selectionPattern'],
        [0, 'unknown-field', '/body/addedByAwsLater'],
        [1, 'null-member', '/body/items/0/tags'],
        [8, 'undeclared-error', '/headers/x-amzn-errortype'],
        [9, 'undeclared-error', '/headers/x-amzn-errortype'],
        [13, 'undeclared-status', '/status'],
        [14, 'uncovered-service', ''],
        [15, 'unsigned-call', ''],
      ]),
    );
  });
});

describe('true deviations', () => {
  it('each give their exact finding, though the SDK takes most of them silently', async () => {
    const { dir, cassette, sdk } = await record(deviations);
    expect(Object.fromEntries(deviations.map((step, i) => [step.name, sdk[i]]))).toEqual(Object.fromEntries(deviations.map((step) => [step.name, step.sdk])));

    const report = await verifyJson(dir, cassette);
    const findings = report.operations.flatMap((group) => group.findings);
    const bySeq = deviations.map((_, seq) => findings.filter((f) => f.seq === seq).map((f): Expected => [f.code, f.severity, f.side, f.path]));
    expect(Object.fromEntries(deviations.map((step, seq) => [step.name, bySeq[seq]]))).toEqual(Object.fromEntries(deviations.map((step) => [step.name, [step.finding]])));
    expect(report.failed).toBe(true);
    expect((await runCliAsync(['verify', cassette, '--fail-on', 'error'], { cwd: dir })).status).toBe(1);
  });
});
