/**
 * botocore shapes → JSON Schema, as the shape travels inside a rest-json body.
 *
 * Both flavours come from the same walk: `validation` leaves structures open (a field AWS
 * added since the model was cut is drift, not a violation); `diff` closes them with
 * `additionalProperties: false` so json-schema-diff sees a new optional field as an
 * addition instead of a removal.
 *
 * Patterns are kept exactly as AWS wrote them and NOT anchored: Smithy (and the AWS
 * services behind it) match a pattern anywhere in the value, as JSON Schema's `pattern`
 * does, so anchoring would report traffic that AWS accepts. Each pattern is checked to
 * compile as a JavaScript `u` regex (what ajv uses); one that does not is dropped and
 * recorded in the contract's `notes`.
 */
import type { JsonSchema } from '../types.js';
import type { BotocoreShape, ShapeRef } from './botocore-model.js';

export type Flavour = 'validation' | 'diff';

export interface SchemaContext {
  shapes: Record<string, BotocoreShape>;
  /** rest-json body timestamps default to epoch seconds (numbers). */
  defaultTimestampFormat: string;
  /** Findings of the generator itself (uncompilable patterns, cut cycles), kept in the contract. */
  notes: string[];
  /** `#/definitions/` for definitions; an absolute `$id#/definitions/` for standalone validation parts. */
  refBase: Record<Flavour, string>;
  /**
   * query and rest-xml: bodies are checked in the wire codecs' protocol-neutral form
   * (contracts/wire): members under their model names, every timestamp ISO 8601.
   */
  neutral?: boolean;
}

/** The name of a member inside a checked body: its JSON wire name, or in the neutral form its model name. */
export function wireName(member: string, ref: ShapeRef, context?: Pick<SchemaContext, 'neutral'>): string {
  return context?.neutral ? member : (ref.locationName ?? member);
}

export function refTo(shape: string, flavour: Flavour, context: SchemaContext): JsonSchema {
  return { $ref: `${context.refBase[flavour]}${escapePointer(shape)}` };
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The definition of a named shape, members referring to other shapes by `$ref`. */
export function shapeDefinition(name: string, flavour: Flavour, context: SchemaContext): JsonSchema {
  const shape = context.shapes[name];
  if (!shape) throw new Error(`shape "${name}" is referenced but not defined`);
  switch (shape.type) {
    case 'structure':
      return structureSchema(shape, flavour, context);
    case 'list':
      return withBounds({ type: 'array', items: memberSchema(shape.member!, flavour, context) }, shape, 'minItems', 'maxItems');
    case 'map': {
      const schema: JsonSchema = { type: 'object', additionalProperties: memberSchema(shape.value!, flavour, context) };
      const keyShape = context.shapes[shape.key!.shape];
      const keyRules = keyShape ? stringRules(keyShape, context, `${name} key`) : {};
      if (Object.keys(keyRules).length > 0) schema.propertyNames = keyRules;
      return withBounds(schema, shape, 'minProperties', 'maxProperties');
    }
    default:
      return scalarSchema(shape, undefined, context, name);
  }
}

function structureSchema(shape: BotocoreShape, flavour: Flavour, context: SchemaContext): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [member, ref] of Object.entries(shape.members ?? {})) {
    const wire = wireName(member, ref, context);
    properties[wire] = memberSchema(ref, flavour, context);
    if (shape.required?.includes(member)) required.push(wire);
  }
  const schema: JsonSchema = { type: 'object', properties };
  if (required.length > 0) schema.required = required;
  if (flavour === 'diff') schema.additionalProperties = false;
  return schema;
}

/**
 * A member reference: a `$ref` to its shape, except timestamps whose wire form can depend
 * on the member (`timestampFormat` on the reference), which are written inline.
 */
export function memberSchema(ref: ShapeRef, flavour: Flavour, context: SchemaContext): JsonSchema {
  const shape = context.shapes[ref.shape];
  if (context.neutral) return refTo(ref.shape, flavour, context);
  if (shape?.type === 'timestamp' && ref.timestampFormat) return timestampSchema(ref.timestampFormat);
  if (ref.jsonvalue) return { type: 'string', $comment: 'JSON encoded as a string' };
  return refTo(ref.shape, flavour, context);
}

export function scalarSchema(shape: BotocoreShape, ref: ShapeRef | undefined, context: SchemaContext, name: string): JsonSchema {
  switch (shape.type) {
    case 'string':
      return { type: 'string', ...stringRules(shape, context, name) };
    case 'integer':
    case 'long':
      return withBounds({ type: 'integer' }, shape, 'minimum', 'maximum');
    case 'float':
    case 'double':
      return withBounds({ type: 'number' }, shape, 'minimum', 'maximum');
    case 'boolean':
      return { type: 'boolean' };
    case 'timestamp':
      // The neutral form has every timestamp as ISO 8601, whatever its wire format.
      return timestampSchema(context.neutral ? 'iso8601' : (ref?.timestampFormat ?? shape.timestampFormat ?? context.defaultTimestampFormat));
    case 'blob':
      // JSON bodies carry blobs base64-encoded.
      return { type: 'string', contentEncoding: 'base64' };
    default:
      return {};
  }
}

/** How each timestamp format appears in a JSON body. */
export function timestampSchema(format: string): JsonSchema {
  switch (format) {
    case 'iso8601':
      return { type: 'string', format: 'date-time' };
    case 'rfc822':
      return { type: 'string', $comment: 'RFC 822 date' };
    default:
      return { type: 'number', $comment: 'epoch seconds' };
  }
}

export function stringRules(shape: BotocoreShape, context: SchemaContext, name: string): JsonSchema {
  const rules: JsonSchema = {};
  if (shape.enum) rules.enum = [...shape.enum];
  if (typeof shape.min === 'number') rules.minLength = shape.min;
  if (typeof shape.max === 'number') rules.maxLength = shape.max;
  if (shape.pattern !== undefined) {
    if (compiles(shape.pattern)) rules.pattern = shape.pattern;
    else context.notes.push(`pattern of ${name} does not compile as a JavaScript regex and is not checked: ${shape.pattern}`);
  }
  return rules;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function withBounds(schema: JsonSchema, shape: BotocoreShape, minKey: string, maxKey: string): JsonSchema {
  if (typeof shape.min === 'number') schema[minKey] = shape.min;
  if (typeof shape.max === 'number') schema[maxKey] = shape.max;
  return schema;
}
