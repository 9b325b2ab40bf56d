/**
 * The wire model a query or rest-xml contract carries (`wireOperations`, `wireShapes`): the
 * botocore shapes an operation reaches, with the serialization traits the wire codecs read
 * (names, flattening, namespaces, locations, payloads, error codes) and nothing else: no
 * documentation, and no bounds, enums or patterns, which the JSON Schemas already hold.
 */
import { setOwn } from '../../core/own.js';
import type { CompactWireOperation } from '../format/compact-types.js';
import type { Shape, ShapeRef } from '../wire/model.js';
import type { BotocoreModel } from './botocore-model.js';

const REF_TRAITS = ['location', 'locationName', 'flattened', 'xmlNamespace', 'xmlAttribute', 'timestampFormat', 'jsonvalue', 'streaming'] as const;
const OPERATION_REF_TRAITS = [...REF_TRAITS, 'resultWrapper'] as const;
const SHAPE_TRAITS = [
  'type',
  'required',
  'flattened',
  'locationName',
  'xmlNamespace',
  'payload',
  'timestampFormat',
  'exception',
  'fault',
  'error',
  'streaming',
  'eventstream',
  'union',
] as const;

function pick(source: object, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function trimRef(ref: object, traits: readonly string[] = REF_TRAITS): ShapeRef {
  return { shape: (ref as ShapeRef).shape, ...pick(ref, traits) };
}

export interface WireTables {
  wireOperations: Record<string, CompactWireOperation>;
  wireShapes: Record<string, Shape>;
}

export function wireTables(model: BotocoreModel): WireTables {
  const wireOperations: Record<string, CompactWireOperation> = {};
  const queue: string[] = [];
  for (const name of Object.keys(model.operations).sort()) {
    const operation = model.operations[name]!;
    const entry: CompactWireOperation = {};
    if (operation.input) entry.input = trimRef(operation.input, OPERATION_REF_TRAITS);
    if (operation.output) entry.output = trimRef(operation.output, OPERATION_REF_TRAITS);
    setOwn(wireOperations, name, entry);
    for (const ref of [operation.input, operation.output, ...(operation.errors ?? [])]) if (ref) queue.push(ref.shape);
  }
  const reached = new Set<string>();
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (reached.has(name) || !Object.hasOwn(model.shapes, name)) continue;
    reached.add(name);
    const shape = model.shapes[name]!;
    for (const ref of [...Object.values(shape.members ?? {}), shape.member, shape.key, shape.value]) if (ref) queue.push(ref.shape);
  }
  const wireShapes: Record<string, Shape> = {};
  for (const name of [...reached].sort()) {
    const shape = model.shapes[name]!;
    const trimmed = pick(shape, SHAPE_TRAITS) as unknown as Shape;
    if (shape.members) {
      const members: Record<string, ShapeRef> = {};
      for (const [member, ref] of Object.entries(shape.members)) setOwn(members, member, trimRef(ref));
      trimmed.members = members;
    }
    for (const key of ['member', 'key', 'value'] as const) if (shape[key]) trimmed[key] = trimRef(shape[key]);
    setOwn(wireShapes, name, trimmed);
  }
  return { wireOperations, wireShapes };
}
