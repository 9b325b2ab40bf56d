/**
 * The v1 set-up most tests start from, through any v1 client (straight at the fake, or
 * through the proxy): a REST API, `GET /` on its root resource with a MOCK integration and a
 * 200 method response declaring the headers `X-Foo` and `X-Id`.
 */
import * as v1 from '@aws-sdk/client-api-gateway';

export async function restApiWithMockIntegration(client: v1.APIGatewayClient) {
  const api = await client.send(new v1.CreateRestApiCommand({ name: 'orders' }));
  const resources = await client.send(new v1.GetResourcesCommand({ restApiId: api.id! }));
  const root = resources.items?.find((resource) => resource.path === '/');
  if (!root?.id) throw new Error('GetResources listed no root resource');
  const at = { restApiId: api.id!, resourceId: root.id, httpMethod: 'GET' };
  await client.send(new v1.PutMethodCommand({ ...at, authorizationType: 'NONE' }));
  await client.send(new v1.PutIntegrationCommand({ ...at, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
  await client.send(
    new v1.PutMethodResponseCommand({
      ...at,
      statusCode: '200',
      responseParameters: { 'method.response.header.X-Foo': false, 'method.response.header.X-Id': false },
    }),
  );
  return { api, root, at: { ...at, statusCode: '200' } };
}
