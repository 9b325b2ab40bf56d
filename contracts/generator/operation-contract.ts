/**
 * One botocore operation → its wire-level contract: which member travels where under which
 * name, the success status, every declared error, and a schema pair per part.
 */
import type { SensitiveMember } from '../../core/sensitive.js';
import type { ErrorContract, JsonSchema, OperationContract, RequestContract, ResponseContract, SchemaPair, WireMember } from '../types.js';
import { parseRequestUri } from '../uri-template.js';
import type { BotocoreOperation, BotocoreShape, ShapeRef } from './botocore-model.js';
import { sensitiveMembersOf, type SensitiveContext } from './sensitive-members.js';
import { memberSchema, wireName, type Flavour, type SchemaContext } from './shape-schema.js';
import { wireValueSchema } from './wire-value.js';

const FLAVOURS: Flavour[] = ['validation', 'diff'];

export function operationContract(service: string, operation: BotocoreOperation, context: SchemaContext, sensitive: SensitiveContext): OperationContract {
  const successStatus = operation.http.responseCode ?? 200;
  return {
    id: `${service}.${operation.name}`,
    service,
    name: operation.name,
    http: { method: operation.http.method.toUpperCase(), uri: operation.http.requestUri, successStatus },
    request: { ...requestContract(operation, context), ...sensitivePart(operation.input?.shape, sensitive) },
    response: { ...responseContract(operation, successStatus, context), ...sensitivePart(operation.output?.shape, sensitive) },
    errors: (operation.errors ?? []).map((ref) => ({ ...errorContract(ref.shape, context), ...sensitivePart(ref.shape, sensitive) })),
  };
}

/** `{sensitive: [...]}` when the shape carries secrets; nothing otherwise, so most contracts stay as they were. */
function sensitivePart(shape: string | undefined, context: SensitiveContext): { sensitive?: SensitiveMember[] } {
  const members = sensitiveMembersOf(shape, context);
  return members.length > 0 ? { sensitive: members } : {};
}

function shapeOf(name: string | undefined, context: SchemaContext): BotocoreShape | undefined {
  return name === undefined ? undefined : context.shapes[name];
}

function wireMembers(shape: BotocoreShape | undefined): WireMember[] {
  if (!shape) return [];
  return Object.entries(shape.members ?? {})
    .filter(([, ref]) => ref.location !== 'statusCode')
    .map(([member, ref]) => ({
      member,
      wireName: ref.location === 'header' ? (ref.locationName ?? member).toLowerCase() : wireName(member, ref),
      location: ref.location === 'uri' || ref.location === 'querystring' || ref.location === 'header' ? ref.location : 'body',
      shape: ref.shape,
      required: shape.required?.includes(member) ?? false,
    }));
}

function requestContract(operation: BotocoreOperation, context: SchemaContext): RequestContract {
  const shape = shapeOf(operation.input?.shape, context);
  const { segments, queryLiterals } = parseRequestUri(operation.http.requestUri);
  const body = bodyPart(shape, context);
  return {
    labels: segments.flatMap((segment) => (segment.kind === 'label' ? [{ name: segment.name, greedy: segment.greedy }] : [])),
    queryLiterals,
    members: wireMembers(shape),
    path: textPart(shape, 'uri', context, operation.name),
    query: textPart(shape, 'querystring', context, operation.name),
    headers: textPart(shape, 'header', context, operation.name),
    ...body,
  };
}

function responseContract(operation: BotocoreOperation, status: number, context: SchemaContext): ResponseContract {
  const shape = shapeOf(operation.output?.shape, context);
  return {
    status,
    members: wireMembers(shape),
    headers: textPart(shape, 'header', context, operation.name),
    ...bodyPart(shape, context),
  };
}

function errorContract(name: string, context: SchemaContext): ErrorContract {
  const shape = context.shapes[name];
  const body = bodyPart(shape, context).body ?? pair(() => ({ type: 'object', properties: {} }));
  // Clients read the message from `message` or `Message` and the type from `__type` or
  // `code` as well as the header; AWS sends any of them.
  for (const flavour of FLAVOURS) {
    const properties = body[flavour].properties as Record<string, JsonSchema>;
    for (const name of ['message', 'Message', '__type', 'code']) properties[name] ??= { type: 'string' };
  }
  return {
    type: shape?.error?.code ?? name,
    status: shape?.error?.httpStatusCode ?? 400,
    fault: shape?.fault ? 'server' : 'client',
    headers: textPart(shape, 'header', context, name),
    body,
  };
}

function pair(make: (flavour: Flavour) => JsonSchema): SchemaPair {
  return { validation: make('validation'), diff: make('diff') };
}

/** URI labels, query parameters or headers of a top-level shape, as one object schema. */
function textPart(shape: BotocoreShape | undefined, location: 'uri' | 'querystring' | 'header', context: SchemaContext, owner: string): SchemaPair {
  return pair((flavour) => {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    const schema: JsonSchema = { type: 'object', properties };
    for (const [member, ref] of Object.entries(shape?.members ?? {})) {
      if (ref.location !== location) continue;
      const memberShape = context.shapes[ref.shape];
      if (location === 'querystring' && memberShape?.type === 'map' && ref.locationName === undefined) {
        // A map in the query string is spread: each entry is a parameter of its own.
        schema.additionalProperties = wireValueSchema(memberShape.value!, location, context, `${owner}.${member}`);
        continue;
      }
      const name = location === 'header' ? (ref.locationName ?? member).toLowerCase() : (ref.locationName ?? member);
      properties[name] = wireValueSchema(ref, location, context, `${owner}.${member}`);
      if (shape?.required?.includes(member)) required.push(name);
    }
    if (required.length > 0) schema.required = required;
    // Headers and query strings carry more than the model names (SigV4, user agents): never closed.
    if (flavour === 'diff' && location === 'uri') schema.additionalProperties = false;
    return schema;
  });
}

/** The JSON body: members without a location, or the `payload` member alone. */
function bodyPart(shape: BotocoreShape | undefined, context: SchemaContext): Pick<RequestContract, 'bodyKind' | 'body'> {
  if (!shape) return { bodyKind: 'none' };
  if (shape.payload !== undefined) {
    const ref = shape.members?.[shape.payload];
    const payloadShape = ref ? context.shapes[ref.shape] : undefined;
    if (!ref || payloadShape?.type !== 'structure') return { bodyKind: 'blob' };
    return { bodyKind: 'json', body: pair((flavour) => memberSchema(ref, flavour, context)) };
  }
  const bodyMembers = Object.entries(shape.members ?? {}).filter(([, ref]) => ref.location === undefined);
  if (bodyMembers.length === 0) return { bodyKind: 'none' };
  return {
    bodyKind: 'json',
    body: pair((flavour) => {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [member, ref] of bodyMembers) {
        properties[wireName(member, ref)] = memberSchema(ref, flavour, context);
        if (shape.required?.includes(member)) required.push(wireName(member, ref));
      }
      const schema: JsonSchema = { type: 'object', properties };
      if (required.length > 0) schema.required = required;
      if (flavour === 'diff') schema.additionalProperties = false;
      return schema;
    }),
  };
}

export type { ShapeRef };
