/**
 * A whole botocore model → its contract: the compact form written to disk (each shape once,
 * format/compact-types.ts) and, expanded from it, the ServiceContract drift compares and the
 * validator checks with. Output is deterministic (no clock, no absolute paths) so CI can
 * regenerate and compare.
 */
import { TapegateError } from '../../core/errors.js';
import { setOwn } from '../../core/own.js';
import { expandContract } from '../format/expand.js';
import { CONTRACT_FORMAT, CONTRACT_FORMAT_VERSION, SHAPE_REF, type CompactContract, type CompactOperation } from '../format/compact-types.js';
import type { JsonSchema, ServiceContract } from '../types.js';
import type { BotocoreShape } from './botocore-model.js';
import type { QueryWireOverlay, SensitiveOverlay } from '../overlays.js';
import { withQueryWireNames } from './query-wire.js';
import { errorOf, messageOf } from './message-contract.js';
import { bindProtocol } from '../protocols/index.js';
import type { ModelBinding } from '../protocols/types.js';
import type { ModelFile } from './read-model.js';
import { markKey, type SensitiveContext } from './sensitive-members.js';
import { shapeDefinition, type SchemaContext } from './shape-schema.js';
import { withWirePlaces, type WireBody } from './sensitive-wire.js';
import { wireTables } from './wire-shapes.js';
import { jsonNamesOf } from './json-names.js';
import { ServiceShapes } from '../wire/service-shapes.js';
import type { MessageRole } from './sensitive-members.js';
import type { ServiceProtocol } from '../types.js';

/** Which body syntax a message of this role travels in, for its sensitive members' wire places. */
function wireBodyOf(protocol: ServiceProtocol, role: MessageRole): WireBody {
  if (protocol === 'query') return role === 'input' ? 'query-form' : role === 'output' ? 'query-answer' : 'query-error';
  return role === 'error' ? 'rest-xml-error' : 'rest-xml';
}

/** The contract of the model alone (drift compares models as AWS wrote them). */
export function serviceContract(file: ModelFile): ServiceContract {
  return expandContract(compactContract(file, []));
}

/** The model with the overlays' sensitive marks, as the bundled contracts are generated. */
export function serviceContractWithOverlay(file: ModelFile, sensitive: readonly SensitiveOverlay[]): ServiceContract {
  return expandContract(compactContract(file, sensitive));
}

/**
 * `sensitive`: the overlay entries for this service that mark members the model leaves
 * unmarked (contracts/overlays/<service>.json); one the model has no such member for is
 * noted, not fatal (an older model may lack it). `queryWire`: the overlay's query wire names,
 * for a json service that was a query service (SQS): the contract then carries the wire model
 * of the query form its older SDKs still send (query-wire.ts).
 */
