/**
 * The seed scenario: the five operations tapegate must get exactly right, in context. It
 * creates a REST API, an HTTP API and a WebSocket API, exercises v1 GetIntegrationResponse and
 * UpdateIntegrationResponse and v2 CreateIntegrationResponse, UpdateIntegrationResponse and
 * UpdateIntegration, provokes a NotFoundException, and deletes what it created.
 *
 * It is product code on purpose: `npm start` replays it from the bundled cassette, the
 * example-cassette script records it, and the tests run it against the fake API Gateway.
 * Ids come from earlier responses, so a replay reuses exactly the recorded ids.
 */
import * as v1 from '@aws-sdk/client-api-gateway';
import * as v2 from '@aws-sdk/client-apigatewayv2';

export interface SeedClients {
  v1: v1.APIGatewayClient;
  v2: v2.ApiGatewayV2Client;
}

export interface StepResult {
  /** `apigateway.UpdateIntegrationResponse`. */
  operation: string;
  /** The SDK output without `$metadata`, or the error the SDK threw. */
  output?: Record<string, unknown>;
  error?: { name: string; status: number | undefined; message: string };
  status: number | undefined;
}

/** Runs the scenario, calling `onStep` after each call. Expected errors are results, not throws. */
export async function runSeedScenario(clients: SeedClients, onStep: (step: StepResult) => void = () => undefined): Promise<StepResult[]> {
  const results: StepResult[] = [];
  const call = async <T extends object>(operation: string, send: () => Promise<T>): Promise<T> => {
    const step = await settle(operation, send);
    results.push(step);
    onStep(step);
    if (step.error) throw new Error(`${operation} failed: ${step.error.name}: ${step.error.message}`);
    return step.output as T;
  };

  // v1: a REST API with a MOCK integration on GET /.
  const api = await call('apigateway.CreateRestApi', () =>
    clients.v1.send(new v1.CreateRestApiCommand({ name: 'tapegate-seed', description: 'created by the tapegate seed scenario' })),
  );
  const resources = await call('apigateway.GetResources', () => clients.v1.send(new v1.GetResourcesCommand({ restApiId: api.id! })));
  const root = resources.items?.find((resource) => resource.path === '/');
  const at = { restApiId: api.id!, resourceId: root?.id ?? 'missing-root', httpMethod: 'GET' };
  await call('apigateway.PutMethod', () => clients.v1.send(new v1.PutMethodCommand({ ...at, authorizationType: 'NONE' })));
  await call('apigateway.PutIntegration', () =>
    clients.v1.send(new v1.PutIntegrationCommand({ ...at, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } })),
  );
  await call('apigateway.PutMethodResponse', () =>
    clients.v1.send(new v1.PutMethodResponseCommand({ ...at, statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': false } })),
  );
  await call('apigateway.PutIntegrationResponse', () =>
    clients.v1.send(
      new v1.PutIntegrationResponseCommand({
        ...at,
        statusCode: '200',
        selectionPattern: '',
        responseTemplates: { 'application/json': '{"ok": true}' },
        responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
      }),
    ),
  );
  await call('apigateway.GetIntegrationResponse', () => clients.v1.send(new v1.GetIntegrationResponseCommand({ ...at, statusCode: '200' })));
  await call('apigateway.UpdateIntegrationResponse', () =>
    clients.v1.send(
      new v1.UpdateIntegrationResponseCommand({
        ...at,
        statusCode: '200',
        patchOperations: [
          { op: 'replace', path: '/responseTemplates/application~1json', value: '{"ok": true, "via": "tapegate"}' },
          { op: 'replace', path: '/contentHandling', value: 'CONVERT_TO_TEXT' },
        ],
      }),
    ),
  );
  // An integration response that does not exist: the SDK raises NotFoundException.
  const missing = await settle('apigateway.GetIntegrationResponse', () => clients.v1.send(new v1.GetIntegrationResponseCommand({ ...at, statusCode: '404' })));
  results.push(missing);
  onStep(missing);
  await call('apigateway.DeleteRestApi', () => clients.v1.send(new v1.DeleteRestApiCommand({ restApiId: api.id! })));

  // v2: an HTTP API with a proxy integration, whose timeout is updated.
  const http = await call('apigatewayv2.CreateApi', () => clients.v2.send(new v2.CreateApiCommand({ Name: 'tapegate-seed-http', ProtocolType: 'HTTP' })));
  const proxy = await call('apigatewayv2.CreateIntegration', () =>
    clients.v2.send(
      new v2.CreateIntegrationCommand({
        ApiId: http.ApiId!,
        IntegrationType: 'HTTP_PROXY',
        IntegrationMethod: 'GET',
        IntegrationUri: 'https://example.com/orders',
        PayloadFormatVersion: '1.0',
      }),
    ),
  );
  await call('apigatewayv2.UpdateIntegration', () =>
    clients.v2.send(
      new v2.UpdateIntegrationCommand({ ApiId: http.ApiId!, IntegrationId: proxy.IntegrationId!, TimeoutInMillis: 15000, Description: 'timeout lowered by the seed scenario' }),
    ),
  );

  // v2: a WebSocket API with a MOCK integration and its integration response.
  const ws = await call('apigatewayv2.CreateApi', () =>
    clients.v2.send(new v2.CreateApiCommand({ Name: 'tapegate-seed-ws', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' })),
  );
  const mock = await call('apigatewayv2.CreateIntegration', () =>
    clients.v2.send(
      new v2.CreateIntegrationCommand({
        ApiId: ws.ApiId!,
        IntegrationType: 'MOCK',
        RequestTemplates: { $default: '{"statusCode": 200}' },
        TemplateSelectionExpression: '$default',
      }),
    ),
  );
  const created = await call('apigatewayv2.CreateIntegrationResponse', () =>
    clients.v2.send(
      new v2.CreateIntegrationResponseCommand({
        ApiId: ws.ApiId!,
        IntegrationId: mock.IntegrationId!,
        IntegrationResponseKey: '$default',
        ResponseTemplates: { $default: '{"route": "$context.routeKey"}' },
        TemplateSelectionExpression: '$default',
      }),
    ),
  );
  const ids = { ApiId: ws.ApiId!, IntegrationId: mock.IntegrationId!, IntegrationResponseId: created.IntegrationResponseId! };
  await call('apigatewayv2.GetIntegrationResponse', () => clients.v2.send(new v2.GetIntegrationResponseCommand(ids)));
  await call('apigatewayv2.GetIntegrationResponses', () => clients.v2.send(new v2.GetIntegrationResponsesCommand({ ApiId: ids.ApiId, IntegrationId: ids.IntegrationId })));
  await call('apigatewayv2.UpdateIntegrationResponse', () => clients.v2.send(new v2.UpdateIntegrationResponseCommand({ ...ids, ContentHandlingStrategy: 'CONVERT_TO_TEXT' })));
  await call('apigatewayv2.DeleteApi', () => clients.v2.send(new v2.DeleteApiCommand({ ApiId: ws.ApiId! })));
  await call('apigatewayv2.DeleteApi', () => clients.v2.send(new v2.DeleteApiCommand({ ApiId: http.ApiId! })));
  return results;
}

async function settle(operation: string, send: () => Promise<object>): Promise<StepResult> {
  try {
    const { $metadata, ...output } = (await send()) as { $metadata?: { httpStatusCode?: number } };
    return { operation, output, status: $metadata?.httpStatusCode };
  } catch (error) {
    const failure = error as Error & { $metadata?: { httpStatusCode?: number } };
    const status = failure.$metadata?.httpStatusCode;
    return { operation, error: { name: failure.name, status, message: failure.message }, status };
  }
}
