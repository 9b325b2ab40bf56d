/**
 * Lambda (rest-json) against the real @aws-sdk/client-lambda: each request the SDK builds
 * routes to its operation and validates without findings, each canned answer built to the
 * contract validates and the SDK parses it, and a canned declared error is raised as the SDK's
 * own class. Then the services that share a shape of path: a request is its signing service's,
 * whatever another service has at that path.
 */
import { APIGatewayClient, GetTagsCommand } from '@aws-sdk/client-api-gateway';
import { LambdaClient, ListTagsCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledContracts } from '../contracts/load.js';
import { Validator } from '../contracts/validator.js';
import type { RecordedRequest, RecordedResponse } from '../core/exchange.js';
import { LAMBDA_CASES, LAMBDA_ERROR } from './contracts-sdk-lambda-cases.js';
import { startCaptureServer, type CaptureServer } from './support/capture-server.js';
import { exerciseCase } from './support/sdk-case.js';
import { FAKE_CREDENTIALS } from './support/sdk-clients.js';

const validator = new Validator(bundledContracts());
const contracts = validator.contracts;

const lambdaClient = (endpoint: string): LambdaClient => new LambdaClient({ endpoint, region: 'us-east-1', credentials: { ...FAKE_CREDENTIALS }, maxAttempts: 1 });

describe('the Lambda case table', () => {
  it('drives at least 20 Lambda operations, each once and each a bundled rest-json operation', () => {
    expect(contracts.service('lambda')?.protocol).toBe('rest-json');
    const ids = LAMBDA_CASES.map((c) => c.operation);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(20);
    for (const id of ids) expect(contracts.operations.has(id), id).toBe(true);
  });
});

describe('Lambda through @aws-sdk/client-lambda', () => {
  let server: CaptureServer;
  let client: LambdaClient;
  beforeAll(async () => {
    server = await startCaptureServer();
    client = lambdaClient(server.url);
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
  });

  it.each(LAMBDA_CASES.map((c) => [c.operation, c] as const))('%s', async (_, testCase) => {
    await exerciseCase(testCase, client, server, validator);
  });

  it(`raises a canned ${LAMBDA_ERROR.error} of ${LAMBDA_ERROR.operation} as the SDK's own class`, async () => {
    const id = `lambda.${LAMBDA_ERROR.operation}`;
    const declared = contracts.operations.get(id)!.errors.find((error) => error.type === LAMBDA_ERROR.error)!;
    // As Lambda answers: the type in X-Amzn-ErrorType, and `Type`/`message` in the body.
    const response: RecordedResponse = {
      status: declared.status,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': LAMBDA_ERROR.error, 'x-amzn-requestid': 'r-1' },
      body: { kind: 'json', value: { Type: 'User', message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:gone' } },
    };
    server.respondWith(() => response);
    const before = server.requests.length;
    const { GetFunctionCommand } = await import('@aws-sdk/client-lambda');
    const thrown = await client.send(new GetFunctionCommand({ FunctionName: 'gone' })).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe(LAMBDA_ERROR.error);
    expect((thrown as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(404);
    const request = server.requests[before]!;
    expect(validator.validate({ request, response }, id)).toEqual([]);
  });
});

describe('services with paths of one shape route by their signing service', () => {
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCaptureServer(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: { kind: 'json', value: { tags: {}, Tags: {} } } }));
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The request each real SDK sends for "the tags of this ARN". */
  async function tagRequests(): Promise<{ lambda: RecordedRequest; apigateway: RecordedRequest }> {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:orders-api';
    const lambda = lambdaClient(server.url);
    const apigateway = new APIGatewayClient({ endpoint: server.url, region: 'us-east-1', credentials: { ...FAKE_CREDENTIALS }, maxAttempts: 1 });
    try {
      const before = server.requests.length;
      await lambda.send(new ListTagsCommand({ Resource: arn }));
      await apigateway.send(new GetTagsCommand({ resourceArn: arn }));
      return { lambda: server.requests[before]!, apigateway: server.requests[before + 1]! };
    } finally {
      lambda.destroy();
      apigateway.destroy();
    }
  }

  it("Lambda's ListTags and API Gateway's GetTags, both GET …/tags/{arn}, are each their own service's", async () => {
    const { lambda, apigateway } = await tagRequests();
    expect(lambda.path).toMatch(/^\/2017-03-31\/tags\//);
    expect(apigateway.path).toMatch(/^\/tags\//);
    expect(validator.router.route(lambda)?.operation).toBe('lambda.ListTags');
    expect(validator.router.route(apigateway)?.operation).toBe('apigateway.GetTags');
  });

  it('the path of one service signed for the other is no operation of either', async () => {
    const { lambda, apigateway } = await tagRequests();
    const swap = (request: RecordedRequest, from: string, to: string): RecordedRequest => ({
      ...request,
      headers: { ...request.headers, authorization: request.headers.authorization!.replace(`/${from}/aws4_request`, `/${to}/aws4_request`) },
    });
    expect(validator.router.route(swap(lambda, 'lambda', 'apigateway'))).toBeNull();
    expect(validator.router.route(swap(apigateway, 'apigateway', 'lambda'))).toBeNull();
    // A service the contracts lack names no operation either, whatever its path.
    expect(validator.router.route(swap(apigateway, 'apigateway', 'eks'))).toBeNull();
  });

  it('an unsigned request (no service named) is routed by its path alone', async () => {
    const { lambda, apigateway } = await tagRequests();
    const unsigned = (request: RecordedRequest): RecordedRequest => ({ ...request, headers: { host: '127.0.0.1' } });
    expect(validator.router.route(unsigned(lambda))?.operation).toBe('lambda.ListTags');
    expect(validator.router.route(unsigned(apigateway))?.operation).toBe('apigateway.GetTags');
    // An AWS Host names its service like a signature does.
    expect(validator.router.route({ ...unsigned(apigateway), headers: { host: 'lambda.us-east-1.amazonaws.com' } })).toBeNull();
  });
});
