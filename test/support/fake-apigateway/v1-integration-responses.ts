/**
 * v1 integration responses, the seed operations: PutIntegrationResponse (201),
 * GetIntegrationResponse (200) and UpdateIntegrationResponse (200, JSON Patch-like
 * `patchOperations`, see v1-patch.ts). An integration response needs the method response of
 * the same status code; its responseParameters must map headers that method response declares.
 */
import { badRequest, v1NotFound } from './aws-error.js';
import { label, type Handler, type HandlerContext } from './handler.js';
import { defined, optionalEnum, optionalString, optionalStringMap } from './input.js';
import { integrationOf, methodOf } from './v1-lookup.js';
import { CONTENT_HANDLING } from './v1-methods.js';
import { applyIntegrationResponsePatch } from './v1-patch.js';
import { checkIntegrationResponseParameter } from './v1-response-parameters.js';
import type { V1IntegrationResponse, V1MethodResponse } from './state.js';

const unknownStatus = () => v1NotFound('Invalid Response status code specified');

function methodResponseOf(context: HandlerContext): V1MethodResponse {
  const methodResponse = methodOf(context).responses.get(label(context, 'status_code'));
  if (!methodResponse) throw unknownStatus();
  return methodResponse;
}

export const putIntegrationResponse: Handler = (context) => {
  const statusCode = label(context, 'status_code');
  if (!/^[1-5]\d\d$/.test(statusCode)) throw badRequest('Invalid status code specified');
  const integration = integrationOf(context);
  const methodResponse = methodResponseOf(context);
  const { body } = context;
  const responseParameters = optionalStringMap(body, 'responseParameters');
  for (const [key, value] of Object.entries(responseParameters ?? {})) {
    checkIntegrationResponseParameter(key, value, methodResponse);
  }
  const response = defined({
    statusCode,
    selectionPattern: optionalString(body, 'selectionPattern'),
    responseParameters,
    responseTemplates: optionalStringMap(body, 'responseTemplates'),
    contentHandling: optionalEnum(body, 'contentHandling', CONTENT_HANDLING),
  }) as unknown as V1IntegrationResponse;
  integration.responses.set(statusCode, response);
  return { status: 201, body: response };
};

function storedResponse(context: HandlerContext): V1IntegrationResponse {
  const response = integrationOf(context).responses.get(label(context, 'status_code'));
  if (!response) throw unknownStatus();
  return response;
}

export const getIntegrationResponse: Handler = (context) => ({ status: 200, body: storedResponse(context) });

export const updateIntegrationResponse: Handler = (context) => {
  const current = storedResponse(context);
  const methodResponse = methodResponseOf(context);
  const next = applyIntegrationResponsePatch(current, context.body.patchOperations, (key, value) => checkIntegrationResponseParameter(key, value, methodResponse));
  integrationOf(context).responses.set(current.statusCode, next);
  return { status: 200, body: next };
};
