/**
 * API Gateway v1 (`apigateway`) operations driven through the real SDK, with realistic inputs:
 * the two seed operations first, then a broad mix (lists with limit/position, creates, PUTs,
 * PATCHes, DELETEs, query literals with blob bodies, header members, tags with map bodies).
 */
import * as v1 from '@aws-sdk/client-api-gateway';
import { expect } from 'vitest';
import { at, bodyOf, members, type SdkCase } from './support/sdk-case.js';

type Case = SdkCase<v1.APIGatewayClient>;

const api = { restApiId: 'a1b2c3d4e5' };
const method = { ...api, resourceId: 'r3s0ur', httpMethod: 'GET' };
const tagArn = 'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod';
const openApi = new TextEncoder().encode(JSON.stringify({ openapi: '3.0.1', info: { title: 'pets', version: '1' }, paths: {} }));

export const v1Cases: Case[] = [
  {
    operation: 'apigateway.GetIntegrationResponse',
    send: (c) => c.send(new v1.GetIntegrationResponseCommand({ ...method, statusCode: '200' })),
    request: (_, labels) => expect(labels).toEqual({ restapi_id: 'a1b2c3d4e5', resource_id: 'r3s0ur', http_method: 'GET', status_code: '200' }),
    output: (out, sampled) => {
      expect(out.statusCode).toBe(sampled.statusCode);
      expect(out.contentHandling).toBe(sampled.contentHandling);
      expect(out.responseTemplates).toEqual(sampled.responseTemplates);
    },
  },
  {
    operation: 'apigateway.UpdateIntegrationResponse',
    send: (c) =>
      c.send(
        new v1.UpdateIntegrationResponseCommand({
          ...method,
          statusCode: '200',
          patchOperations: [
            { op: 'replace', path: '/responseTemplates/application~1json', value: '{"ok": true}' },
            { op: 'add', path: '/responseParameters/method.response.header.Access-Control-Allow-Origin', value: "'*'" },
            { op: 'add', path: '/responseParameters/method.response.header.X-Request-Id', value: 'integration.response.header.x-amzn-RequestId' },
            { op: 'replace', path: '/selectionPattern', value: '2\\d{2}' },
            { op: 'replace', path: '/contentHandling', value: 'CONVERT_TO_TEXT' },
            { op: 'remove', path: '/responseTemplates/application~1xml' },
          ],
        }),
      ),
    request: (request) => {
      expect(request.method).toBe('PATCH');
      expect(at(bodyOf(request), 'patchOperations', 0)).toEqual({ op: 'replace', path: '/responseTemplates/application~1json', value: '{"ok": true}' });
      expect(at(bodyOf(request), 'patchOperations', 1, 'value')).toBe("'*'");
    },
  },
  {
    operation: 'apigateway.GetRestApis',
    send: (c) => c.send(new v1.GetRestApisCommand({ limit: 25, position: 'eyJwYWdlIjoyfQ==' })),
    request: (request) => expect(request.query).toEqual({ limit: ['25'], position: ['eyJwYWdlIjoyfQ=='] }),
    output: (out) => expect(at(out, 'items', 0, 'createdDate')).toBeInstanceOf(Date),
  },
  { operation: 'apigateway.GetRestApi', send: (c) => c.send(new v1.GetRestApiCommand(api)) },
  {
    operation: 'apigateway.CreateRestApi',
    send: (c) =>
      c.send(
        new v1.CreateRestApiCommand({
          name: 'pets',
          description: 'Pet store',
          binaryMediaTypes: ['image/png'],
          minimumCompressionSize: 1024,
          endpointConfiguration: { types: ['REGIONAL'] },
          tags: { team: 'payments' },
          disableExecuteApiEndpoint: false,
        }),
      ),
    request: (request) => expect(bodyOf(request).endpointConfiguration).toEqual({ types: ['REGIONAL'] }),
    output: (out) => expect(out.createdDate).toBeInstanceOf(Date),
  },
  {
    operation: 'apigateway.ImportRestApi',
    send: (c) => c.send(new v1.ImportRestApiCommand({ body: openApi, failOnWarnings: true, parameters: { endpointConfigurationTypes: 'REGIONAL' } })),
    request: (request) => {
      expect(request.query).toEqual({ mode: ['import'], failonwarnings: ['true'], endpointConfigurationTypes: ['REGIONAL'] });
      expect(bodyOf(request)).toEqual({ openapi: '3.0.1', info: { title: 'pets', version: '1' }, paths: {} });
    },
  },
  {
    operation: 'apigateway.PutRestApi',
    send: (c) => c.send(new v1.PutRestApiCommand({ ...api, mode: 'overwrite', body: openApi })),
    request: (request) => expect(request.query.mode).toEqual(['overwrite']),
  },
  { operation: 'apigateway.DeleteRestApi', send: (c) => c.send(new v1.DeleteRestApiCommand(api)) },
  {
    operation: 'apigateway.GetResources',
    send: (c) => c.send(new v1.GetResourcesCommand({ ...api, limit: 500, embed: ['methods'] })),
    request: (request) => expect(request.query).toEqual({ limit: ['500'], embed: ['methods'] }),
  },
  { operation: 'apigateway.CreateResource', send: (c) => c.send(new v1.CreateResourceCommand({ ...api, parentId: 'r00t1d', pathPart: '{petId}' })) },
  {
    operation: 'apigateway.PutMethod',
    send: (c) =>
      c.send(
        new v1.PutMethodCommand({
          ...method,
          httpMethod: 'POST',
          authorizationType: 'NONE',
          apiKeyRequired: true,
          requestParameters: { 'method.request.querystring.page': false },
          requestModels: { 'application/json': 'Pet' },
        }),
      ),
  },
  { operation: 'apigateway.GetMethod', send: (c) => c.send(new v1.GetMethodCommand(method)) },
  {
    operation: 'apigateway.PutIntegration',
    send: (c) =>
      c.send(
        new v1.PutIntegrationCommand({
          ...method,
          type: 'HTTP_PROXY',
          integrationHttpMethod: 'GET',
          uri: 'https://pets.internal.example/pets',
          timeoutInMillis: 29000,
          requestParameters: { 'integration.request.header.x-page': 'method.request.querystring.page' },
          passthroughBehavior: 'WHEN_NO_MATCH',
          contentHandling: 'CONVERT_TO_TEXT',
          tlsConfig: { insecureSkipVerification: false },
        }),
      ),
  },
  {
    operation: 'apigateway.GetIntegration',
    send: (c) => c.send(new v1.GetIntegrationCommand(method)),
    output: (out, sampled) => expect(Object.keys(members(out.integrationResponses))).toEqual(Object.keys(members(sampled.integrationResponses))),
  },
  { operation: 'apigateway.DeleteIntegration', send: (c) => c.send(new v1.DeleteIntegrationCommand(method)) },
  {
    operation: 'apigateway.PutIntegrationResponse',
    send: (c) =>
      c.send(
        new v1.PutIntegrationResponseCommand({
          ...method,
          statusCode: '200',
          selectionPattern: '',
          contentHandling: 'CONVERT_TO_TEXT',
          responseTemplates: { 'application/json': '$input.json("$")' },
          responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
        }),
      ),
  },
  { operation: 'apigateway.DeleteIntegrationResponse', send: (c) => c.send(new v1.DeleteIntegrationResponseCommand({ ...method, statusCode: '500' })) },
  {
    operation: 'apigateway.PutMethodResponse',
    send: (c) =>
      c.send(
        new v1.PutMethodResponseCommand({
          ...method,
          statusCode: '200',
          responseModels: { 'application/json': 'Empty' },
          responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true },
        }),
      ),
  },
  {
    operation: 'apigateway.CreateDeployment',
    send: (c) => c.send(new v1.CreateDeploymentCommand({ ...api, stageName: 'prod', description: 'release 42', variables: { lambdaAlias: 'live' }, tracingEnabled: true })),
    output: (out) => expect(out.createdDate).toBeInstanceOf(Date),
  },
  { operation: 'apigateway.GetDeployments', send: (c) => c.send(new v1.GetDeploymentsCommand({ ...api, limit: 10 })) },
  {
    operation: 'apigateway.GetStages',
    send: (c) => c.send(new v1.GetStagesCommand({ ...api, deploymentId: 'd3pl0y' })),
    request: (request) => expect(request.query).toEqual({ deploymentId: ['d3pl0y'] }),
  },
  {
    operation: 'apigateway.CreateStage',
    send: (c) =>
      c.send(new v1.CreateStageCommand({ ...api, stageName: 'beta', deploymentId: 'd3pl0y', cacheClusterEnabled: true, cacheClusterSize: '0.5', variables: { env: 'beta' } })),
  },
  {
    operation: 'apigateway.UpdateStage',
    send: (c) =>
      c.send(
        new v1.UpdateStageCommand({
          ...api,
          stageName: 'prod',
          patchOperations: [
            { op: 'replace', path: '/*/*/throttling/rateLimit', value: '100' },
            { op: 'replace', path: '/variables/env', value: 'prod' },
          ],
        }),
      ),
  },
  { operation: 'apigateway.FlushStageCache', send: (c) => c.send(new v1.FlushStageCacheCommand({ ...api, stageName: 'prod' })) },
  {
    operation: 'apigateway.GetExport',
    send: (c) => c.send(new v1.GetExportCommand({ ...api, stageName: 'prod', exportType: 'oas30', accepts: 'application/yaml', parameters: { extensions: 'apigateway' } })),
    request: (request, labels) => {
      expect(request.headers.accept).toBe('application/yaml');
      expect(request.query).toEqual({ extensions: ['apigateway'] });
      expect(labels.export_type).toBe('oas30');
    },
  },
  { operation: 'apigateway.GetSdk', send: (c) => c.send(new v1.GetSdkCommand({ ...api, stageName: 'prod', sdkType: 'javascript' })) },
  {
    operation: 'apigateway.CreateApiKey',
    send: (c) => c.send(new v1.CreateApiKeyCommand({ name: 'partner', enabled: true, customerId: 'cust-7', stageKeys: [{ restApiId: 'a1b2c3d4e5', stageName: 'prod' }] })),
  },
  {
    operation: 'apigateway.GetApiKeys',
    send: (c) => c.send(new v1.GetApiKeysCommand({ limit: 50, nameQuery: 'partner', includeValues: true })),
    request: (request) => expect(request.query).toEqual({ limit: ['50'], name: ['partner'], includeValues: ['true'] }),
  },
  { operation: 'apigateway.GetApiKey', send: (c) => c.send(new v1.GetApiKeyCommand({ apiKey: 'k3y1d', includeValue: false })) },
  {
    operation: 'apigateway.ImportApiKeys',
    send: (c) =>
      c.send(new v1.ImportApiKeysCommand({ body: new TextEncoder().encode('name,key,enabled\npartner,not-a-real-key-0001,true\n'), format: 'csv', failOnWarnings: true })),
    request: (request) => {
      expect(request.query).toEqual({ mode: ['import'], format: ['csv'], failonwarnings: ['true'] });
      expect(request.body.kind).toBe('bytes');
    },
  },
  {
    operation: 'apigateway.CreateUsagePlan',
    send: (c) =>
      c.send(
        new v1.CreateUsagePlanCommand({
          name: 'gold',
          apiStages: [{ apiId: 'a1b2c3d4e5', stage: 'prod' }],
          throttle: { burstLimit: 10, rateLimit: 5.5 },
          quota: { limit: 1000, period: 'MONTH', offset: 0 },
        }),
      ),
  },
  { operation: 'apigateway.CreateUsagePlanKey', send: (c) => c.send(new v1.CreateUsagePlanKeyCommand({ usagePlanId: 'pl4n', keyId: 'k3y1d', keyType: 'API_KEY' })) },
  {
    operation: 'apigateway.GetUsage',
    send: (c) => c.send(new v1.GetUsageCommand({ usagePlanId: 'pl4n', keyId: 'k3y1d', startDate: '2024-05-01', endDate: '2024-05-31', limit: 31 })),
    request: (request) => expect(request.query).toEqual({ keyId: ['k3y1d'], startDate: ['2024-05-01'], endDate: ['2024-05-31'], limit: ['31'] }),
  },
  {
    operation: 'apigateway.TagResource',
    send: (c) => c.send(new v1.TagResourceCommand({ resourceArn: tagArn, tags: { env: 'test', team: 'payments' } })),
    request: (request, labels) => {
      expect(labels.resource_arn).toBe(tagArn);
      expect(bodyOf(request)).toEqual({ tags: { env: 'test', team: 'payments' } });
    },
  },
  {
    operation: 'apigateway.UntagResource',
    send: (c) => c.send(new v1.UntagResourceCommand({ resourceArn: tagArn, tagKeys: ['env', 'team'] })),
    request: (request) => expect(request.query).toEqual({ tagKeys: ['env', 'team'] }),
  },
  {
    operation: 'apigateway.GetTags',
    send: (c) => c.send(new v1.GetTagsCommand({ resourceArn: tagArn, limit: 5 })),
    output: (out, sampled) => expect(out.tags).toEqual(sampled.tags),
  },
  {
    operation: 'apigateway.CreateAuthorizer',
    send: (c) =>
      c.send(
        new v1.CreateAuthorizerCommand({
          ...api,
          name: 'token-auth',
          type: 'TOKEN',
          identitySource: 'method.request.header.Authorization',
          authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations',
          authorizerResultTtlInSeconds: 300,
        }),
      ),
  },
  {
    operation: 'apigateway.TestInvokeMethod',
    send: (c) =>
      c.send(new v1.TestInvokeMethodCommand({ ...method, pathWithQueryString: '/pets?limit=2', headers: { accept: 'application/json' }, stageVariables: { env: 'test' } })),
    output: (out, sampled) => expect(out.latency).toBe(sampled.latency),
  },
  {
    operation: 'apigateway.GetDocumentationParts',
    send: (c) => c.send(new v1.GetDocumentationPartsCommand({ ...api, type: 'METHOD', path: '/pets', locationStatus: 'DOCUMENTED', limit: 20 })),
    request: (request) => expect(request.query).toEqual({ type: ['METHOD'], path: ['/pets'], locationStatus: ['DOCUMENTED'], limit: ['20'] }),
  },
  {
    operation: 'apigateway.CreateDomainName',
    send: (c) =>
      c.send(
        new v1.CreateDomainNameCommand({
          domainName: 'api.pets.example',
          regionalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
          endpointConfiguration: { types: ['REGIONAL'] },
          securityPolicy: 'TLS_1_2',
        }),
      ),
    output: (out) => expect(out.certificateUploadDate).toBeInstanceOf(Date),
  },
  {
    operation: 'apigateway.CreateBasePathMapping',
    send: (c) => c.send(new v1.CreateBasePathMappingCommand({ domainName: 'api.pets.example', basePath: 'v1', restApiId: 'a1b2c3d4e5', stage: 'prod' })),
  },
  {
    operation: 'apigateway.DeleteBasePathMapping',
    send: (c) => c.send(new v1.DeleteBasePathMappingCommand({ domainName: 'api.pets.example', basePath: '(none)' })),
    request: (_, labels) => expect(labels).toEqual({ domain_name: 'api.pets.example', base_path: '(none)' }),
  },
  { operation: 'apigateway.GetAccount', send: (c) => c.send(new v1.GetAccountCommand({})) },
  {
    operation: 'apigateway.UpdateAccount',
    send: (c) => c.send(new v1.UpdateAccountCommand({ patchOperations: [{ op: 'replace', path: '/cloudwatchRoleArn', value: 'arn:aws:iam::123456789012:role/apigw-logs' }] })),
  },
  {
    operation: 'apigateway.CreateVpcLink',
    send: (c) => c.send(new v1.CreateVpcLinkCommand({ name: 'nlb-link', targetArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/nlb/abc'] })),
  },
  {
    operation: 'apigateway.PutGatewayResponse',
    send: (c) =>
      c.send(
        new v1.PutGatewayResponseCommand({
          ...api,
          responseType: 'DEFAULT_4XX',
          statusCode: '400',
          responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
          responseTemplates: { 'application/json': '{"message":$context.error.messageString}' },
        }),
      ),
  },
  { operation: 'apigateway.GetModelTemplate', send: (c) => c.send(new v1.GetModelTemplateCommand({ ...api, modelName: 'Pet' })) },
  { operation: 'apigateway.DeleteUsagePlanKey', send: (c) => c.send(new v1.DeleteUsagePlanKeyCommand({ usagePlanId: 'pl4n', keyId: 'k3y1d' })) },
];
