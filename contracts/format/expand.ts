/**
 * The compact file form → the ServiceContract the validator, the router and drift use: every
 * operation with its parts spelled out, each part a pair of schemas (validation: open, refs
 * absolute into the service's ajv schema; diff: closed, refs `#/definitions/`). Each operation
 * gets objects of its own (overlays edit one operation's schemas in place, by pointer).
 *
 * `lazy`: each operation, and each flavour of the definitions, is expanded the first time it
 * is read (an own getter that replaces itself with the value), so loading a service costs its
 * JSON.parse and little more; a request expands the operation it is for, and the validator
 * converts the validation definitions it reaches one at a time (`validationDefinition`). Everything that reads
 * plain objects (JSON.stringify, structuredClone, Object.values) sees the same contract.
 */
import { setOwn } from '../../core/own.js';
import { parseRequestUri } from '../uri-template.js';
import type { ErrorContract, JsonSchema, OperationContract, RequestContract, ResponseContract, SchemaPair, ServiceContract, WireMember } from '../types.js';
import { SHAPE_REF, type CompactContract, type CompactError, type CompactMessage } from './compact-types.js';
import { wireModelOf } from './wire-model.js';

export function schemaIdFor(service: string, apiVersion: string): string {
  return `tapegate:contracts/${service}/${apiVersion}`;
}

const EMPTY_MESSAGE: CompactMessage = { members: [] };
const OPEN_EMPTY: JsonSchema = { type: 'object', properties: {} };
/** URI labels are closed in the diff flavour: a label cannot be added without the URI changing. */
const CLOSED_EMPTY: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };

export function expandContract(compact: CompactContract, lazy = false): ServiceContract {
  const schemaId = schemaIdFor(compact.service, compact.apiVersion);
  const partRefs = { validation: `${schemaId}#/definitions/`, diff: '#/definitions/' };
  const pair = (schema: JsonSchema): SchemaPair => ({ validation: convert(schema, partRefs.validation, true), diff: convert(schema, partRefs.diff, false) });
  // Without a prototype: V8 keeps such an object as a hash table, so replacing each lazy accessor
  // with its value (put) does not copy the object's layout every time. Reading all of IAM's 176
  // operations took 41-45 ms that way and takes about 20 now; and `constructor` is no operation.
  const operations = Object.create(null) as Record<string, OperationContract>;
  const expandOperation = (name: string, operation: CompactContract['operations'][string]): OperationContract => {
    const input = message(compact, operation.input);
    const output = message(compact, operation.output);
    const { segments, queryLiterals } = parseRequestUri(operation.http.uri);
    const request: RequestContract = {
      labels: segments.flatMap((segment) => (segment.kind === 'label' ? [{ name: segment.name, greedy: segment.greedy }] : [])),
      queryLiterals,
      members: members(input),
      path: pair(input.path ?? CLOSED_EMPTY),
      query: pair(input.query ?? OPEN_EMPTY),
      headers: pair(input.headers ?? OPEN_EMPTY),
      ...body(input, pair),
      ...(input.sensitive ? { sensitive: structuredClone(input.sensitive) } : {}),
    };
    const response: ResponseContract = {
      status: operation.http.successStatus,
      members: members(output),
      headers: pair(output.headers ?? OPEN_EMPTY),
      ...body(output, pair),
      ...(output.sensitive ? { sensitive: structuredClone(output.sensitive) } : {}),
    };
    return {
      id: `${compact.service}.${name}`,
      service: compact.service,
      name,
      http: { ...operation.http },
      request,
      response,
      errors: (operation.errors ?? []).map((shape) => errorContract(shape, errorOf(compact, name, shape), pair)),
    };
  };
  for (const [name, operation] of Object.entries(compact.operations)) put(operations, name, () => expandOperation(name, operation), lazy);
  // Validation definitions one at a time (validationDefinition): a request reaches a few dozen
  // of a service's shapes (SSM has 896), an overlay edits a few; the whole set, when read, holds
  // the same objects, and the overlay's own definitions after the model's.
  const converted = new Map<string, JsonSchema>();
  const validationOf = (name: string): JsonSchema | undefined => {
    let schema = converted.get(name);
    if (schema === undefined && Object.hasOwn(compact.shapes, name)) converted.set(name, (schema = convert(compact.shapes[name], '#/definitions/', true)));
    return schema;
  };
  const validationSet = (): Record<string, JsonSchema> => {
    const out: Record<string, JsonSchema> = {};
    for (const name of Object.keys(compact.shapes)) setOwn(out, name, validationOf(name)!);
    for (const [name, schema] of converted) if (!Object.hasOwn(out, name)) setOwn(out, name, schema);
    return out;
  };
  const diffSet = (): Record<string, JsonSchema> => {
    const out: Record<string, JsonSchema> = {};
    for (const name of Object.keys(compact.shapes)) setOwn(out, name, convert(compact.shapes[name], '#/definitions/', false));
    return out;
  };
  const definitions = {} as ServiceContract['definitions'];
  const wireModel = wireModelOf(compact);
  put(definitions, 'validation', validationSet, lazy);
  put(definitions, 'diff', diffSet, lazy);
  if (lazy) oneAtATime.set(definitions, { get: validationOf, set: (name, schema) => void converted.set(name, schema) });
  return {
    format: compact.format,
    formatVersion: compact.formatVersion,
    service: compact.service,
    apiVersion: compact.apiVersion,
    protocol: compact.protocol,
    endpointPrefix: compact.endpointPrefix,
    signingName: compact.signingName,
    serviceId: compact.serviceId,
    ...(compact.targetPrefix !== undefined ? { targetPrefix: compact.targetPrefix } : {}),
    ...(compact.jsonVersion !== undefined ? { jsonVersion: compact.jsonVersion } : {}),
    ...(compact.globalEndpoint === undefined ? {} : { globalEndpoint: compact.globalEndpoint }),
    ...(compact.awsQueryCompatible ? { awsQueryCompatible: true } : {}),
    provenance: { ...compact.provenance },
    schemaId,
    notes: [...compact.notes],
    ...(compact.sensitiveOverlay ? { sensitiveOverlay: [...compact.sensitiveOverlay] } : {}),
    operations,
    ...(compact.jsonNames !== undefined ? { jsonNames: compact.jsonNames } : {}),
    ...(wireModel !== undefined ? { wireModel } : {}),
    definitions,
  };
}

