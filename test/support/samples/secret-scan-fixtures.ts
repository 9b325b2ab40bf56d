/**
 * Realistic API Gateway traffic that holds no credential but plenty that looks a bit like
 * one: resource ids, role and Lambda ARNs, VTL templates that mention `Authorization`,
 * API key values (40 mixed-case characters), pagination tokens, a PEM certificate, base64
 * export and SDK blobs, hashes. The secret scanner must pass all of it; the redaction fuzz
 * test also plants credentials in it. Deterministic (seeded), built fresh on every call.
 */
import type { Exchange, RecordedRequest, RecordedResponse } from '../../../core/exchange.js';
import { createRng, randomString, type Rng } from './secret-samples.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ACCOUNT = '210987654321';

function randomBytes(rng: Rng, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(rng() * 256);
  return out;
}

function pem(rng: Rng): string {
  const lines =
    randomBytes(rng, 900)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function responseHeaders(rng: Rng): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-amzn-requestid': '3f2a1b4c-aaaa-4bbb-8ccc-1234567890ab',
    'x-amz-apigw-id': `${randomString(rng, ALNUM, 14)}=`,
    'x-amzn-trace-id': 'Root=1-6773f1a0-0123456789abcdef01234567',
    'x-amz-cf-id': `${randomString(rng, ALNUM + '_-', 54)}==`,
  };
}

function one(operation: string, request: Partial<RecordedRequest>, response: Partial<RecordedResponse>, rng: Rng, seq: number): Exchange {
  return {
    seq,
    operation,
    request: { method: 'GET', path: '/', query: {}, headers: { accept: 'application/json' }, body: { kind: 'empty' }, ...request },
    response: { status: 200, headers: responseHeaders(rng), body: { kind: 'empty' }, ...response },
    timing: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 30 + seq },
  };
}

