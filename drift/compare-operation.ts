/**
 * One operation in two contracts: method, URI and success status (breaking when they
 * change), every request part, the success response, and each declared error (added,
 * removed, status, headers, body).
 */
import type { ErrorContract, JsonSchema, OperationContract, SchemaPair } from '../contracts/types.js';
import { fixedSeverity, severityFor } from './classify.js';
import { comparePart, type PartContext } from './compare-part.js';
import type { DriftChange, DriftCode, DriftSide } from './types.js';

/** A missing JSON body reads as an empty closed object: every member of the other side is then added or removed. */
const NO_BODY: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };

type Context = Omit<PartContext, 'operation' | 'side' | 'errorType'> & {
  /** Error code before → after for one error shape sent under a new code (query, rest-xml): compared as one error, not one removed and one added. */
  errorRenames?: ReadonlyMap<string, string>;
};

export async function compareOperation(a: OperationContract, b: OperationContract, context: Context): Promise<DriftChange[]> {
  const id = b.id;
  const changes: DriftChange[] = [];
  const fixed = (side: DriftSide, code: DriftCode, pointer: string, before: unknown, after: unknown, message: string, errorType?: string): void => {
    const change: DriftChange = { operation: id, side, pointer, before, after, severity: fixedSeverity(code)!, code, message };
    if (errorType !== undefined) change.errorType = errorType;
    changes.push(change);
  };

  if (a.http.method !== b.http.method) {
    fixed(
      'request',
      'method-changed',
      '/method',
      a.http.method,
      b.http.method,
      `The method changed from ${a.http.method} to ${b.http.method}: clients that still send ${a.http.method} reach another operation or none.`,
    );
  }
  const uriChanged = a.http.uri !== b.http.uri;
  if (uriChanged) {
    fixed(
      'request',
      'uri-changed',
      '/path',
      a.http.uri,
      b.http.uri,
      `The request URI changed from ${a.http.uri} to ${b.http.uri}: clients built for the old one miss the operation.`,
    );
  }
  if (a.http.successStatus !== b.http.successStatus) {
    fixed(
      'response',
      'success-status-changed',
      '/status',
      a.http.successStatus,
      b.http.successStatus,
      `Success now answers ${b.http.successStatus} instead of ${a.http.successStatus}: clients that check for ${a.http.successStatus} will take success for failure.`,
    );
  }

  const request = { ...context, operation: id, side: 'request' as const };
  // When the URI changed, its labels changed with it; the URI change says it all.
  if (!uriChanged) changes.push(...(await comparePart(a.request.path.diff, b.request.path.diff, '/path', request)));
  changes.push(...(await comparePart(a.request.query.diff, b.request.query.diff, '/query', request)));
  changes.push(...(await comparePart(a.request.headers.diff, b.request.headers.diff, '/headers', request)));
  changes.push(...(await compareBody(a.request, b.request, request)));

  const response = { ...context, operation: id, side: 'response' as const };
  changes.push(...(await comparePart(a.response.headers.diff, b.response.headers.diff, '/headers', response)));
  changes.push(...(await compareBody(a.response, b.response, response)));

  const errorsBefore = new Map(a.errors.map((error) => [error.type, error]));
  const errorsAfter = new Map(b.errors.map((error) => [error.type, error]));
  const renames = context.errorRenames ?? new Map<string, string>();
  const renamedTo = new Set(renames.values());
  for (const [type, error] of errorsAfter) {
    if (!errorsBefore.has(type) && !renamedTo.has(type)) {
      fixed(
        'error',
        'error-added',
        '',
        null,
        { type, status: error.status },
        `${id} may now fail with ${type} (${error.status}): clients that handle the known errors need a case for it.`,
        type,
      );
    }
  }
  for (const [type, error] of errorsBefore) {
    const afterType = renames.get(type) ?? type;
    const after = errorsAfter.get(afterType);
    if (!after) {
      fixed('error', 'error-removed', '', { type, status: error.status }, null, `${type} is no longer declared for ${id}: code that handles it goes unused.`, type);
      continue;
    }
    changes.push(...(await compareError(error, after, { ...context, operation: id, side: 'error', errorType: afterType }, fixed)));
  }
  return changes;
}

async function compareError(
  a: ErrorContract,
  b: ErrorContract,
  context: PartContext,
  fixed: (side: DriftSide, code: DriftCode, pointer: string, before: unknown, after: unknown, message: string, errorType?: string) => void,
): Promise<DriftChange[]> {
  if (a.status !== b.status) {
    fixed(
      'error',
      'error-status-changed',
      '/status',
      a.status,
      b.status,
      `${a.type} now comes with status ${b.status} instead of ${a.status}: clients that tell errors apart by status will misread it.`,
      a.type,
    );
  }
  return [...(await comparePart(a.headers.diff, b.headers.diff, '/headers', context)), ...(await comparePart(a.body.diff, b.body.diff, '/body', context))];
}

interface BodyPart {
  bodyKind: 'json' | 'blob' | 'none';
  body?: SchemaPair;
}

async function compareBody(a: BodyPart, b: BodyPart, context: PartContext): Promise<DriftChange[]> {
  const json = (part: BodyPart) => (part.bodyKind === 'json' && part.body ? part.body.diff : part.bodyKind === 'none' ? NO_BODY : undefined);
  const before = json(a);
  const after = json(b);
  if (before && after) return comparePart(before, after, '/body', context);
  if (a.bodyKind === b.bodyKind) return [];
  const whose = context.side === 'request' ? 'request' : 'response';
  return [
    {
      operation: context.operation,
      side: context.side,
      pointer: '/body',
      before: a.bodyKind,
      after: b.bodyKind,
      severity: severityFor(context.side, 'both', context.options),
      code: 'body-kind-changed',
      message: `The ${whose} body changed from ${a.bodyKind} to ${b.bodyKind}: clients that ${context.side === 'request' ? 'send' : 'read'} the old kind of body will fail.`,
    },
  ];
}
