/**
 * Finding v1 things by the ids in a request's URI, with the NotFoundException messages
 * API Gateway uses for each level of the tree.
 */
import { v1NotFound } from './aws-error.js';
import { label, type HandlerContext } from './handler.js';
import type { V1Integration, V1Method, V1Resource, V1RestApi } from './state.js';

/** AWS names the caller's account in some messages; this fake has one, made up. */
export const FAKE_ACCOUNT_ID = '123456789012';

export function restApiOf(context: HandlerContext): V1RestApi {
  const id = label(context, 'restapi_id');
  const api = context.state.restApis.get(id);
  if (!api) throw v1NotFound(`Invalid API identifier specified ${FAKE_ACCOUNT_ID}:${id}`);
  return api;
}

export function resourceOf(context: HandlerContext): V1Resource {
  const resource = restApiOf(context).resources.get(label(context, 'resource_id'));
  if (!resource) throw v1NotFound('Invalid Resource identifier specified');
  return resource;
}

export function methodOf(context: HandlerContext): V1Method {
  const method = resourceOf(context).methods.get(label(context, 'http_method'));
  if (!method) throw v1NotFound('Invalid Method identifier specified');
  return method;
}

export function integrationOf(context: HandlerContext): V1Integration {
  const integration = methodOf(context).integration;
  if (!integration) throw v1NotFound('No integration defined for method');
  return integration;
}
