/**
 * v1 `patchOperations` on an IntegrationResponse. Supported, as the seed page lists them:
 *   /selectionPattern                      add | replace | remove
 *   /contentHandling                       add | replace | remove (CONVERT_TO_BINARY | CONVERT_TO_TEXT)
 *   /responseTemplates/{media type}        add | replace | remove (`/` in the type written `~1`)
 *   /responseParameters/{method.response.header.Name}   add | replace | remove
 * Tokens are unescaped per RFC 6901 (`~1` → `/`, then `~0` → `~`). Any other op or path is a
 * 400 BadRequestException. The operations apply to a copy, all or nothing.
 */
import { badRequest } from './aws-error.js';
import type { JsonObject } from './input.js';
import type { V1IntegrationResponse } from './state.js';
import { CONTENT_HANDLING } from './v1-methods.js';

const OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'];
const SUPPORTED_OPS = ['add', 'remove', 'replace'];
const PATHS = ['/selectionPattern', '/contentHandling', '/responseTemplates/{contentType}', '/responseParameters/{name}'];

/** Called for every responseParameters mapping an operation adds or replaces. */
export type ParameterCheck = (key: string, value: string) => void;

function unescapeToken(token: string, path: string): string {
  if (/~(?![01])/.test(token)) throw badRequest(`Invalid patch path ${path}: '~' must be followed by '0' or '1'`);
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function invalidPath(op: string, path: string) {
  return badRequest(`Invalid patch path '${path}' specified for op '${op}'. Must be one of: [${PATHS.join(', ')}]`);
}

function readOperation(raw: unknown, index: number): { op: string; path: string; value: string | undefined } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw badRequest(`Invalid patch operation at index ${index}: not an object`);
  }
  const { op, path, value } = raw as JsonObject;
  if (typeof op !== 'string' || !OPS.includes(op)) {
    throw badRequest(
      `1 validation error detected: Value '${String(op)}' at 'patchOperations.${index + 1}.member.op' failed to satisfy constraint: Member must satisfy enum value set: [${OPS.join(', ')}]`,
    );
  }
  if (!SUPPORTED_OPS.includes(op)) {
    throw badRequest(`Invalid patch operation specified. Must be one of: [${SUPPORTED_OPS.join(', ')}]`);
  }
  if (typeof path !== 'string' || path === '') throw badRequest('Invalid patch path specified: the path is empty');
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw badRequest(`Invalid patch value for path '${path}': a string is expected`);
  }
  return { op, path, value: typeof value === 'string' ? value : undefined };
}

export function applyIntegrationResponsePatch(current: V1IntegrationResponse, patchOperations: unknown, checkParameter: ParameterCheck): V1IntegrationResponse {
  if (patchOperations !== undefined && !Array.isArray(patchOperations)) {
    throw badRequest('Invalid patch operations: a list is expected');
  }
  const next: V1IntegrationResponse = {
    ...current,
    ...(current.responseParameters ? { responseParameters: { ...current.responseParameters } } : {}),
    ...(current.responseTemplates ? { responseTemplates: { ...current.responseTemplates } } : {}),
  };
  (patchOperations ?? []).forEach((raw: unknown, index: number) => {
    const { op, path, value } = readOperation(raw, index);
    const tokens = path.split('/');
    if (tokens[0] !== '') throw invalidPath(op, path);
    const member = tokens[1];
    const setting = op !== 'remove';
    if (setting && value === undefined) throw badRequest(`Invalid null or empty value in patch operation '${op}' on path '${path}'`);

    if ((member === 'selectionPattern' || member === 'contentHandling') && tokens.length === 2) {
      if (!setting) delete next[member];
      else if (member === 'contentHandling' && !(CONTENT_HANDLING as readonly string[]).includes(value!)) {
        throw badRequest(`Invalid content handling specified: ${value!}. Valid options are ${CONTENT_HANDLING.join(', ')}`);
      } else next[member] = value!;
      return;
    }
    if ((member === 'responseTemplates' || member === 'responseParameters') && tokens.length === 3 && tokens[2] !== '') {
      const key = unescapeToken(tokens[2]!, path);
      const map = next[member] ?? {};
      if (!setting) delete map[key];
      else {
        if (member === 'responseParameters') checkParameter(key, value!);
        map[key] = value!;
      }
      if (Object.keys(map).length > 0) next[member] = map;
      else delete next[member];
      return;
    }
    throw invalidPath(op, path);
  });
  return next;
}
