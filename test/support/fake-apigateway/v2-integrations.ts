/**
 * v2 integrations: CreateIntegration (201), GetIntegration and GetIntegrations (200) and
 * UpdateIntegration (200; the members given replace the stored ones). HTTP APIs take only proxy integrations; WebSocket APIs take any.
 * TimeoutInMillis is 50–30000 on HTTP APIs, 50–29000 on WebSocket APIs.
 */
import { badRequest, v2NotFound } from './aws-error.js';
import { label, type Handler, type HandlerContext } from './handler.js';
import { freshId, ID_LENGTH } from './ids.js';
import { defined, optionalEnum, optionalInteger, optionalString, optionalStringMap, requiredEnum, type JsonObject } from './input.js';
import type { V2Api, V2Integration } from './state.js';
import { apiOf } from './v2-apis.js';

const INTEGRATION_TYPES = ['AWS', 'HTTP', 'MOCK', 'HTTP_PROXY', 'AWS_PROXY'] as const;
export const CONTENT_HANDLING_STRATEGIES = ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'] as const;

export function integrationOf(context: HandlerContext): { api: V2Api; integration: V2Integration } {
  const api = apiOf(context);
  const id = label(context, 'integrationId');
  const integration = api.integrations.get(id);
  if (!integration) throw v2NotFound(`Invalid Integration identifier specified ${id}`, 'Integration');
  return { api, integration };
}

/** A map whose values must be 1–512 (parameters) or 0–32768 (templates) characters long. */
export function boundedStringMap(body: JsonObject, name: string, min: number, max: number): Record<string, string> | undefined {
  const map = optionalStringMap(body, name);
  for (const [key, value] of Object.entries(map ?? {})) {
    if (value.length < min || value.length > max) {
      throw badRequest(`Invalid value for ${name} key ${key}: the value must be between ${min} and ${max} characters long`);
    }
  }
  return map;
}

function responseParameters(body: JsonObject): Record<string, Record<string, string>> | undefined {
  const value = body.responseParameters;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest('Invalid responseParameters: a map of status code to a map is expected');
  const out: Record<string, Record<string, string>> = {};
  for (const status of Object.keys(value)) out[status] = boundedStringMap(value as JsonObject, status, 1, 512) ?? {};
  return out;
}

/** The members both Create and Update take, those absent from the body left out. */
function readMembers(body: JsonObject, api: V2Api): JsonObject {
  const maxTimeout = api.wire.protocolType === 'HTTP' ? 30_000 : 29_000;
  return defined({
    connectionId: optionalString(body, 'connectionId'),
    connectionType: optionalEnum(body, 'connectionType', ['INTERNET', 'VPC_LINK'] as const),
    contentHandlingStrategy: optionalEnum(body, 'contentHandlingStrategy', CONTENT_HANDLING_STRATEGIES),
    credentialsArn: optionalString(body, 'credentialsArn'),
    description: optionalString(body, 'description'),
    integrationMethod: optionalString(body, 'integrationMethod'),
    integrationSubtype: optionalString(body, 'integrationSubtype'),
    integrationType: optionalEnum(body, 'integrationType', INTEGRATION_TYPES),
    integrationUri: optionalString(body, 'integrationUri'),
    passthroughBehavior: optionalEnum(body, 'passthroughBehavior', ['WHEN_NO_MATCH', 'NEVER', 'WHEN_NO_TEMPLATES'] as const),
    payloadFormatVersion: optionalEnum(body, 'payloadFormatVersion', ['1.0', '2.0'] as const),
    requestParameters: boundedStringMap(body, 'requestParameters', 1, 512),
    requestTemplates: boundedStringMap(body, 'requestTemplates', 0, 32_768),
    responseParameters: responseParameters(body),
    templateSelectionExpression: optionalString(body, 'templateSelectionExpression'),
    timeoutInMillis: optionalInteger(body, 'timeoutInMillis', 50, maxTimeout),
    tlsConfig: body.tlsConfig ?? undefined,
  });
}

/** Rules on the whole integration, after create or update. */
function checkIntegration(wire: JsonObject, api: V2Api): void {
  const type = wire.integrationType as string;
  if (api.wire.protocolType === 'HTTP' && type !== 'HTTP_PROXY' && type !== 'AWS_PROXY') {
    throw badRequest(`Integration type ${type} is not supported for HTTP APIs. Use HTTP_PROXY or AWS_PROXY.`);
  }
  if (type !== 'MOCK' && !wire.integrationUri && !wire.integrationSubtype) {
    throw badRequest(`IntegrationUri is required for integration type ${type}`);
  }
  if (api.wire.protocolType === 'HTTP' && type === 'HTTP_PROXY' && !wire.integrationMethod) {
    throw badRequest('IntegrationMethod is required for HTTP_PROXY integrations');
  }
}

export const createIntegration: Handler = (context) => {
  const api = apiOf(context);
  requiredEnum(context.body, 'integrationType', INTEGRATION_TYPES);
  const given = readMembers(context.body, api);
  const type = given.integrationType as string;
  const http = api.wire.protocolType === 'HTTP';
  const wire = {
    apiGatewayManaged: false,
    connectionType: 'INTERNET',
    integrationId: freshId(ID_LENGTH.integration, api.integrations),
    ...(http ? {} : { integrationResponseSelectionExpression: '${integration.response.statuscode}', passthroughBehavior: 'WHEN_NO_MATCH' }),
    payloadFormatVersion: type === 'AWS_PROXY' && http ? '2.0' : '1.0',
    timeoutInMillis: http ? 30_000 : 29_000,
    ...given,
  };
  checkIntegration(wire, api);
  api.integrations.set(wire.integrationId, { wire, responses: new Map() });
  return { status: 201, body: wire };
};

export const getIntegration: Handler = (context) => ({ status: 200, body: integrationOf(context).integration.wire });

export const getIntegrations: Handler = (context) => ({ status: 200, body: { items: [...apiOf(context).integrations.values()].map((integration) => integration.wire) } });

export const updateIntegration: Handler = (context) => {
  const { api, integration } = integrationOf(context);
  const wire = { ...integration.wire, ...readMembers(context.body, api) };
  checkIntegration(wire, api);
  integration.wire = wire;
  return { status: 200, body: wire };
};
