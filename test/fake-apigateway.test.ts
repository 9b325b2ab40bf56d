/**
 * The fake API Gateway, driven by the real SDK v3 clients straight at it (no proxy): the
 * scenarios the recording tests will replay, signature checking, AWS-shaped errors, injected
 * throttling and transport faults. After every test each answered exchange goes through the
 * contract validator: the fake's answers must fit the contract (warnings allowed, e.g. for
 * errors the models do not declare, like InvalidSignatureException), and a request the
 * contract finds bad must have been refused.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { once } from 'node:events';
import * as v1 from '@aws-sdk/client-api-gateway';
import * as v2 from '@aws-sdk/client-apigatewayv2';
import { Validator } from '../contracts/validator.js';
import {
  failure,
  restApiWithMockIntegration,
  sdkClients,
  startFakeApiGateway,
  FAKE_APIGATEWAY_CREDENTIALS,
  type FakeApiGateway,
  type FakeClients,
} from './support/fake-apigateway/index.js';

let fake: FakeApiGateway;
let sdk: FakeClients;
const validator = new Validator();

beforeEach(async () => {
  fake = await startFakeApiGateway();
  sdk = sdkClients(fake.url);
});

afterEach(async () => {
  sdk.destroy();
  await fake.close();
  // Responses must fit the contract. Requests may break it (a test sends bad input on
  // purpose) but then the fake must have refused them, as AWS would.
  const errors = fake.exchanges
    .filter((exchange) => exchange.operation !== null)
    .flatMap((exchange) =>
      validator
        .validate(exchange, exchange.operation)
        .filter((finding) => finding.severity === 'error')
        .filter((finding) => finding.side === 'response' || exchange.response.status < 400),
    );
  expect(errors).toEqual([]);
});

/** The JSON body the fake sent for the last exchange of `operation`. */
function wireBody(operation: string): Record<string, unknown> {
  const exchange = fake.exchanges.filter((e) => e.operation === operation).at(-1);
  if (exchange?.response.body.kind !== 'json') throw new Error(`no JSON answer for ${operation}`);
  return exchange.response.body.value as Record<string, unknown>;
}