export function compactContract(file: ModelFile, sensitive: readonly SensitiveOverlay[], queryWire?: QueryWireOverlay): CompactContract {
  const { model } = file;
  const protocol: ModelBinding = bindProtocol(model.metadata, file.path);
  const apiVersion = model.metadata.apiVersion;
  const notes: string[] = [];
  const neutral = protocol.neutral === true;
  const context: SchemaContext = { shapes: model.shapes, defaultTimestampFormat: 'unixTimestamp', notes, refBase: { validation: SHAPE_REF, diff: SHAPE_REF }, neutral };
  const applied = sensitive.filter((entry) => {
    if (model.shapes[entry.shape]?.members?.[entry.member] !== undefined) return true;
    notes.push(`sensitive overlay "${entry.id}": this model has no member ${entry.shape}.${entry.member}`);
    return false;
  });
  const sensitiveContext: SensitiveContext = {
    shapes: model.shapes,
    marks: new Set(applied.filter((e) => e.keep !== true).map((e) => markKey(e.shape, e.member))),
    kept: new Set(applied.filter((e) => e.keep === true).map((e) => markKey(e.shape, e.member))),
    notes,
  };
  if (neutral) {
    const shapes = new ServiceShapes(model, file.path);
    sensitiveContext.neutral = true;
    sensitiveContext.wirePlaces = (shape, members, role) => withWirePlaces(shapes, shape, members, wireBodyOf(protocol.name, role));
  }

  // The json protocol's bodies are the neutral value the query codecs decode to (member names,
  // base64 blobs), so one set of schemas checks both forms; only the wire names are the query's.
  const queryForm = protocol.name === 'json' && protocol.header.awsQueryCompatible === true && queryWire !== undefined ? withQueryWireNames(model, queryWire, notes) : undefined;

  const operations: Record<string, CompactOperation> = {};
  const messages: CompactContract['messages'] = {};
  const errors: CompactContract['errors'] = {};
  for (const name of Object.keys(model.operations).sort()) {
    const operation = model.operations[name]!;
    const input = operation.input?.shape;
    const output = operation.output?.shape;
    const errorShapes = (operation.errors ?? []).map((e) => e.shape);
    checkShapesExist(input, output, ...errorShapes);
    const http = protocol.http(operation);
    setOwn(operations, name, {
      http,
      ...(input !== undefined ? { input } : {}),
      ...(output !== undefined ? { output } : {}),
      ...(errorShapes.length > 0 ? { errors: errorShapes } : {}),
      // Only where a router needs it (rest-xml twins), so the other protocols' files stay as they were.
      ...(neutral && operation.deprecated ? { deprecated: true as const } : {}),
    });
    if (input !== undefined && !Object.hasOwn(messages, input)) setOwn(messages, input, messageOf(input, context, sensitiveContext, 'input'));
    if (output !== undefined && !Object.hasOwn(messages, output)) setOwn(messages, output, messageOf(output, context, sensitiveContext, 'output'));
    for (const shape of errorShapes) if (!Object.hasOwn(errors, shape)) setOwn(errors, shape, errorOf(shape, context, sensitiveContext, protocol));
  }

  const shapes: Record<string, JsonSchema> = {};
  for (const name of [...reachableShapes([messages, errors], model.shapes)].sort()) setOwn(shapes, name, shapeDefinition(name, 'diff', context));
  // The neutral form names members by model name already; the wire tables hold their XML and form names.
  const jsonNames = neutral ? undefined : jsonNamesOf([...new Set([...Object.keys(shapes), ...Object.keys(errors)])].sort(), model.shapes);

  return {
    format: CONTRACT_FORMAT,
    formatVersion: CONTRACT_FORMAT_VERSION,
    service: file.service,
    apiVersion,
    protocol: protocol.name,
    endpointPrefix: model.metadata.endpointPrefix ?? file.service,
    signingName: model.metadata.signingName ?? model.metadata.endpointPrefix ?? file.service,
    serviceId: model.metadata.serviceId ?? file.service,
    ...(model.metadata.globalEndpoint === undefined ? {} : { globalEndpoint: model.metadata.globalEndpoint }),
    ...protocol.header,
    provenance: {
      uid: model.metadata.uid ?? `${file.service}-${apiVersion}`,
      botocoreVersion: file.botocoreVersion,
      sha256: file.sha256,
      file: file.relativePath,
    },
    notes: [...new Set(notes)],
    ...(applied.length > 0 ? { sensitiveOverlay: applied.map((entry) => entry.id) } : {}),
    operations,
    messages: sorted(messages),
    errors: sorted(errors),
    shapes,
    ...(jsonNames !== undefined ? { jsonNames } : {}),
    ...(neutral ? wireTables(model) : queryForm !== undefined ? wireTables(queryForm) : {}),
  };

  function checkShapesExist(...names: (string | undefined)[]): void {
    for (const name of names) {
      if (name !== undefined && !model.shapes[name]) {
        throw new TapegateError(`Failed to generate contracts from "${file.path}": shape "${name}" is used but not defined`, 2);
      }
    }
  }
}

/** The table with its names in order, so a regenerated file differs only where a shape did. */
function sorted<T>(table: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const name of Object.keys(table).sort()) setOwn(out, name, table[name]!);
  return out;
}

/** Shapes named by `$ref`s in the messages and errors, and everything those shapes reach. */
function reachableShapes(roots: unknown[], shapes: Record<string, BotocoreShape>): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  const collect = (schema: unknown): void => {
    if (Array.isArray(schema)) return schema.forEach(collect);
    if (typeof schema !== 'object' || schema === null) return;
    for (const [key, value] of Object.entries(schema as JsonSchema)) {
      if (key === '$ref' && typeof value === 'string')
        queue.push(
          value
            .slice(value.lastIndexOf('/') + 1)
            .replace(/~1/g, '/')
            .replace(/~0/g, '~'),
        );
      else collect(value);
    }
  };
  collect(roots);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const shape = shapes[name];
    if (!shape) continue;
    for (const ref of [...Object.values(shape.members ?? {}), shape.member, shape.key, shape.value]) {
      if (ref) queue.push(ref.shape);
    }
  }
  return seen;
}