/** A lazily expanded service's validation definitions, one at a time, until the whole set is read. */
const oneAtATime = new WeakMap<ServiceContract['definitions'], { get(name: string): JsonSchema | undefined; set(name: string, schema: JsonSchema): void }>();

function oneAtATimeOf(service: ServiceContract): ReturnType<(typeof oneAtATime)['get']> {
  const one = oneAtATime.get(service.definitions);
  // Once the whole set has been read (a listing, a user's code), it is the one truth.
  return one !== undefined && Object.getOwnPropertyDescriptor(service.definitions, 'validation')?.get !== undefined ? one : undefined;
}

/**
 * One validation definition of a service. A lazily expanded service converts just this one
 * (and keeps it: the whole set, when read, holds the same object); for a service given
 * expanded, or once the set has been read, it is the set's.
 */
export function validationDefinition(service: ServiceContract, name: string): JsonSchema | undefined {
  const one = oneAtATimeOf(service);
  if (one !== undefined) return one.get(name);
  return Object.hasOwn(service.definitions.validation, name) ? service.definitions.validation[name] : undefined;
}

/** Puts a validation definition in place of the one of that name, or beside the others (an overlay's). */
export function setValidationDefinition(service: ServiceContract, name: string, schema: JsonSchema): void {
  const one = oneAtATimeOf(service);
  if (one !== undefined) one.set(name, schema);
  else setOwn(service.definitions.validation, name, schema);
}

/** `target[key] = make()`, now or (lazy) on first read; a write before the first read replaces it. */
function put<T>(target: Record<string, T>, key: string, make: () => T, lazy: boolean): void {
  if (!lazy) return setOwn(target, key, make());
  const settle = (value: T): void => void Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = make();
      settle(value);
      return value;
    },
    set: settle,
  });
}

function message(compact: CompactContract, shape: string | undefined): CompactMessage {
  if (shape === undefined) return EMPTY_MESSAGE;
  // A hand-edited file may name a message it lacks; the shape then has no members on the wire.
  return Object.hasOwn(compact.messages, shape) ? compact.messages[shape]! : EMPTY_MESSAGE;
}

function errorOf(compact: CompactContract, operation: string, shape: string): CompactError {
  if (Object.hasOwn(compact.errors, shape)) return compact.errors[shape]!;
  throw new Error(`operation ${operation} names error ${shape}, which the file's "errors" lacks`);
}

function members(message: CompactMessage): WireMember[] {
  return message.members.map(([member, wireName, location, shape, required]) => ({ member, wireName, location, shape, required }));
}

function body(message: CompactMessage, pair: (schema: JsonSchema) => SchemaPair): Pick<RequestContract, 'bodyKind' | 'body'> {
  if (message.body === undefined) return { bodyKind: 'none' };
  if (message.body === 'blob') return { bodyKind: 'blob' };
  return { bodyKind: 'json', body: pair(message.body) };
}

function errorContract(shape: string, error: CompactError, pair: (schema: JsonSchema) => SchemaPair): ErrorContract {
  return {
    type: error.type ?? shape,
    status: error.status,
    fault: error.fault,
    headers: pair(error.headers ?? OPEN_EMPTY),
    body: pair(error.body),
    ...(error.sensitive ? { sensitive: structuredClone(error.sensitive) } : {}),
  };
}

/**
 * A deep copy of a stored schema with its `#/shapes/` refs pointing under `refBase`; `open`
 * drops `additionalProperties: false` (the validation flavour: a field AWS added since the
 * model is drift, not a violation). Keys inside `properties` are member names, not keywords.
 */
export function convert(node: unknown, refBase: string, open: boolean): JsonSchema {
  return copy(node, refBase, open, false) as JsonSchema;
}

// Plain loops: this runs over thousands of nodes while the process is still cold.
function copy(node: unknown, refBase: string, open: boolean, names: boolean): unknown {
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) {
    const items = new Array<unknown>(node.length);
    for (let i = 0; i < node.length; i++) items[i] = copy(node[i], refBase, open, false);
    return items;
  }
  const record = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = record[key];
    if (!names) {
      if (open && key === 'additionalProperties' && value === false) continue;
      if (key === '$ref' && typeof value === 'string' && value.startsWith(SHAPE_REF)) {
        out[key] = refBase + value.slice(SHAPE_REF.length);
        continue;
      }
    }
    setOwn(out, key, typeof value === 'object' && value !== null ? copy(value, refBase, open, !names && key === 'properties') : value);
  }
  return out;
}
