/**
 * A valid JSON value built from a contract's validation schema, and from it the canned success
 * response an operation's contract promises. Every member is present once (lists with one item,
 * maps with one entry), so an SDK that parses the response has something to map in every place;
 * the values are the smallest that satisfy the schema (lengths, ranges, enums, simple patterns).
 *
 * `$ref`s (`<schemaId>#/definitions/X` in operation parts, `#/definitions/X` inside definitions)
 * resolve against the service's validation definitions, and `allOf` (how overlays add rules)
 * is merged before sampling. `if`/`then` is not honoured: the tests check every canned response
 * with the validator, so a sample that misses such a rule fails loudly rather than passing.
 */
import type { Body, RecordedResponse } from '../../core/exchange.js';
import type { JsonSchema, OperationContract, ServiceContract } from '../../contracts/types.js';
import { samplePattern } from './sample-pattern.js';

/** What every v1 epoch-seconds timestamp is sampled as: 2024-05-06T07:08:09Z. */
export const SAMPLE_EPOCH_SECONDS = 1714979289;
export const SAMPLE_DATE_TIME = '2024-05-06T07:08:09Z';
/** The bytes of every blob payload. */
export const SAMPLE_BLOB = new TextEncoder().encode('tapegate sample payload');

export interface SampleOptions {
  /** Below this depth only required members are produced. Default 10. */
  maxDepth?: number;
}

export function sampleFromSchema(schema: JsonSchema, service: ServiceContract, options: SampleOptions = {}): unknown {
  return new Sampler(service, options.maxDepth ?? 10).value(schema, 'value', 0);
}

export interface CannedResponse {
  response: RecordedResponse;
  /** The sampled JSON body (undefined when the contract has none), to compare the SDK's output with. */
  sampled: unknown;
}

/** The success response `operation`'s contract promises: its status, its headers, a sampled body. */
export function cannedSuccess(operation: OperationContract, service: ServiceContract): CannedResponse {
  const contract = operation.response;
  const headers: Record<string, string> = {
    'content-type': contract.bodyKind === 'blob' ? 'application/octet-stream' : 'application/json',
  };
  const headerProperties = (contract.headers.validation.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, schema] of Object.entries(headerProperties)) {
    headers[name] ??= String(sampleFromSchema(schema, service));
  }
  let body: Body = { kind: 'empty' };
  let sampled: unknown;
  if (contract.bodyKind === 'json' && contract.body) {
    sampled = sampleFromSchema(contract.body.validation, service);
    body = { kind: 'json', value: sampled };
  } else if (contract.bodyKind === 'blob') {
    body = { kind: 'bytes', bytes: SAMPLE_BLOB };
  }
  return { response: { status: contract.status, headers, body }, sampled };
}

/** The conjunction of every schema an `allOf` / `$ref` chain puts on one value. */
interface Merged {
  types: string[];
  enums: unknown[][];
  minLength: number;
  maxLength: number;
  minimum: number;
  maximum: number;
  patterns: string[];
  formats: string[];
  /** `base64` for a blob inside a JSON body. */
  encodings: string[];
  comments: string[];
  properties: Map<string, JsonSchema[]>;
  required: Set<string>;
  additional: JsonSchema[];
  propertyNames: JsonSchema[];
  items: JsonSchema[];
  minItems: number;
  refs: string[];
}

class Sampler {
  private readonly refStack: string[] = [];

  constructor(
    private readonly service: ServiceContract,
    private readonly maxDepth: number,
  ) {}

  value(schema: JsonSchema, hint: string, depth: number): unknown {
    const merged = this.merge(schema);
    this.refStack.push(...merged.refs);
    try {
      return this.produce(merged, hint, depth);
    } finally {
      this.refStack.length -= merged.refs.length;
    }
  }

