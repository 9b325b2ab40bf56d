/**
 * v2 integration responses, WebSocket APIs only: CreateIntegrationResponse (201),
 * GetIntegrationResponse (200), GetIntegrationResponses (200, `{"items": [...]}`) and
 * UpdateIntegrationResponse (200). A key is `$default` or a /regex/; two responses of one
 * integration never share a key (409 ConflictException).
 */
import { badRequest, conflict, v2NotFound } from './aws-error.js';
import { label, type Handler, type HandlerContext } from './handler.js';
import { freshId, ID_LENGTH } from './ids.js';
import { defined, optionalEnum, optionalString, requiredString, type JsonObject } from './input.js';
import type { V2Integration, V2IntegrationResponse } from './state.js';
import { boundedStringMap, CONTENT_HANDLING_STRATEGIES, integrationOf } from './v2-integrations.js';

function checkKey(key: string, integration: V2Integration, except?: string): void {
  if (key !== '$default' && !/^\/.+\/$/.test(key)) {
    throw badRequest(`Invalid integration response key '${key}': use $default or a selection pattern between slashes, e.g. /4\\d\\d/`);
  }
  for (const response of integration.responses.values()) {
    if (response.integrationResponseKey === key && response.integrationResponseId !== except) {
      throw conflict(`An integration response with key '${key}' already exists for integration ${integration.wire.integrationId}`);
    }
  }
}

function readMembers(body: JsonObject): JsonObject {
  return defined({
    contentHandlingStrategy: optionalEnum(body, 'contentHandlingStrategy', CONTENT_HANDLING_STRATEGIES),
    responseParameters: boundedStringMap(body, 'responseParameters', 1, 512),
    responseTemplates: boundedStringMap(body, 'responseTemplates', 0, 32_768),
    templateSelectionExpression: optionalString(body, 'templateSelectionExpression'),
  });
}

function webSocketIntegration(context: HandlerContext): V2Integration {
  const { api, integration } = integrationOf(context);
  if (api.wire.protocolType !== 'WEBSOCKET') throw badRequest('Integration responses are supported only for WebSocket APIs');
  return integration;
}

function responseOf(context: HandlerContext): { integration: V2Integration; response: V2IntegrationResponse } {
  const integration = webSocketIntegration(context);
  const id = label(context, 'integrationResponseId');
  const response = integration.responses.get(id);
  if (!response) throw v2NotFound(`Invalid IntegrationResponse identifier specified ${id}`, 'IntegrationResponse');
  return { integration, response };
}

export const createIntegrationResponse: Handler = (context) => {
  const integration = webSocketIntegration(context);
  const key = requiredString(context.body, 'integrationResponseKey');
  checkKey(key, integration);
  const response: V2IntegrationResponse = {
    integrationResponseId: freshId(ID_LENGTH.integrationResponse, integration.responses),
    integrationResponseKey: key,
    ...readMembers(context.body),
  };
  integration.responses.set(response.integrationResponseId, response);
  return { status: 201, body: response };
};

export const getIntegrationResponse: Handler = (context) => ({ status: 200, body: responseOf(context).response });

export const getIntegrationResponses: Handler = (context) => ({
  status: 200,
  body: { items: [...webSocketIntegration(context).responses.values()] },
});

export const updateIntegrationResponse: Handler = (context) => {
  const { integration, response } = responseOf(context);
  const key = optionalString(context.body, 'integrationResponseKey');
  if (key !== undefined) checkKey(key, integration, response.integrationResponseId);
  const next: V2IntegrationResponse = { ...response, ...readMembers(context.body), ...(key !== undefined ? { integrationResponseKey: key } : {}) };
  integration.responses.set(next.integrationResponseId, next);
  return { status: 200, body: next };
};
