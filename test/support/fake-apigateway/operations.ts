/**
 * Which operations the fake implements, by the router's operation id. Any other operation of
 * either API is answered 501 NotImplemented by the server (not 404: the operation exists at
 * AWS, the fake just does not do it, and a test should say so plainly).
 */
import type { Handler } from './handler.js';
import { putIntegrationResponse, getIntegrationResponse, updateIntegrationResponse } from './v1-integration-responses.js';
import { putIntegration, putMethod, putMethodResponse } from './v1-methods.js';
import { createRestApi, deleteRestApi, getResources, getRestApis } from './v1-restapis.js';
import { createApi, deleteApi, getApi } from './v2-apis.js';
import * as v2Responses from './v2-integration-responses.js';
import { createIntegration, getIntegration, getIntegrations, updateIntegration } from './v2-integrations.js';

export const OPERATIONS: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ['apigateway.CreateRestApi', createRestApi],
  ['apigateway.GetRestApis', getRestApis],
  ['apigateway.GetResources', getResources],
  ['apigateway.PutMethod', putMethod],
  ['apigateway.PutIntegration', putIntegration],
  ['apigateway.PutMethodResponse', putMethodResponse],
  ['apigateway.PutIntegrationResponse', putIntegrationResponse],
  ['apigateway.GetIntegrationResponse', getIntegrationResponse],
  ['apigateway.UpdateIntegrationResponse', updateIntegrationResponse],
  ['apigateway.DeleteRestApi', deleteRestApi],
  ['apigatewayv2.CreateApi', createApi],
  ['apigatewayv2.GetApi', getApi],
  ['apigatewayv2.CreateIntegration', createIntegration],
  ['apigatewayv2.GetIntegration', getIntegration],
  ['apigatewayv2.GetIntegrations', getIntegrations],
  ['apigatewayv2.UpdateIntegration', updateIntegration],
  ['apigatewayv2.CreateIntegrationResponse', v2Responses.createIntegrationResponse],
  ['apigatewayv2.GetIntegrationResponse', v2Responses.getIntegrationResponse],
  ['apigatewayv2.GetIntegrationResponses', v2Responses.getIntegrationResponses],
  ['apigatewayv2.UpdateIntegrationResponse', v2Responses.updateIntegrationResponse],
  ['apigatewayv2.DeleteApi', deleteApi],
]);
