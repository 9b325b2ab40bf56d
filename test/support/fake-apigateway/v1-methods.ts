/**
 * v1 methods, their integration and method responses: PutMethod, PutIntegration and
 * PutMethodResponse, each 201 with the stored thing as the body.
 */
import { badRequest, conflict } from './aws-error.js';
import { label, type Handler } from './handler.js';
import { defined, optionalBoolean, optionalBooleanMap, optionalEnum, optionalInteger, optionalString, optionalStringList, optionalStringMap, requiredEnum } from './input.js';
import { methodOf, resourceOf } from './v1-lookup.js';
import { checkMethodResponseParameters } from './v1-response-parameters.js';
import type { V1IntegrationResponse, V1MethodResponse } from './state.js';

const HTTP_METHODS = ['ANY', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
const AUTHORIZATION_TYPES = ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'] as const;
const INTEGRATION_TYPES = ['HTTP', 'AWS', 'MOCK', 'HTTP_PROXY', 'AWS_PROXY'] as const;
export const CONTENT_HANDLING = ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'] as const;

export const putMethod: Handler = (context) => {
  const verb = label(context, 'http_method');
  if (!HTTP_METHODS.includes(verb)) {
    throw badRequest(`Invalid HttpMethod specified. Valid options are ${HTTP_METHODS.join(',')}`);
  }
  const resource = resourceOf(context);
  if (resource.methods.has(verb)) throw conflict('Method already exists for this resource');
  const { body } = context;
  const wire = defined({
    httpMethod: verb,
    authorizationType: requiredEnum(body, 'authorizationType', AUTHORIZATION_TYPES),
    authorizerId: optionalString(body, 'authorizerId'),
    apiKeyRequired: optionalBoolean(body, 'apiKeyRequired') ?? false,
    operationName: optionalString(body, 'operationName'),
    requestParameters: optionalBooleanMap(body, 'requestParameters'),
    requestModels: optionalStringMap(body, 'requestModels'),
    requestValidatorId: optionalString(body, 'requestValidatorId'),
    authorizationScopes: optionalStringList(body, 'authorizationScopes'),
  });
  resource.methods.set(verb, { wire, responses: new Map() });
  return { status: 201, body: wire };
};

export const putIntegration: Handler = (context) => {
  const method = methodOf(context);
  const { body } = context;
  const type = requiredEnum(body, 'type', INTEGRATION_TYPES);
  const httpMethod = optionalString(body, 'httpMethod');
  const uri = optionalString(body, 'uri');
  if (type !== 'MOCK') {
    // Every integration but MOCK calls a back end, so it needs to know how.
    if (!httpMethod) throw badRequest('Enumeration value for HttpMethod must be non-empty');
    if (!uri) throw badRequest('Invalid integration URI specified');
  }
  const wire = defined({
    type,
    httpMethod,
    uri,
    connectionType: type === 'MOCK' ? undefined : (optionalEnum(body, 'connectionType', ['INTERNET', 'VPC_LINK'] as const) ?? 'INTERNET'),
    connectionId: optionalString(body, 'connectionId'),
    credentials: optionalString(body, 'credentials'),
    requestParameters: optionalStringMap(body, 'requestParameters'),
    requestTemplates: optionalStringMap(body, 'requestTemplates'),
    passthroughBehavior: optionalEnum(body, 'passthroughBehavior', ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] as const) ?? 'WHEN_NO_MATCH',
    contentHandling: optionalEnum(body, 'contentHandling', CONTENT_HANDLING),
    timeoutInMillis: optionalInteger(body, 'timeoutInMillis', 50, 29_000) ?? 29_000,
    cacheNamespace: optionalString(body, 'cacheNamespace') ?? label(context, 'resource_id'),
    cacheKeyParameters: optionalStringList(body, 'cacheKeyParameters') ?? [],
  });
  // PUT replaces the integration; its responses stay, as they are addressed on their own.
  method.integration = { wire, responses: method.integration?.responses ?? new Map<string, V1IntegrationResponse>() };
  return { status: 201, body: wire };
};

export const putMethodResponse: Handler = (context) => {
  const statusCode = label(context, 'status_code');
  if (!/^[1-5]\d\d$/.test(statusCode)) throw badRequest('Invalid status code specified');
  const method = methodOf(context);
  if (method.responses.has(statusCode)) throw conflict('Response already exists for this resource');
  const responseParameters = optionalBooleanMap(context.body, 'responseParameters');
  checkMethodResponseParameters(Object.keys(responseParameters ?? {}));
  const response = defined({
    statusCode,
    responseParameters,
    responseModels: optionalStringMap(context.body, 'responseModels'),
  }) as unknown as V1MethodResponse;
  method.responses.set(statusCode, response);
  return { status: 201, body: response };
};