export function realisticApiGatewayExchanges(seed = 7): Exchange[] {
  const rng = createRng(seed);
  const api = randomString(rng, LOWER_ALNUM, 10);
  const role = `arn:aws:iam::${ACCOUNT}:role/service-role/ApiGatewayInvokeLambdaRoleProd01`;
  const lambda = `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-handler/invocations`;
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:us-east-1:${ACCOUNT}:${api}/*` }],
  });
  const json = (value: unknown) => ({ kind: 'json', value }) as const;
  const exchanges: [string, Partial<RecordedRequest>, Partial<RecordedResponse>][] = [
    [
      'apigateway.GetRestApis',
      { path: '/restapis', query: { limit: ['25'], position: [randomString(rng, ALNUM, 40)] } },
      {
        body: json({
          item: [{ id: api, name: 'orders', createdDate: 1_735_689_600, apiKeySource: 'HEADER', endpointConfiguration: { types: ['REGIONAL'] }, policy }],
          position: randomString(rng, ALNUM + '/+', 120),
        }),
      },
    ],
    [
      'apigateway.PutIntegration',
      {
        method: 'PUT',
        path: `/restapis/${api}/resources/r00t01/methods/POST/integration`,
        body: json({
          type: 'AWS_PROXY',
          httpMethod: 'POST',
          uri: lambda,
          credentials: role,
          passthroughBehavior: 'WHEN_NO_TEMPLATES',
          requestParameters: { 'integration.request.header.Authorization': 'method.request.header.Authorization' },
          requestTemplates: { 'application/json': '{"token": "$input.params(\'Authorization\')", "key": "$context.identity.accessKey", "account": "$context.identity.accountId"}' },
          cacheKeyParameters: ['method.request.path.id'],
        }),
      },
      { status: 201, body: json({ type: 'AWS_PROXY', uri: lambda, credentials: role, timeoutInMillis: 29000, cacheNamespace: 'r00t01' }) },
    ],
    [
      'apigateway.GetAuthorizer',
      { path: `/restapis/${api}/authorizers/az1b2c` },
      {
        body: json({
          id: 'az1b2c',
          name: 'tokens',
          type: 'TOKEN',
          authType: 'custom',
          authorizerUri: lambda,
          authorizerCredentials: role,
          identitySource: 'method.request.header.Authorization',
          identityValidationExpression: '^Bearer [-0-9a-zA-Z\\._]*$',
          authorizerResultTtlInSeconds: 300,
        }),
      },
    ],
    [
      'apigateway.CreateApiKey',
      { method: 'POST', path: '/apikeys', body: json({ name: 'partner', enabled: true, value: randomString(rng, ALNUM, 40) }) },
      {
        status: 201,
        body: json({
          id: randomString(rng, LOWER_ALNUM, 10),
          value: randomString(rng, ALNUM, 40),
          name: 'partner',
          enabled: true,
          createdDate: 1_735_689_600,
          stageKeys: [`${api}/prod`],
        }),
      },
    ],
    [
      'apigateway.GetClientCertificate',
      { path: '/clientcertificates/cc1' },
      {
        body: json({ clientCertificateId: 'cc1', pemEncodedCertificate: pem(rng), createdDate: 1_735_689_600, expirationDate: 1_767_225_600 }),
      },
    ],
    [
      'apigateway.GetExport',
      { path: `/restapis/${api}/stages/prod/exports/oas30`, headers: { accept: 'application/yaml' } },
      {
        headers: { 'content-type': 'application/octet-stream' },
        body: {
          kind: 'bytes',
          bytes: new Uint8Array(
            Buffer.from(`openapi: 3.0.1\npaths:\n  /orders:\n    post:\n      x-amazon-apigateway-integration:\n        uri: ${lambda}\n        credentials: ${role}\n`),
          ),
        },
      },
    ],
    [
      'apigateway.GetSdk',
      { path: `/restapis/${api}/stages/prod/sdks/javascript` },
      {
        headers: { 'content-type': 'application/octet-stream' },
        body: { kind: 'bytes', bytes: new Uint8Array(randomBytes(rng, 64 * 1024)) },
      },
    ],
    [
      'apigateway.ImportRestApi',
      {
        method: 'POST',
        path: '/restapis',
        query: { mode: ['import'] },
        body: json({ body: randomBytes(rng, 30_000).toString('base64'), sha1: randomBytes(rng, 20).toString('hex'), sha256: randomBytes(rng, 32).toString('base64') }),
      },
      { status: 201 },
    ],
    [
      'apigatewayv2.GetApis',
      { path: '/v2/apis', query: { nextToken: [randomString(rng, ALNUM + '/+', 160) + '=='] } },
      {
        body: json({
          items: [
            {
              apiId: api,
              apiEndpoint: `https://${api}.execute-api.us-east-1.amazonaws.com`,
              name: 'http',
              protocolType: 'HTTP',
              routeSelectionExpression: '$request.method $request.path',
              apiKeySelectionExpression: '$request.header.x-api-key',
              createdDate: '2025-01-01T00:00:00Z',
              tags: { team: 'payments' },
            },
          ],
          nextToken: randomString(rng, ALNUM + '/+', 40),
        }),
      },
    ],
    [
      'apigatewayv2.CreateAuthorizer',
      {
        method: 'POST',
        path: `/v2/apis/${api}/authorizers`,
        body: json({
          authorizerType: 'JWT',
          identitySource: ['$request.header.Authorization'],
          jwtConfiguration: { audience: [randomString(rng, LOWER_ALNUM, 26)], issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123' },
          name: 'jwt',
        }),
      },
      {
        status: 201,
        body: json({ authorizerId: 'ab12cd', authorizerType: 'JWT', identitySource: ['$request.header.Authorization'], name: 'jwt' }),
      },
    ],
    [
      'apigatewayv2.UpdateIntegration',
      {
        method: 'PATCH',
        path: `/v2/apis/${api}/integrations/in1234`,
        body: json({ credentialsArn: role, integrationUri: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-handler`, timeoutInMillis: 29000 }),
      },
      {
        body: json({
          integrationId: 'in1234',
          credentialsArn: role,
          integrationType: 'AWS_PROXY',
          requestParameters: { 'overwrite:header.x-token-hash': '$request.header.x-token' },
        }),
      },
    ],
  ];
  return exchanges.map(([operation, request, response], seq) => one(operation, request, response, rng, seq));
}
