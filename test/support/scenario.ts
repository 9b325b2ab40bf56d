/**
 * The seed scenario: one REST API (v1) and an HTTP and a WebSocket API (v2) built up and torn
 * down through real SDK v3 clients, touching the five seed operations. Ids returned by create
 * calls feed the later calls, so the scenario runs unchanged against the fake, through a
 * recording proxy, or against a replayed cassette (whose responses carry the recorded ids).
 *
 * Returns every call's output in order, for comparing one run with another.
 */
import * as v1 from '@aws-sdk/client-api-gateway';
import * as v2 from '@aws-sdk/client-apigatewayv2';

export interface ScenarioClients {
  v1: v1.APIGatewayClient;
  v2: v2.ApiGatewayV2Client;
}

export interface ScenarioStep {
  /** `service.Operation`. */
  operation: string;
  output: Record<string, unknown>;
}

export async function runSeedScenario(clients: ScenarioClients): Promise<ScenarioStep[]> {
  const steps: ScenarioStep[] = [];
  const step = async <T extends object>(operation: string, call: Promise<T>): Promise<T> => {
    const output = await call;
    steps.push({ operation, output: output as Record<string, unknown> });
    return output;
  };

  // v1: a REST API with GET / on a MOCK integration, its integration response created, read,
  // patched (JSON Pointer paths with ~1 for "/") and the API deleted.
  const api = await step('apigateway.CreateRestApi', clients.v1.send(new v1.CreateRestApiCommand({ name: 'seed-orders', description: 'tapegate seed scenario' })));
  const resources = await step('apigateway.GetResources', clients.v1.send(new v1.GetResourcesCommand({ restApiId: api.id! })));
  const root = resources.items?.find((resource) => resource.path === '/');
  if (!root?.id) throw new Error('GetResources listed no root resource');
  const at = { restApiId: api.id!, resourceId: root.id, httpMethod: 'GET' };
  await step('apigateway.PutMethod', clients.v1.send(new v1.PutMethodCommand({ ...at, authorizationType: 'NONE' })));
  await step('apigateway.PutIntegration', clients.v1.send(new v1.PutIntegrationCommand({ ...at, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } })));
  await step('apigateway.PutMethodResponse', clients.v1.send(new v1.PutMethodResponseCommand({
    ...at, statusCode: '200', responseParameters: { 'method.response.header.X-Foo': false, 'method.response.header.X-Id': false },
  })));
  const response = { ...at, statusCode: '200' };
  await step('apigateway.PutIntegrationResponse', clients.v1.send(new v1.PutIntegrationResponseCommand({
    ...response, selectionPattern: '', responseTemplates: { 'application/json': '{"old": true}' },
    responseParameters: { 'method.response.header.X-Id': "'static-id'" },
  })));
  await step('apigateway.GetIntegrationResponse', clients.v1.send(new v1.GetIntegrationResponseCommand(response)));
  await step('apigateway.UpdateIntegrationResponse', clients.v1.send(new v1.UpdateIntegrationResponseCommand({
    ...response,
    patchOperations: [
      { op: 'replace', path: '/responseTemplates/application~1json', value: '{"new": true}' },
      { op: 'add', path: '/responseTemplates/text~1plain', value: 'plain' },
      { op: 'add', path: '/responseParameters/method.response.header.X-Foo', value: "'bar'" },
      { op: 'replace', path: '/contentHandling', value: 'CONVERT_TO_TEXT' },
    ],
  })));
  await step('apigateway.DeleteRestApi', clients.v1.send(new v1.DeleteRestApiCommand({ restApiId: api.id! })));

  // v2: an HTTP API with a proxy integration, a WebSocket API with a MOCK integration and
  // its integration response, both deleted at the end.
  const http = await step('apigatewayv2.CreateApi', clients.v2.send(new v2.CreateApiCommand({ Name: 'seed-http', ProtocolType: 'HTTP' })));
  const ws = await step('apigatewayv2.CreateApi', clients.v2.send(new v2.CreateApiCommand({
    Name: 'seed-ws', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action',
  })));
  const proxy = await step('apigatewayv2.CreateIntegration', clients.v2.send(new v2.CreateIntegrationCommand({
    ApiId: http.ApiId!, IntegrationType: 'HTTP_PROXY', IntegrationUri: 'https://backend.invalid/{proxy}', IntegrationMethod: 'ANY', PayloadFormatVersion: '1.0',
  })));
  await step('apigatewayv2.UpdateIntegration', clients.v2.send(new v2.UpdateIntegrationCommand({ ApiId: http.ApiId!, IntegrationId: proxy.IntegrationId!, TimeoutInMillis: 5000 })));
  const mock = await step('apigatewayv2.CreateIntegration', clients.v2.send(new v2.CreateIntegrationCommand({
    ApiId: ws.ApiId!, IntegrationType: 'MOCK', RequestTemplates: { $default: '{"statusCode": 200}' },
  })));
  const ids = { ApiId: ws.ApiId!, IntegrationId: mock.IntegrationId! };
  await step('apigatewayv2.UpdateIntegration', clients.v2.send(new v2.UpdateIntegrationCommand({ ...ids, TimeoutInMillis: 29_000, ContentHandlingStrategy: 'CONVERT_TO_TEXT' })));
  const created = await step('apigatewayv2.CreateIntegrationResponse', clients.v2.send(new v2.CreateIntegrationResponseCommand({
    ...ids, IntegrationResponseKey: '$default', ResponseTemplates: { $default: '{"ok": true}' }, TemplateSelectionExpression: '\\$default',
  })));
  const responseIds = { ...ids, IntegrationResponseId: created.IntegrationResponseId! };
  await step('apigatewayv2.GetIntegrationResponse', clients.v2.send(new v2.GetIntegrationResponseCommand(responseIds)));
  await step('apigatewayv2.GetIntegrationResponses', clients.v2.send(new v2.GetIntegrationResponsesCommand(ids)));
  await step('apigatewayv2.UpdateIntegrationResponse', clients.v2.send(new v2.UpdateIntegrationResponseCommand({
    ...responseIds, ResponseTemplates: { $default: '{"ok": false}' }, ContentHandlingStrategy: 'CONVERT_TO_TEXT',
  })));
  for (const apiId of [http.ApiId!, ws.ApiId!]) {
    await step('apigatewayv2.DeleteApi', clients.v2.send(new v2.DeleteApiCommand({ ApiId: apiId })));
  }
  return steps;
}
