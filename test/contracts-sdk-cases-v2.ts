/**
 * API Gateway v2 (`apigatewayv2`) operations driven through the real SDK, with realistic inputs:
 * the three seed operations first, then a broad mix of HTTP and WebSocket API calls. v2 is the
 * API where SDK names (PascalCase) and wire names (camelCase) differ, so several cases check
 * both sides of that mapping.
 */
import * as v2 from '@aws-sdk/client-apigatewayv2';
import { expect } from 'vitest';
import { at, bodyOf, type SdkCase } from './support/sdk-case.js';

type Case = SdkCase<v2.ApiGatewayV2Client>;

const api = { ApiId: 'a1b2c3d4e5' };
const integration = { ...api, IntegrationId: 'in7egr' };
const route = { ...api, RouteId: 'r0u7e1' };
const stage = { ...api, StageName: 'prod' };
const domain = { DomainName: 'api.pets.example' };
const tagArn = 'arn:aws:apigateway:us-east-1::/apis/a1b2c3d4e5';
const lambdaUri = 'arn:aws:lambda:us-east-1:123456789012:function:pets';
const openApi = JSON.stringify({ openapi: '3.0.1', info: { title: 'pets', version: '1' }, paths: {} });

export const v2Cases: Case[] = [
  {
    operation: 'apigatewayv2.CreateIntegrationResponse',
    send: (c) =>
      c.send(
        new v2.CreateIntegrationResponseCommand({
          ...integration,
          IntegrationResponseKey: '$default',
          ContentHandlingStrategy: 'CONVERT_TO_TEXT',
          ResponseTemplates: { 'application/json': '{"status": "ok"}' },
          TemplateSelectionExpression: '\\$default',
          ResponseParameters: { 'method.response.header.x-request-id': 'integration.response.header.x-amzn-requestid' },
        }),
      ),
    request: (request) => {
      const body = bodyOf(request);
      expect(body.integrationResponseKey).toBe('$default');
      expect(body.contentHandlingStrategy).toBe('CONVERT_TO_TEXT');
      expect(body).not.toHaveProperty('ContentHandlingStrategy');
    },
    output: (out, sampled) => {
      expect(out.ContentHandlingStrategy).toBe(sampled.contentHandlingStrategy);
      expect(out.ResponseTemplates).toEqual(sampled.responseTemplates);
    },
  },
  {
    operation: 'apigatewayv2.UpdateIntegrationResponse',
    send: (c) =>
      c.send(
        new v2.UpdateIntegrationResponseCommand({
          ...integration,
          IntegrationResponseId: 'r3sp0n',
          IntegrationResponseKey: '/4\\d\\d/',
          ContentHandlingStrategy: 'CONVERT_TO_BINARY',
          ResponseTemplates: { 'text/plain': '' },
        }),
      ),
    request: (request, labels) => {
      expect(labels).toEqual({ apiId: 'a1b2c3d4e5', integrationId: 'in7egr', integrationResponseId: 'r3sp0n' });
      expect(bodyOf(request)).toEqual({ integrationResponseKey: '/4\\d\\d/', contentHandlingStrategy: 'CONVERT_TO_BINARY', responseTemplates: { 'text/plain': '' } });
    },
    output: (out, sampled) => expect(out.IntegrationResponseKey).toBe(sampled.integrationResponseKey),
  },
  {
    operation: 'apigatewayv2.UpdateIntegration',
    send: (c) =>
      c.send(
        new v2.UpdateIntegrationCommand({
          ...integration,
          IntegrationType: 'HTTP_PROXY',
          IntegrationMethod: 'GET',
          PayloadFormatVersion: '1.0',
          ConnectionType: 'VPC_LINK',
          ConnectionId: 'vpcl1nk',
          IntegrationUri: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/pets/abc/def',
          TimeoutInMillis: 29000,
          Description: 'pets backend',
          RequestParameters: { 'append:header.x-request-id': '$context.requestId', 'overwrite:path': '/pets' },
          ResponseParameters: { '200': { 'overwrite:header.x-env': 'prod' } },
          TlsConfig: { ServerNameToVerify: 'pets.internal.example' },
        }),
      ),
    request: (request) => {
      const body = bodyOf(request);
      expect(body.timeoutInMillis).toBe(29000);
      expect(body.tlsConfig).toEqual({ serverNameToVerify: 'pets.internal.example' });
      expect(at(body, 'requestParameters', 'append:header.x-request-id')).toBe('$context.requestId');
    },
    output: (out, sampled) => {
      expect(out.TimeoutInMillis).toBe(sampled.timeoutInMillis);
      expect(out.TlsConfig).toEqual({ ServerNameToVerify: at(sampled, 'tlsConfig', 'serverNameToVerify') });
    },
  },
  {
    operation: 'apigatewayv2.GetApis',
    send: (c) => c.send(new v2.GetApisCommand({ MaxResults: '25', NextToken: 'bmV4dA==' })),
    request: (request) => expect(request.query).toEqual({ maxResults: ['25'], nextToken: ['bmV4dA=='] }),
    output: (out) => expect(at(out, 'Items', 0, 'CreatedDate')).toBeInstanceOf(Date),
  },
  { operation: 'apigatewayv2.GetApi', send: (c) => c.send(new v2.GetApiCommand(api)) },
  {
    operation: 'apigatewayv2.CreateApi',
    send: (c) =>
      c.send(
        new v2.CreateApiCommand({
          Name: 'pets',
          ProtocolType: 'HTTP',
          Description: 'Pet store',
          Tags: { team: 'payments' },
          CorsConfiguration: { AllowOrigins: ['https://pets.example'], AllowMethods: ['GET', 'POST'], MaxAge: 300, AllowCredentials: true },
        }),
      ),
    request: (request) =>
      expect(bodyOf(request).corsConfiguration).toEqual({ allowOrigins: ['https://pets.example'], allowMethods: ['GET', 'POST'], maxAge: 300, allowCredentials: true }),
    output: (out) => expect(out.CreatedDate).toBeInstanceOf(Date),
  },
  { operation: 'apigatewayv2.UpdateApi', send: (c) => c.send(new v2.UpdateApiCommand({ ...api, Description: 'v2', DisableExecuteApiEndpoint: true })) },
  { operation: 'apigatewayv2.DeleteApi', send: (c) => c.send(new v2.DeleteApiCommand(api)) },
  {
    operation: 'apigatewayv2.ImportApi',
    send: (c) => c.send(new v2.ImportApiCommand({ Body: openApi, Basepath: 'prepend', FailOnWarnings: true })),
    request: (request) => {
      expect(request.query).toEqual({ basepath: ['prepend'], failOnWarnings: ['true'] });
      expect(bodyOf(request)).toEqual({ body: openApi });
    },
  },
  { operation: 'apigatewayv2.ReimportApi', send: (c) => c.send(new v2.ReimportApiCommand({ ...api, Body: openApi })) },
  {
    operation: 'apigatewayv2.ExportApi',
    send: (c) => c.send(new v2.ExportApiCommand({ ...api, Specification: 'OAS30', OutputType: 'YAML', IncludeExtensions: false, StageName: 'prod', ExportVersion: '1.0' })),
    request: (request) => expect(request.query).toEqual({ outputType: ['YAML'], includeExtensions: ['false'], stageName: ['prod'], exportVersion: ['1.0'] }),
  },
  {
    operation: 'apigatewayv2.CreateRoute',
    send: (c) =>
      c.send(
        new v2.CreateRouteCommand({
          ...api,
          RouteKey: 'GET /pets/{petId}',
          Target: 'integrations/in7egr',
          AuthorizationType: 'JWT',
          AuthorizerId: 'au7h',
          AuthorizationScopes: ['pets/read'],
          RequestParameters: { 'route.request.querystring.page': { Required: false } },
        }),
      ),
    request: (request) => expect(bodyOf(request).requestParameters).toEqual({ 'route.request.querystring.page': { required: false } }),
  },
  {
    operation: 'apigatewayv2.GetRoutes',
    send: (c) => c.send(new v2.GetRoutesCommand({ ...api, MaxResults: '10' })),
    output: (out, sampled) => expect(at(out, 'Items', 0, 'RouteKey')).toBe(at(sampled, 'items', 0, 'routeKey')),
  },
  { operation: 'apigatewayv2.UpdateRoute', send: (c) => c.send(new v2.UpdateRouteCommand({ ...route, ApiKeyRequired: true, RouteResponseSelectionExpression: '$default' })) },
  { operation: 'apigatewayv2.DeleteRoute', send: (c) => c.send(new v2.DeleteRouteCommand(route)) },
  {
    operation: 'apigatewayv2.DeleteRouteRequestParameter',
    send: (c) => c.send(new v2.DeleteRouteRequestParameterCommand({ ...route, RequestParameterKey: 'route.request.querystring.page' })),
    request: (_, labels) => expect(labels.requestParameterKey).toBe('route.request.querystring.page'),
  },
  {
    operation: 'apigatewayv2.CreateRouteResponse',
    send: (c) => c.send(new v2.CreateRouteResponseCommand({ ...route, RouteResponseKey: '$default', ModelSelectionExpression: '$default' })),
  },
  { operation: 'apigatewayv2.GetRouteResponses', send: (c) => c.send(new v2.GetRouteResponsesCommand({ ...route, MaxResults: '5' })) },
  {
    operation: 'apigatewayv2.CreateIntegration',
    send: (c) => c.send(new v2.CreateIntegrationCommand({ ...api, IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri, PayloadFormatVersion: '2.0', TimeoutInMillis: 30000 })),
  },
  { operation: 'apigatewayv2.GetIntegrations', send: (c) => c.send(new v2.GetIntegrationsCommand({ ...api, MaxResults: '50' })) },
  {
    operation: 'apigatewayv2.GetIntegration',
    send: (c) => c.send(new v2.GetIntegrationCommand(integration)),
    output: (out, sampled) => expect(out.ResponseParameters).toEqual(sampled.responseParameters),
  },
  { operation: 'apigatewayv2.GetIntegrationResponses', send: (c) => c.send(new v2.GetIntegrationResponsesCommand(integration)) },
  { operation: 'apigatewayv2.GetIntegrationResponse', send: (c) => c.send(new v2.GetIntegrationResponseCommand({ ...integration, IntegrationResponseId: 'r3sp0n' })) },
  { operation: 'apigatewayv2.DeleteIntegrationResponse', send: (c) => c.send(new v2.DeleteIntegrationResponseCommand({ ...integration, IntegrationResponseId: 'r3sp0n' })) },
  {
    operation: 'apigatewayv2.CreateStage',
    send: (c) =>
      c.send(
        new v2.CreateStageCommand({
          ...stage,
          AutoDeploy: true,
          StageVariables: { env: 'prod' },
          DefaultRouteSettings: { ThrottlingBurstLimit: 10, ThrottlingRateLimit: 5.5, DetailedMetricsEnabled: true },
          RouteSettings: { 'GET /pets': { LoggingLevel: 'INFO' } },
          AccessLogSettings: { DestinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:pets', Format: '$context.requestId' },
        }),
      ),
    request: (request) => expect(bodyOf(request).routeSettings).toEqual({ 'GET /pets': { loggingLevel: 'INFO' } }),
    output: (out) => expect(out.LastUpdatedDate).toBeInstanceOf(Date),
  },
  { operation: 'apigatewayv2.UpdateStage', send: (c) => c.send(new v2.UpdateStageCommand({ ...stage, Description: 'production', AutoDeploy: false })) },
  { operation: 'apigatewayv2.GetStages', send: (c) => c.send(new v2.GetStagesCommand({ ...api, NextToken: 'cGFnZTI=' })) },
  {
    operation: 'apigatewayv2.DeleteRouteSettings',
    send: (c) => c.send(new v2.DeleteRouteSettingsCommand({ ...stage, RouteKey: 'GET /pets/{petId}' })),
    request: (_, labels) => expect(labels).toEqual({ apiId: 'a1b2c3d4e5', stageName: 'prod', routeKey: 'GET /pets/{petId}' }),
  },
  { operation: 'apigatewayv2.DeleteAccessLogSettings', send: (c) => c.send(new v2.DeleteAccessLogSettingsCommand(stage)) },
  { operation: 'apigatewayv2.ResetAuthorizersCache', send: (c) => c.send(new v2.ResetAuthorizersCacheCommand(stage)) },
  {
    operation: 'apigatewayv2.CreateAuthorizer',
    send: (c) =>
      c.send(
        new v2.CreateAuthorizerCommand({
          ...api,
          Name: 'jwt',
          AuthorizerType: 'JWT',
          IdentitySource: ['$request.header.Authorization'],
          JwtConfiguration: { Audience: ['pets-client'], Issuer: 'https://issuer.pets.example' },
        }),
      ),
    request: (request) => expect(bodyOf(request).jwtConfiguration).toEqual({ audience: ['pets-client'], issuer: 'https://issuer.pets.example' }),
  },
  { operation: 'apigatewayv2.GetAuthorizers', send: (c) => c.send(new v2.GetAuthorizersCommand({ ...api, MaxResults: '2' })) },
  { operation: 'apigatewayv2.CreateDeployment', send: (c) => c.send(new v2.CreateDeploymentCommand({ ...api, StageName: 'prod', Description: 'release 42' })) },
  { operation: 'apigatewayv2.GetDeployments', send: (c) => c.send(new v2.GetDeploymentsCommand(api)) },
  {
    operation: 'apigatewayv2.CreateDomainName',
    send: (c) =>
      c.send(
        new v2.CreateDomainNameCommand({
          ...domain,
          Tags: { env: 'prod' },
          DomainNameConfigurations: [{ CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }],
        }),
      ),
    output: (out) => expect(at(out, 'DomainNameConfigurations', 0, 'CertificateUploadDate')).toBeInstanceOf(Date),
  },
  { operation: 'apigatewayv2.GetDomainNames', send: (c) => c.send(new v2.GetDomainNamesCommand({ MaxResults: '20' })) },
  { operation: 'apigatewayv2.CreateApiMapping', send: (c) => c.send(new v2.CreateApiMappingCommand({ ...domain, ApiId: 'a1b2c3d4e5', Stage: 'prod', ApiMappingKey: 'v1/pets' })) },
  { operation: 'apigatewayv2.GetApiMappings', send: (c) => c.send(new v2.GetApiMappingsCommand(domain)) },
  {
    operation: 'apigatewayv2.CreateVpcLink',
    send: (c) => c.send(new v2.CreateVpcLinkCommand({ Name: 'private', SubnetIds: ['subnet-0a1b2c3d'], SecurityGroupIds: ['sg-0a1b2c3d'], Tags: { env: 'prod' } })),
  },
  { operation: 'apigatewayv2.DeleteVpcLink', send: (c) => c.send(new v2.DeleteVpcLinkCommand({ VpcLinkId: 'vpcl1nk' })) },
  {
    operation: 'apigatewayv2.TagResource',
    send: (c) => c.send(new v2.TagResourceCommand({ ResourceArn: tagArn, Tags: { env: 'test', team: 'payments' } })),
    request: (request, labels) => {
      expect(labels['resource-arn']).toBe(tagArn);
      expect(bodyOf(request)).toEqual({ tags: { env: 'test', team: 'payments' } });
    },
  },
  {
    operation: 'apigatewayv2.UntagResource',
    send: (c) => c.send(new v2.UntagResourceCommand({ ResourceArn: tagArn, TagKeys: ['env', 'team'] })),
    request: (request) => expect(request.query).toEqual({ tagKeys: ['env', 'team'] }),
  },
  {
    operation: 'apigatewayv2.GetTags',
    send: (c) => c.send(new v2.GetTagsCommand({ ResourceArn: tagArn })),
    output: (out, sampled) => expect(out.Tags).toEqual(sampled.tags),
  },
  {
    operation: 'apigatewayv2.CreateModel',
    send: (c) => c.send(new v2.CreateModelCommand({ ...api, Name: 'Pet', ContentType: 'application/json', Schema: '{"type":"object"}' })),
  },
  { operation: 'apigatewayv2.GetModelTemplate', send: (c) => c.send(new v2.GetModelTemplateCommand({ ...api, ModelId: 'm0d3l' })) },
  { operation: 'apigatewayv2.UpdateDeployment', send: (c) => c.send(new v2.UpdateDeploymentCommand({ ...api, DeploymentId: 'd3pl0y', Description: 'hotfix' })) },
];