describe('API Gateway v1', () => {
  test('the whole scenario, from CreateRestApi to DeleteRestApi', async () => {
    const { api, root, at } = await restApiWithMockIntegration(sdk.v1);
    expect(api.id).toMatch(/^[a-z0-9]{10}$/);
    expect(root.id).toMatch(/^[a-z0-9]{6}$/);
    expect(api.createdDate).toBeInstanceOf(Date);
    expect(typeof wireBody('apigateway.CreateRestApi').createdDate).toBe('number');
    expect(wireBody('apigateway.GetResources').item).toEqual([{ id: root.id, path: '/' }]);

    const put = await sdk.v1.send(
      new v1.PutIntegrationResponseCommand({
        ...at,
        selectionPattern: '',
        responseTemplates: { 'application/json': '{"old": true}' },
        responseParameters: { 'method.response.header.X-Id': "'static-id'" },
      }),
    );
    expect(put.$metadata.httpStatusCode).toBe(201);
    const got = await sdk.v1.send(new v1.GetIntegrationResponseCommand(at));
    expect(got.responseTemplates).toEqual({ 'application/json': '{"old": true}' });

    const updated = await sdk.v1.send(
      new v1.UpdateIntegrationResponseCommand({
        ...at,
        patchOperations: [
          { op: 'replace', path: '/responseTemplates/application~1json', value: '{"new": true}' },
          { op: 'add', path: '/responseParameters/method.response.header.X-Foo', value: "'bar'" },
          { op: 'add', path: '/responseTemplates/text~1x~0y', value: 'tilde' },
          { op: 'remove', path: '/selectionPattern' },
          { op: 'replace', path: '/contentHandling', value: 'CONVERT_TO_TEXT' },
        ],
      }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(200);
    expect(updated.responseTemplates).toEqual({ 'application/json': '{"new": true}', 'text/x~y': 'tilde' });
    expect(updated.responseParameters).toEqual({ 'method.response.header.X-Id': "'static-id'", 'method.response.header.X-Foo': "'bar'" });
    expect(updated.selectionPattern).toBeUndefined();
    expect(updated.contentHandling).toBe('CONVERT_TO_TEXT');
    expect((await sdk.v1.send(new v1.GetIntegrationResponseCommand(at))).responseParameters).toEqual(updated.responseParameters);

    const deleted = await sdk.v1.send(new v1.DeleteRestApiCommand({ restApiId: api.id! }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect(fake.state.restApis.size).toBe(0);
  });

  test('a bad patch is a 400 BadRequestException and changes nothing', async () => {
    const { at } = await restApiWithMockIntegration(sdk.v1);
    await sdk.v1.send(new v1.PutIntegrationResponseCommand({ ...at, responseTemplates: { 'application/json': 'kept' } }));
    const patch = (patchOperations: v1.PatchOperation[]) => sdk.v1.send(new v1.UpdateIntegrationResponseCommand({ ...at, patchOperations }));

    const unknownPath = await failure(
      patch([
        { op: 'replace', path: '/responseTemplates/application~1json', value: 'lost' },
        { op: 'replace', path: '/statusCode', value: '201' },
      ]),
    );
    expect(unknownPath).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect(unknownPath.message).toContain("Invalid patch path '/statusCode'");
    expect(await failure(patch([{ op: 'copy', path: '/selectionPattern', from: '/contentHandling' }]))).toMatchObject({ name: 'BadRequestException', status: 400 });
    // An unescaped "/" in a media type makes a path of three levels, which no member has.
    expect(await failure(patch([{ op: 'add', path: '/responseTemplates/application/json', value: 'x' }]))).toMatchObject({ status: 400 });
    // Mapping a header the method response does not declare.
    const undeclared = await failure(patch([{ op: 'add', path: '/responseParameters/method.response.header.X-Nope', value: "'v'" }]));
    expect(undeclared.message).toContain('Invalid mapping expression parameter specified: method.response.header.X-Nope');

    expect((await sdk.v1.send(new v1.GetIntegrationResponseCommand(at))).responseTemplates).toEqual({ 'application/json': 'kept' });
  });

  test('bad input is a 400, unknown ids a 404 whose type carries a suffix the SDK strips', async () => {
    const missingName = await failure(sdk.v1.send(new v1.CreateRestApiCommand({} as v1.CreateRestApiCommandInput)));
    expect(missingName).toMatchObject({ name: 'BadRequestException', status: 400 });
    const { at } = await restApiWithMockIntegration(sdk.v1);
    const badEnum = await failure(sdk.v1.send(new v1.PutIntegrationCommand({ ...at, type: 'NOPE' as v1.IntegrationType })));
    expect(badEnum).toMatchObject({ name: 'BadRequestException', status: 400 });

    const notFound = await failure(sdk.v1.send(new v1.GetResourcesCommand({ restApiId: 'nosuchapi0' })));
    expect(notFound).toMatchObject({ name: 'NotFoundException', status: 404 });
    const header = fake.exchanges.at(-1)!.response.headers['x-amzn-errortype'];
    expect(header).toMatch(/^NotFoundException:http:\/\/internal\.amazon\.com\/coral\//);
  });

  test('GetRestApis lists the REST APIs made so far', async () => {
    const made = await sdk.v1.send(new v1.CreateRestApiCommand({ name: 'listed' }));
    const listed = await sdk.v1.send(new v1.GetRestApisCommand({}));
    expect(listed.items?.map((api) => api.id)).toContain(made.id);
    expect(listed.items?.find((api) => api.id === made.id)?.name).toBe('listed');
  });

  test('an operation the fake lacks is a 501 NotImplemented naming it', async () => {
    const error = await failure(sdk.v1.send(new v1.GetApiKeysCommand({})));
    expect(error).toMatchObject({ name: 'NotImplemented', status: 501 });
    expect(error.message).toContain('apigateway.GetApiKeys');
  });
});

describe('API Gateway v2', () => {
  test('the whole scenario, HTTP and WebSocket APIs', async () => {
    const http = await sdk.v2.send(new v2.CreateApiCommand({ Name: 'http-api', ProtocolType: 'HTTP' }));
    const ws = await sdk.v2.send(new v2.CreateApiCommand({ Name: 'ws-api', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }));
    expect(http.$metadata.httpStatusCode).toBe(201);
    expect(http.ApiId).toMatch(/^[a-z0-9]{10}$/);
    expect(http.CreatedDate).toBeInstanceOf(Date);
    expect(wireBody('apigatewayv2.CreateApi')).toMatchObject({
      apiId: ws.ApiId,
      protocolType: 'WEBSOCKET',
      createdDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) as string,
    });

    const proxy = await sdk.v2.send(
      new v2.CreateIntegrationCommand({
        ApiId: http.ApiId!,
        IntegrationType: 'HTTP_PROXY',
        IntegrationUri: 'https://backend.invalid/{proxy}',
        IntegrationMethod: 'ANY',
        PayloadFormatVersion: '1.0',
      }),
    );
    expect(proxy.$metadata.httpStatusCode).toBe(201);
    const timed = await sdk.v2.send(new v2.UpdateIntegrationCommand({ ApiId: http.ApiId!, IntegrationId: proxy.IntegrationId!, TimeoutInMillis: 5000 }));
    expect(timed).toMatchObject({ TimeoutInMillis: 5000, IntegrationType: 'HTTP_PROXY', IntegrationUri: 'https://backend.invalid/{proxy}' });

    const mock = await sdk.v2.send(new v2.CreateIntegrationCommand({ ApiId: ws.ApiId!, IntegrationType: 'MOCK', RequestTemplates: { $default: '{"statusCode": 200}' } }));
    const ids = { ApiId: ws.ApiId!, IntegrationId: mock.IntegrationId! };
    const created = await sdk.v2.send(
      new v2.CreateIntegrationResponseCommand({
        ...ids,
        IntegrationResponseKey: '$default',
        ResponseTemplates: { $default: '{"ok": true}' },
        TemplateSelectionExpression: '\\$default',
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    const responseId = created.IntegrationResponseId!;
    expect(await sdk.v2.send(new v2.GetIntegrationResponseCommand({ ...ids, IntegrationResponseId: responseId }))).toMatchObject({ IntegrationResponseKey: '$default' });
    const list = await sdk.v2.send(new v2.GetIntegrationResponsesCommand(ids));
    expect(list.Items?.map((item) => item.IntegrationResponseId)).toEqual([responseId]);
    expect(wireBody('apigatewayv2.GetIntegrationResponses').items).toHaveLength(1);
    const updated = await sdk.v2.send(
      new v2.UpdateIntegrationResponseCommand({
        ...ids,
        IntegrationResponseId: responseId,
        ResponseTemplates: { $default: '{"ok": false}' },
        ContentHandlingStrategy: 'CONVERT_TO_TEXT',
      }),
    );
    expect(updated).toMatchObject({ ResponseTemplates: { $default: '{"ok": false}' }, ContentHandlingStrategy: 'CONVERT_TO_TEXT', IntegrationResponseKey: '$default' });

    // WebSocket integrations time out at 29 s, HTTP ones at 30 s.
    expect(await failure(sdk.v2.send(new v2.UpdateIntegrationCommand({ ...ids, TimeoutInMillis: 30_000 })))).toMatchObject({ name: 'BadRequestException', status: 400 });

    for (const api of [http, ws]) {
      expect((await sdk.v2.send(new v2.DeleteApiCommand({ ApiId: api.ApiId! }))).$metadata.httpStatusCode).toBe(204);
    }
    expect(await failure(sdk.v2.send(new v2.GetIntegrationResponsesCommand(ids)))).toMatchObject({ name: 'NotFoundException', status: 404 });
  });

  test('a duplicate integration response key is a 409 ConflictException', async () => {
    const ws = await sdk.v2.send(new v2.CreateApiCommand({ Name: 'ws', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }));
    const mock = await sdk.v2.send(new v2.CreateIntegrationCommand({ ApiId: ws.ApiId!, IntegrationType: 'MOCK' }));
    const input = { ApiId: ws.ApiId!, IntegrationId: mock.IntegrationId!, IntegrationResponseKey: '$default' };
    await sdk.v2.send(new v2.CreateIntegrationResponseCommand(input));
    expect(await failure(sdk.v2.send(new v2.CreateIntegrationResponseCommand(input)))).toMatchObject({ name: 'ConflictException', status: 409 });
    expect(fake.state.apis.get(ws.ApiId!)?.integrations.get(mock.IntegrationId!)?.responses.size).toBe(1);
  });

  test('an unknown api id is a 404 NotFoundException', async () => {
    const error = await failure(sdk.v2.send(new v2.CreateIntegrationCommand({ ApiId: 'nosuchapi0', IntegrationType: 'MOCK' })));
    expect(error).toMatchObject({ name: 'NotFoundException', status: 404 });
    expect(wireBody('apigatewayv2.CreateIntegration')).toMatchObject({ resourceType: 'Api' });
  });
});

describe('SigV4', () => {
  test('verifies what the SDK signs, double-encoded path labels included', async () => {
    await sdk.v1.send(new v1.CreateRestApiCommand({ name: 'signed' }));
    // Labels the SDK percent-encodes, which SigV4 then encodes once more.
    const odd = await failure(sdk.v1.send(new v1.GetIntegrationResponseCommand({ restApiId: 'a b$c*(d)', resourceId: 'r/1', httpMethod: 'GET', statusCode: '200' })));
    expect(odd).toMatchObject({ name: 'NotFoundException', status: 404 });
    expect(fake.signatures).toEqual({ verified: 2, rejected: 0 });
  });

  test('a wrong secret key is a 403 InvalidSignatureException, a wrong access key a 403 UnrecognizedClientException', async () => {
    const wrongSecret = sdkClients(fake.url, { ...FAKE_APIGATEWAY_CREDENTIALS, secretAccessKey: 'not-the-secret' });
    const wrongKey = sdkClients(fake.url, { ...FAKE_APIGATEWAY_CREDENTIALS, accessKeyId: 'AKIDSOMEONEELSE' });
    try {
      const bad = await failure(wrongSecret.v1.send(new v1.CreateRestApiCommand({ name: 'nope' })));
      expect(bad).toMatchObject({ name: 'InvalidSignatureException', status: 403 });
      expect(bad.message).toContain('The request signature we calculated does not match the signature you provided');
      expect(await failure(wrongSecret.v2.send(new v2.CreateApiCommand({ Name: 'nope', ProtocolType: 'HTTP' })))).toMatchObject({ name: 'InvalidSignatureException', status: 403 });
      expect(await failure(wrongKey.v1.send(new v1.CreateRestApiCommand({ name: 'nope' })))).toMatchObject({ name: 'UnrecognizedClientException', status: 403 });
    } finally {
      wrongSecret.destroy();
      wrongKey.destroy();
    }
    expect(fake.signatures).toEqual({ verified: 0, rejected: 3 });
    expect(fake.state.restApis.size + fake.state.apis.size).toBe(0);
  });

  test('an unsigned request is a 403 InvalidSignatureException', async () => {
    const response = await fetch(`${fake.url}/restapis`, { method: 'POST', body: '{"name":"x"}' });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    expect(fake.signatures.rejected).toBe(1);
  });
});

describe('SigV4 with temporary credentials in another region', () => {
  test('the session token and the region of the scope must be the ones the fake knows', async () => {
    const credentials = { ...FAKE_APIGATEWAY_CREDENTIALS, sessionToken: 'fake-session-token' };
    const own = await startFakeApiGateway({ credentials, region: 'eu-west-1' });
    const right = sdkClients(own.url, credentials, 'eu-west-1');
    const noToken = sdkClients(own.url, FAKE_APIGATEWAY_CREDENTIALS, 'eu-west-1');
    const otherRegion = sdkClients(own.url, credentials, 'us-east-1');
    try {
      const api = await right.v2.send(new v2.CreateApiCommand({ Name: 'temp', ProtocolType: 'HTTP' }));
      expect(api.ApiEndpoint).toBe(`https://${api.ApiId!}.execute-api.eu-west-1.amazonaws.com`);
      expect(await failure(noToken.v2.send(new v2.DeleteApiCommand({ ApiId: api.ApiId! })))).toMatchObject({ name: 'UnrecognizedClientException', status: 403 });
      expect(await failure(otherRegion.v2.send(new v2.DeleteApiCommand({ ApiId: api.ApiId! })))).toMatchObject({ name: 'InvalidSignatureException', status: 403 });
      expect(own.signatures).toEqual({ verified: 1, rejected: 2 });
      // The token is a credential: it never reaches the exchange log.
      expect(own.exchanges.every((exchange) => !('x-amz-security-token' in exchange.request.headers))).toBe(true);
    } finally {
      for (const clients of [right, noToken, otherRegion]) clients.destroy();
      await own.close();
    }
  });
});

describe('injected errors and faults', () => {
  test('TooManyRequestsException and LimitExceededException: both 429, told apart by name', async () => {
    for (const type of ['TooManyRequestsException', 'LimitExceededException']) {
      const control = await fetch(`${fake.url}/__fake/next-error`, { method: 'POST', body: JSON.stringify({ type, status: 429 }) });
      expect(control.status).toBe(200);
    }
    const first = await failure(sdk.v1.send(new v1.CreateRestApiCommand({ name: 'a' })));
    expect(first).toMatchObject({ name: 'TooManyRequestsException', status: 429 });
    expect(fake.exchanges.at(-1)!.response.headers['retry-after']).toBe('1');
    expect(await failure(sdk.v1.send(new v1.CreateRestApiCommand({ name: 'b' })))).toMatchObject({ name: 'LimitExceededException', status: 429 });
    await sdk.v1.send(new v1.CreateRestApiCommand({ name: 'c' }));
    expect([...fake.state.restApis.values()].map((api) => api.wire.name)).toEqual(['c']);
    expect(fake.requests).toBe(3);
    const bad = await fetch(`${fake.url}/__fake/next-error`, { method: 'POST', body: '{"type": "Nope"}' });
    expect(bad.status).toBe(400);
  });

  test('closeMidResponse cuts the answer after processing the request', async () => {
    fake.faults.closeMidResponse = 'apigatewayv2.CreateApi';
    // The body stops short of its Content-Length: the client sees the connection reset.
    await expect(sdk.v2.send(new v2.CreateApiCommand({ Name: 'cut', ProtocolType: 'HTTP' }))).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(fake.exchanges.at(-1)?.fault).toBe('closeMidResponse');
    expect(fake.state.apis.size).toBe(1);
  });

  test('neverAnswer holds the request until the client gives up', async () => {
    fake.faults.neverAnswer = true;
    const abort = new AbortController();
    const held = once(fake.events, 'held');
    const call = sdk.v1.send(new v1.CreateRestApiCommand({ name: 'held' }), { abortSignal: abort.signal });
    await held;
    abort.abort();
    await expect(call).rejects.toThrow();
    expect(fake.exchanges).toEqual([]);
    expect(fake.state.restApis.size).toBe(0);
  });

  test('close() ends held requests and drops delayed answers', async () => {
    fake.faults.neverAnswer = 'apigateway.GetResources';
    fake.faults.delayMs = 600_000;
    const delayed = once(fake.events, 'delayed');
    const slow = sdk.v1.send(new v1.CreateRestApiCommand({ name: 'slow' }));
    await delayed;
    const held = once(fake.events, 'held');
    const hung = sdk.v1.send(new v1.GetResourcesCommand({ restApiId: 'whatever00' }));
    await held;
    // Both rejections are awaited together: the sockets may end in either order, and a call
    // awaited second would otherwise reject with no handler yet.
    const ended = Promise.all([expect(slow).rejects.toThrow(), expect(hung).rejects.toThrow()]);
    await fake.close();
    await ended;
    expect(fake.exchanges).toEqual([]);
  });
});
