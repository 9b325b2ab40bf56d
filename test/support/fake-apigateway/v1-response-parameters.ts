/**
 * v1 response parameter mappings, checked as API Gateway checks them: a key names a method
 * response header (`method.response.header.{name}`) that the method response declares; a value
 * is a static `'value'`, `integration.response.header.{name}` or
 * `integration.response.body[.{JSON-expression}]`. Failures are 400s with AWS's wording.
 */
import { badRequest } from './aws-error.js';
import type { V1MethodResponse } from './state.js';

const TOKEN = "[!#$%&'*+.^_`|0-9A-Za-z-]+";
const KEY = new RegExp(`^method\\.response\\.header\\.${TOKEN}$`);
const VALUE = new RegExp(`^('[^']*'|integration\\.response\\.header\\.${TOKEN}|integration\\.response\\.body(\\..+)?)$`);

const invalidMapping = (what: string) => badRequest(`Invalid mapping expression specified: Validation Result: warnings : [], errors : [${what}]`);

/** Keys of a method response's `responseParameters`. */
export function checkMethodResponseParameters(keys: string[]): void {
  for (const key of keys) {
    if (!KEY.test(key)) throw invalidMapping(`Invalid mapping expression parameter specified: ${key}`);
  }
}

/** One mapping of an integration response, against the method response it feeds. */
export function checkIntegrationResponseParameter(key: string, value: string, methodResponse: V1MethodResponse): void {
  if (!KEY.test(key) || !Object.hasOwn(methodResponse.responseParameters ?? {}, key)) {
    throw invalidMapping(`Invalid mapping expression parameter specified: ${key}`);
  }
  if (!VALUE.test(value)) throw invalidMapping(`Invalid mapping expression specified: ${value}`);
}