  private produce(merged: Merged, hint: string, depth: number): unknown {
    const [enumValues, ...moreEnums] = merged.enums;
    if (enumValues) {
      const allowed = enumValues.find((value) => moreEnums.every((other) => other.includes(value)));
      if (allowed === undefined) throw new Error(`Failed to sample "${hint}": no value is in every enum`);
      return allowed;
    }
    const type = merged.types[0] ?? (merged.properties.size > 0 || merged.additional.length > 0 ? 'object' : 'string');
    switch (type) {
      case 'object':
        return this.object(merged, hint, depth);
      case 'array': {
        const count = Math.max(1, merged.minItems);
        const item: JsonSchema = { allOf: merged.items };
        return Array.from({ length: count }, () => this.value(item, hint, depth + 1));
      }
      case 'integer':
      case 'number':
        return this.number(merged, type);
      case 'boolean':
        return true;
      case 'string':
        return this.string(merged, hint);
      default:
        throw new Error(`Failed to sample "${hint}": type ${type} is not supported`);
    }
  }

  private object(merged: Merged, hint: string, depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [name, schemas] of merged.properties) {
      const required = merged.required.has(name);
      if (!required && (depth >= this.maxDepth || this.recursesInto(schemas))) continue;
      result[name] = this.value({ allOf: schemas }, name, depth + 1);
    }
    for (const name of merged.required) {
      if (!(name in result)) throw new Error(`Failed to sample "${hint}": required member "${name}" has no schema`);
    }
    // A map (values under additionalProperties, no named members): one entry.
    if (merged.properties.size === 0 && merged.additional.length > 0 && depth < this.maxDepth) {
      const key = String(this.value({ allOf: [{ type: 'string' }, ...merged.propertyNames] }, 'key', depth + 1));
      result[key] = this.value({ allOf: merged.additional }, hint, depth + 1);
    }
    return result;
  }

  /** True when a member's schema refers back to a definition being sampled (a recursive shape). */
  private recursesInto(schemas: JsonSchema[]): boolean {
    return this.merge({ allOf: schemas }).refs.some((ref) => this.refStack.includes(ref));
  }

  private number(merged: Merged, type: 'integer' | 'number'): number {
    // v1 timestamps are epoch seconds; the generator says so in a `$comment`.
    const preferred = merged.comments.some((comment) => /epoch/i.test(comment)) ? SAMPLE_EPOCH_SECONDS : type === 'integer' ? 1 : 1.5;
    const value = Math.min(Math.max(preferred, merged.minimum), merged.maximum);
    if (type === 'integer' && !Number.isInteger(value)) throw new Error(`Failed to sample an integer between ${merged.minimum} and ${merged.maximum}`);
    return value;
  }

  private string(merged: Merged, hint: string): string {
    // A blob in a JSON body is base64 (the SDKs decode it): the sample payload's bytes.
    if (merged.encodings.includes('base64')) return Buffer.from(SAMPLE_BLOB).toString('base64');
    const candidates: string[] = [];
    if (merged.formats.includes('date-time')) candidates.push(SAMPLE_DATE_TIME);
    else if (merged.formats.includes('date')) candidates.push(SAMPLE_DATE_TIME.slice(0, 10));
    else if (merged.formats.length > 0) throw new Error(`Failed to sample "${hint}": format ${merged.formats.join(', ')} is not supported`);
    // The member's own name first, so outputs are easy to trace; status codes read best as 200.
    candidates.push(fitLength(hint, merged.minLength, merged.maxLength), '200');
    for (const pattern of merged.patterns) {
      for (const repeat of [0, 1, merged.minLength]) candidates.push(samplePattern(pattern, repeat));
    }
    const fits = candidates.find((candidate) => satisfies(candidate, merged));
    if (fits === undefined) throw new Error(`Failed to sample "${hint}": no candidate (${candidates.join(', ')}) satisfies ${describe(merged)}`);
    return fits;
  }

  private merge(schema: JsonSchema): Merged {
    const merged: Merged = {
      types: [],
      enums: [],
      minLength: 0,
      maxLength: Infinity,
      minimum: -Infinity,
      maximum: Infinity,
      patterns: [],
      formats: [],
      encodings: [],
      comments: [],
      properties: new Map(),
      required: new Set(),
      additional: [],
      propertyNames: [],
      items: [],
      minItems: 0,
      refs: [],
    };
    this.collect(schema, merged);
    return merged;
  }

  private collect(schema: JsonSchema, into: Merged): void {
    if (typeof schema.$ref === 'string') {
      const name = definitionName(schema.$ref);
      const definition = this.service.definitions.validation[name];
      if (!definition) throw new Error(`Failed to sample: ${schema.$ref} is not a definition of ${this.service.service}`);
      into.refs.push(name);
      this.collect(definition, into);
    }
    if (Array.isArray(schema.allOf)) for (const part of schema.allOf as JsonSchema[]) this.collect(part, into);
    if (typeof schema.type === 'string') into.types.push(schema.type);
    if (Array.isArray(schema.enum)) into.enums.push(schema.enum);
    if ('const' in schema) into.enums.push([schema.const]);
    if (typeof schema.minLength === 'number') into.minLength = Math.max(into.minLength, schema.minLength);
    if (typeof schema.maxLength === 'number') into.maxLength = Math.min(into.maxLength, schema.maxLength);
    if (typeof schema.minimum === 'number') into.minimum = Math.max(into.minimum, schema.minimum);
    if (typeof schema.maximum === 'number') into.maximum = Math.min(into.maximum, schema.maximum);
    if (typeof schema.minItems === 'number') into.minItems = Math.max(into.minItems, schema.minItems);
    if (typeof schema.pattern === 'string') into.patterns.push(schema.pattern);
    if (typeof schema.format === 'string') into.formats.push(schema.format);
    if (typeof schema.contentEncoding === 'string') into.encodings.push(schema.contentEncoding);
    if (typeof schema.$comment === 'string') into.comments.push(schema.$comment);
    if (typeof schema.properties === 'object' && schema.properties !== null) {
      for (const [name, property] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
        const list = into.properties.get(name) ?? [];
        list.push(property);
        into.properties.set(name, list);
      }
    }
    if (Array.isArray(schema.required)) for (const name of schema.required as string[]) into.required.add(name);
    if (typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null) {
      into.additional.push(schema.additionalProperties as JsonSchema);
    }
    if (typeof schema.propertyNames === 'object' && schema.propertyNames !== null) into.propertyNames.push(schema.propertyNames as JsonSchema);
    if (typeof schema.items === 'object' && schema.items !== null) into.items.push(schema.items as JsonSchema);
  }
}

/** `tapegate:contracts/apigateway/2015-07-09#/definitions/X` and `#/definitions/X` both name X. */
function definitionName(ref: string): string {
  const marker = '#/definitions/';
  const at = ref.indexOf(marker);
  if (at < 0) throw new Error(`Failed to sample: $ref ${ref} does not point into definitions`);
  return ref
    .slice(at + marker.length)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
}

function fitLength(text: string, min: number, max: number): string {
  const padded = text.length >= min ? text : text + 'x'.repeat(min - text.length);
  return padded.slice(0, Math.max(min, Math.min(padded.length, max)));
}

function satisfies(candidate: string, merged: Merged): boolean {
  const length = [...candidate].length;
  if (length < merged.minLength || length > merged.maxLength) return false;
  if (merged.formats.includes('date-time') && candidate !== SAMPLE_DATE_TIME) return false;
  // ajv compiles patterns with the `u` flag and without anchors; so do we.
  return merged.patterns.every((pattern) => new RegExp(pattern, 'u').test(candidate));
}

function describe(merged: Merged): string {
  return JSON.stringify({ minLength: merged.minLength, maxLength: merged.maxLength, patterns: merged.patterns, formats: merged.formats });
}
