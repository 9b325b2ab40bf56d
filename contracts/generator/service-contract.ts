/**
 * A whole botocore model → one ServiceContract: operations sorted by name, and the
 * definitions of every shape an operation's body reaches, in both flavours.
 * Output is deterministic (no clock, no absolute paths) so CI can regenerate and compare.
 */
import { TapegateError } from '../../core/errors.js';
import type { JsonSchema, OperationContract, ServiceContract } from '../types.js';
import type { BotocoreShape } from './botocore-model.js';
import type { SensitiveOverlay } from '../overlays.js';
import { operationContract } from './operation-contract.js';
import type { ModelFile } from './read-model.js';
import { markKey, type SensitiveContext } from './sensitive-members.js';
import { shapeDefinition, type Flavour, type SchemaContext } from './shape-schema.js';

export const CONTRACT_FORMAT_VERSION = 1;

export function schemaIdFor(service: string, apiVersion: string): string {
  return `tapegate:contracts/${service}/${apiVersion}`;
}

export function isRestJson(metadata: Pick<ModelFile['model']['metadata'], 'protocol' | 'protocols'>): boolean {
  return metadata.protocol === 'rest-json' || (metadata.protocols ?? []).includes('rest-json');
}

/** The contract of the model alone (drift compares models as AWS wrote them). */
export function serviceContract(file: ModelFile): ServiceContract {
  return serviceContractWithOverlay(file, []);
}

/**
 * `sensitive`: the overlay entries for this service that mark members the model leaves
 * unmarked (contracts/overlays/<service>.json); one the model has no such member for is
 * noted, not fatal (an older model may lack it).
 */
export function serviceContractWithOverlay(file: ModelFile, sensitive: readonly SensitiveOverlay[]): ServiceContract {
  const { model } = file;
  if (!isRestJson(model.metadata)) {
    const protocol = model.metadata.protocols?.join(', ') ?? model.metadata.protocol ?? 'none';
    throw new TapegateError(`Failed to generate contracts from "${file.path}": protocol ${protocol} is not supported; tapegate generates rest-json contracts only`, 2);
  }
  const apiVersion = model.metadata.apiVersion;
  const schemaId = schemaIdFor(file.service, apiVersion);
  const notes: string[] = [];
  const base = { shapes: model.shapes, defaultTimestampFormat: 'unixTimestamp', notes };
  const partContext: SchemaContext = { ...base, refBase: { validation: `${schemaId}#/definitions/`, diff: '#/definitions/' } };
  const definitionContext: SchemaContext = { ...base, refBase: { validation: '#/definitions/', diff: '#/definitions/' } };
  const applied = sensitive.filter((entry) => {
    if (model.shapes[entry.shape]?.members?.[entry.member] !== undefined) return true;
    notes.push(`sensitive overlay "${entry.id}": this model has no member ${entry.shape}.${entry.member}`);
    return false;
  });
  const sensitiveContext: SensitiveContext = { shapes: model.shapes, marks: new Set(applied.map((e) => markKey(e.shape, e.member))), notes };

  const operations: Record<string, OperationContract> = {};
  for (const name of Object.keys(model.operations).sort()) {
    const operation = model.operations[name]!;
    checkShapesExist(operation.input?.shape, operation.output?.shape, ...(operation.errors ?? []).map((e) => e.shape));
    operations[name] = operationContract(file.service, operation, partContext, sensitiveContext);
  }

  const reachable = reachableShapes(Object.values(operations), model.shapes);
  const definitions: ServiceContract['definitions'] = { validation: {}, diff: {} };
  for (const name of [...reachable].sort()) {
    for (const flavour of ['validation', 'diff'] as Flavour[]) {
      definitions[flavour][name] = shapeDefinition(name, flavour, definitionContext);
    }
  }

  return {
    format: 'tapegate-contracts',
    formatVersion: CONTRACT_FORMAT_VERSION,
    service: file.service,
    apiVersion,
    protocol: 'rest-json',
    endpointPrefix: model.metadata.endpointPrefix ?? file.service,
    signingName: model.metadata.signingName ?? model.metadata.endpointPrefix ?? file.service,
    serviceId: model.metadata.serviceId ?? file.service,
    provenance: {
      uid: model.metadata.uid ?? `${file.service}-${apiVersion}`,
      botocoreVersion: file.botocoreVersion,
      sha256: file.sha256,
      file: file.relativePath,
    },
    schemaId,
    // Both flavours walk the same shapes, so each note arrives twice.
    notes: [...new Set(notes)],
    ...(applied.length > 0 ? { sensitiveOverlay: applied.map((entry) => entry.id) } : {}),
    operations,
    definitions,
  };

  function checkShapesExist(...names: (string | undefined)[]): void {
    for (const name of names) {
      if (name !== undefined && !model.shapes[name]) {
        throw new TapegateError(`Failed to generate contracts from "${file.path}": shape "${name}" is used but not defined`, 2);
      }
    }
  }
}

/** Shapes named by `$ref`s in operation parts, and everything those shapes reach. */
function reachableShapes(operations: OperationContract[], shapes: Record<string, BotocoreShape>): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  const collect = (schema: unknown): void => {
    if (Array.isArray(schema)) return schema.forEach(collect);
    if (typeof schema !== 'object' || schema === null) return;
    for (const [key, value] of Object.entries(schema as JsonSchema)) {
      if (key === '$ref' && typeof value === 'string') queue.push(value.slice(value.lastIndexOf('/') + 1));
      else collect(value);
    }
  };
  for (const operation of operations) collect([operation.request, operation.response, operation.errors]);
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
