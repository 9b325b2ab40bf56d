/**
 * v1 REST APIs and their resources: CreateRestApi (201), GetRestApis and GetResources (200, the list under
 * `item`, v1's locationName for list members), DeleteRestApi (202, empty body).
 * v1 timestamps are epoch seconds on the wire.
 */
import type { Handler } from './handler.js';
import { freshId, ID_LENGTH } from './ids.js';
import { defined, optionalBoolean, optionalEnum, optionalInteger, optionalString, optionalStringList, optionalStringMap, requiredString, type JsonObject } from './input.js';
import { badRequest } from './aws-error.js';
import { restApiOf } from './v1-lookup.js';
import type { V1Method, V1Resource } from './state.js';

const ENDPOINT_TYPES = ['REGIONAL', 'EDGE', 'PRIVATE'] as const;

function endpointConfiguration(body: JsonObject): JsonObject {
  const given = body.endpointConfiguration;
  if (given === undefined || given === null) return { types: ['EDGE'], ipAddressType: 'ipv4' };
  if (typeof given !== 'object' || Array.isArray(given)) throw badRequest('Invalid endpoint configuration specified');
  const types = optionalStringList(given as JsonObject, 'types') ?? ['EDGE'];
  for (const type of types) {
    if (!(ENDPOINT_TYPES as readonly string[]).includes(type)) throw badRequest(`Invalid endpoint type specified: ${type}`);
  }
  return { types, ipAddressType: optionalString(given as JsonObject, 'ipAddressType') ?? 'ipv4' };
}

export const createRestApi: Handler = ({ body, state }) => {
  const name = requiredString(body, 'name');
  const id = freshId(ID_LENGTH.restApi, state.restApis);
  const rootId = freshId(ID_LENGTH.resource, new Set<string>());
  const wire = defined({
    id,
    name,
    description: optionalString(body, 'description'),
    createdDate: Math.floor(Date.now() / 1000),
    version: optionalString(body, 'version'),
    binaryMediaTypes: optionalStringList(body, 'binaryMediaTypes'),
    minimumCompressionSize: optionalInteger(body, 'minimumCompressionSize', 0, 10_485_760),
    apiKeySource: optionalEnum(body, 'apiKeySource', ['HEADER', 'AUTHORIZER'] as const) ?? 'HEADER',
    endpointConfiguration: endpointConfiguration(body),
    policy: optionalString(body, 'policy'),
    tags: optionalStringMap(body, 'tags'),
    disableExecuteApiEndpoint: optionalBoolean(body, 'disableExecuteApiEndpoint') ?? false,
    rootResourceId: rootId,
    apiStatus: 'AVAILABLE',
  }) as JsonObject & { id: string };
  const root: V1Resource = { id: rootId, path: '/', methods: new Map() };
  state.restApis.set(id, { wire, resources: new Map([[rootId, root]]) });
  return { status: 201, body: wire };
};

/** A Method on the wire, with its responses and integration (GetMethod's shape). */
export function methodWire(method: V1Method): JsonObject {
  const wire: JsonObject = { ...method.wire };
  if (method.responses.size > 0) wire.methodResponses = Object.fromEntries(method.responses);
  if (method.integration) {
    const integration: JsonObject = { ...method.integration.wire };
    if (method.integration.responses.size > 0) integration.integrationResponses = Object.fromEntries(method.integration.responses);
    wire.methodIntegration = integration;
  }
  return wire;
}

function resourceWire(resource: V1Resource, embedMethods: boolean): JsonObject {
  const wire: JsonObject = defined({ id: resource.id, parentId: resource.parentId, pathPart: resource.pathPart, path: resource.path });
  if (resource.methods.size > 0) {
    // Without ?embed=methods AWS lists each method's verb with an empty object.
    wire.resourceMethods = Object.fromEntries([...resource.methods].map(([verb, method]) => [verb, embedMethods ? methodWire(method) : {}]));
  }
  return wire;
}

/** Every REST API, in creation order (one page: the fake never holds more than a test makes). */
export const getRestApis: Handler = ({ state }) => ({ status: 200, body: { item: [...state.restApis.values()].map((api) => api.wire) } });

export const getResources: Handler = (context) => {
  const api = restApiOf(context);
  const embed = context.query.embed ?? [];
  const embedMethods = embed.some((value) => value.split(',').includes('methods'));
  const items = [...api.resources.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((resource) => resourceWire(resource, embedMethods));
  return { status: 200, body: { item: items } };
};

export const deleteRestApi: Handler = (context) => {
  const api = restApiOf(context);
  context.state.restApis.delete(api.wire.id);
  return { status: 202 };
};
