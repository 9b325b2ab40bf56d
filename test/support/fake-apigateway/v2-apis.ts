/**
 * v2 APIs: CreateApi (201; HTTP or WEBSOCKET), GetApi (200) and DeleteApi (204), and the lookup of an api by
 * the `{apiId}` label. v2 wire names are camelCase, v2 timestamps ISO 8601 strings.
 */
import { badRequest, v2NotFound } from './aws-error.js';
import { label, type Handler, type HandlerContext } from './handler.js';
import { freshId, ID_LENGTH } from './ids.js';
import { defined, optionalBoolean, optionalEnum, optionalString, optionalStringMap, requiredEnum, requiredString } from './input.js';
import type { V2Api } from './state.js';

/** AWS writes v2 times to the second: `2024-05-01T12:00:00Z`. */
export const isoNow = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export function apiOf(context: HandlerContext): V2Api {
  const id = label(context, 'apiId');
  const api = context.state.apis.get(id);
  if (!api) throw v2NotFound(`Invalid API identifier specified ${id}`, 'Api');
  return api;
}

export const createApi: Handler = ({ body, state }) => {
  const name = requiredString(body, 'name');
  if (name.length > 128) throw badRequest('Name must be between 1 and 128 characters');
  const protocolType = requiredEnum(body, 'protocolType', ['HTTP', 'WEBSOCKET'] as const);
  const routeSelectionExpression = optionalString(body, 'routeSelectionExpression');
  if (protocolType === 'WEBSOCKET' && !routeSelectionExpression) {
    throw badRequest('RouteSelectionExpression is required for WEBSOCKET APIs');
  }
  const apiId = freshId(ID_LENGTH.api, state.apis);
  const scheme = protocolType === 'HTTP' ? 'https' : 'wss';
  const wire = defined({
    apiEndpoint: `${scheme}://${apiId}.execute-api.${state.region}.amazonaws.com`,
    apiId,
    apiKeySelectionExpression: optionalString(body, 'apiKeySelectionExpression') ?? '$request.header.x-api-key',
    corsConfiguration: protocolType === 'HTTP' ? (body.corsConfiguration ?? undefined) : undefined,
    createdDate: isoNow(),
    description: optionalString(body, 'description'),
    disableExecuteApiEndpoint: optionalBoolean(body, 'disableExecuteApiEndpoint') ?? false,
    disableSchemaValidation: protocolType === 'WEBSOCKET' ? optionalBoolean(body, 'disableSchemaValidation') : undefined,
    ipAddressType: optionalEnum(body, 'ipAddressType', ['ipv4', 'dualstack'] as const) ?? 'ipv4',
    name,
    protocolType,
    routeSelectionExpression: routeSelectionExpression ?? '${request.method} ${request.path}',
    tags: optionalStringMap(body, 'tags') ?? {},
    version: optionalString(body, 'version'),
  }) as V2Api['wire'];
  state.apis.set(apiId, { wire, integrations: new Map() });
  return { status: 201, body: wire };
};

export const getApi: Handler = (context) => ({ status: 200, body: apiOf(context).wire });

export const deleteApi: Handler = (context) => {
  const api = apiOf(context);
  context.state.apis.delete(api.wire.apiId);
  return { status: 204 };
};
