/**
 * A botocore input, output or error shape → how it travels, for the compact contract file:
 * which member goes where under which name, the text parts (URI labels, query parameters,
 * headers) and the JSON body. A shape's wire form does not depend on the operation that
 * uses it, so each is written once and operations name it. Schemas are the closed (diff)
 * flavour with `#/shapes/` refs; the open flavour is derived on load (format/expand.ts).
 */
import type { SensitiveMember } from '../../core/sensitive.js';
import type { CompactError, CompactMember, CompactMessage } from '../format/compact-types.js';
import type { ModelBinding } from '../protocols/types.js';
import type { JsonSchema } from '../types.js';
import type { BotocoreShape } from './botocore-model.js';
import { sensitiveMembersOf, type MessageRole, type SensitiveContext } from './sensitive-members.js';
import { memberSchema, wireName, type SchemaContext } from './shape-schema.js';
import { wireValueSchema } from './wire-value.js';

const EMPTY = JSON.stringify({ type: 'object', properties: {} });
const CLOSED_EMPTY = JSON.stringify({ type: 'object', properties: {}, additionalProperties: false });

/** `{sensitive: [...]}` when the shape carries secrets; nothing otherwise. */
function sensitivePart(shape: string, context: SensitiveContext, role: MessageRole): { sensitive?: SensitiveMember[] } {
  const members = sensitiveMembersOf(shape, context);
  if (members.length === 0) return {};
  return { sensitive: context.wirePlaces ? context.wirePlaces(shape, members, role) : members };
}

function wireMembers(shape: BotocoreShape | undefined): CompactMember[] {
  return Object.entries(shape?.members ?? {})
    .filter(([, ref]) => ref.location !== 'statusCode')
    .map(([member, ref]) => [
      member,
      ref.location === 'header' ? (ref.locationName ?? member).toLowerCase() : wireName(member, ref),
      ref.location === 'uri' || ref.location === 'querystring' || ref.location === 'header' ? ref.location : 'body',
      ref.shape,
      shape?.required?.includes(member) ?? false,
    ]);
}

export function messageOf(name: string, context: SchemaContext, sensitive: SensitiveContext, role: MessageRole = 'input'): CompactMessage {
  const shape = context.shapes[name];
  const message: CompactMessage = { members: wireMembers(shape) };
  const path = textPart(shape, 'uri', context, name);
  if (JSON.stringify(path) !== CLOSED_EMPTY) message.path = path;
  const query = textPart(shape, 'querystring', context, name);
  if (JSON.stringify(query) !== EMPTY) message.query = query;
  const headers = textPart(shape, 'header', context, name);
  if (JSON.stringify(headers) !== EMPTY) message.headers = headers;
  const body = bodyPart(shape, context);
  if (body !== undefined) message.body = body;
  return { ...message, ...sensitivePart(name, sensitive, role) };
}

export function errorOf(name: string, context: SchemaContext, sensitive: SensitiveContext, protocol: Pick<ModelBinding, 'errorType' | 'errorHeaders'>): CompactError {
  const shape = context.shapes[name];
  const parsed = bodyPart(shape, context);
  const body = parsed === undefined || parsed === 'blob' ? { type: 'object', properties: {} } : parsed;
  // Clients read the message from `message` or `Message` and the type from `__type` or
  // `code` as well as the header; AWS sends any of them.
  const properties = body.properties as Record<string, JsonSchema>;
  for (const member of ['message', 'Message', '__type', 'code']) properties[member] ??= { type: 'string' };
  const type = protocol.errorType(name, shape);
  const headers = textPart(shape, 'header', context, name);
  Object.assign(headers.properties as Record<string, JsonSchema>, protocol.errorHeaders(name, shape));
  return {
    ...(type !== name ? { type } : {}),
    status: shape?.error?.httpStatusCode ?? 400,
    fault: shape?.fault ? 'server' : 'client',
    ...(JSON.stringify(headers) !== EMPTY ? { headers } : {}),
    body,
    ...sensitivePart(name, sensitive, 'error'),
  };
}

/** URI labels, query parameters or headers of a top-level shape, as one object schema. */
function textPart(shape: BotocoreShape | undefined, location: 'uri' | 'querystring' | 'header', context: SchemaContext, owner: string): JsonSchema {
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
  if (location === 'uri') schema.additionalProperties = false;
  return schema;
}

/** The JSON body (members without a location, or the `payload` member alone), `blob` for a raw payload, undefined for none. */
function bodyPart(shape: BotocoreShape | undefined, context: SchemaContext): JsonSchema | 'blob' | undefined {
  if (!shape) return undefined;
  if (shape.payload !== undefined) {
    const ref = shape.members?.[shape.payload];
    const payloadShape = ref ? context.shapes[ref.shape] : undefined;
    if (!ref || payloadShape?.type !== 'structure') return 'blob';
    return memberSchema(ref, 'diff', context);
  }
  const bodyMembers = Object.entries(shape.members ?? {}).filter(([, ref]) => ref.location === undefined);
  if (bodyMembers.length === 0) return undefined;
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [member, ref] of bodyMembers) {
    properties[wireName(member, ref, context)] = memberSchema(ref, 'diff', context);
    if (shape.required?.includes(member)) required.push(wireName(member, ref, context));
  }
  const schema: JsonSchema = { type: 'object', properties };
  if (required.length > 0) schema.required = required;
  schema.additionalProperties = false;
  return schema;
}
