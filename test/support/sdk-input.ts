/**
 * An SDK input from a JSON body sampled from a contract (sample-from-schema.ts): the wire form
 * turned into what an AWS SDK for JavaScript v3 command takes. For the json protocol the wire
 * names are the SDK's member names; what differs is the values: timestamps travel as epoch
 * seconds and are `Date`s in the SDK, blobs travel as base64 and are bytes in the SDK.
 */
import type { JsonSchema, ServiceContract } from '../../contracts/types.js';

export function sdkInputFromWire(value: unknown, schema: JsonSchema, service: ServiceContract): unknown {
  const resolved = resolve(schema, service);
  if (value === null || value === undefined) return value;
  if (isEpoch(resolved) && typeof value === 'number') return new Date(value * 1000);
  if (resolved.some((part) => part.contentEncoding === 'base64') && typeof value === 'string') return new Uint8Array(Buffer.from(value, 'base64'));
  if (Array.isArray(value)) {
    const items = resolved.map((part) => part.items).find((items): items is JsonSchema => typeof items === 'object' && items !== null) ?? {};
    return value.map((item) => sdkInputFromWire(item, items, service));
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(value)) {
      const property = resolved.map((part) => (part.properties as Record<string, JsonSchema> | undefined)?.[name]).find((p) => p !== undefined);
      const additional = resolved.map((part) => part.additionalProperties).find((a): a is JsonSchema => typeof a === 'object' && a !== null);
      out[name] = sdkInputFromWire(member, property ?? additional ?? {}, service);
    }
    return out;
  }
  return value;
}

/** The schema and everything its `$ref`s and `allOf`s add, flattened. */
function resolve(schema: JsonSchema, service: ServiceContract): JsonSchema[] {
  const parts: JsonSchema[] = [schema];
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.slice(schema.$ref.indexOf('#/definitions/') + '#/definitions/'.length);
    const definition = service.definitions.validation[name];
    if (definition !== undefined) parts.push(...resolve(definition, service));
  }
  if (Array.isArray(schema.allOf)) for (const part of schema.allOf as JsonSchema[]) parts.push(...resolve(part, service));
  return parts;
}

function isEpoch(parts: JsonSchema[]): boolean {
  return parts.some((part) => typeof part.$comment === 'string' && /epoch/i.test(part.$comment));
}
