/**
 * A neutral input written as a query-protocol form body, as botocore's QuerySerializer and the
 * JavaScript SDK write it (`Action`, `Version`, then the members in model order). Used for
 * requests tapegate makes up (tests, examples), and as the exact inverse of the decoder.
 */
import { TapegateError } from '../../core/errors.js';
import { appendPointer } from '../../core/json-pointer.js';
import type { Shape, ShapeRef } from './model.js';
import { writeForm } from './query-form.js';
import { writeScalar } from './scalars.js';
import type { ServiceShapes } from './service-shapes.js';

type Pairs = [string, string][];

function expect(pointer: string, what: string): never {
  throw new TapegateError(`Failed to encode "${pointer || '/'}": expected ${what}`, 2);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
}

export function encodeQueryRequest(shapes: ServiceShapes, operationName: string, input: Record<string, unknown>): string {
  const operation = shapes.requireOperation(operationName);
  const pairs: Pairs = [
    ['Action', operation.name],
    ['Version', shapes.apiVersion],
  ];
  if (operation.input) encode(shapes, operation.input, input, '', '', pairs);
  else if (Object.keys(input).length > 0) expect('', `no input: ${operationName} takes none`);
  return writeForm(pairs);
}

function encode(shapes: ServiceShapes, ref: ShapeRef, value: unknown, prefix: string, pointer: string, pairs: Pairs): void {
  const shape = shapes.target(ref);
  switch (shape.type) {
    case 'structure': {
      if (!isRecord(value)) expect(pointer, `an object (${ref.shape})`);
      const index = shapes.structure(ref.shape);
      for (const key of Object.keys(value)) if (!index.byName.has(key)) expect(appendPointer(pointer, key), `a member of ${ref.shape}`);
      for (const member of index.members) {
        const memberValue = value[member.name];
        if (memberValue === undefined) continue;
        const name = prefix === '' ? member.queryName : `${prefix}.${member.queryName}`;
        const memberPointer = appendPointer(pointer, member.name);
        if (member.flattened && member.shape.type === 'list') encodeItems(shapes, member.shape, memberValue, name, memberPointer, pairs);
        else if (member.flattened && member.shape.type === 'map') encodeEntries(shapes, member.shape, memberValue, name, memberPointer, pairs);
        else encode(shapes, member.ref, memberValue, name, memberPointer, pairs);
      }
      return;
    }
    case 'list':
      return encodeItems(shapes, shape, value, `${prefix}.${shapes.listItemName(shape) ?? 'member'}`, pointer, pairs, prefix);
    case 'map':
      return encodeEntries(shapes, shape, value, `${prefix}.entry`, pointer, pairs, prefix);
    default:
      pairs.push([prefix, writeScalar(shape, value, pointer, ref.timestampFormat ?? shape.timestampFormat ?? 'iso8601')]);
  }
}

/** `emptyAs`: the key an empty list is sent under (`Name=`), the list's own key. */
function encodeItems(shapes: ServiceShapes, list: Shape, value: unknown, prefix: string, pointer: string, pairs: Pairs, emptyAs = prefix): void {
  if (!Array.isArray(value)) expect(pointer, 'an array');
  if (value.length === 0) pairs.push([emptyAs, '']);
  value.forEach((item, i) => encode(shapes, list.member as ShapeRef, item, `${prefix}.${i + 1}`, appendPointer(pointer, i), pairs));
}

function encodeEntries(shapes: ServiceShapes, map: Shape, value: unknown, prefix: string, pointer: string, pairs: Pairs, emptyAs = prefix): void {
  if (!isRecord(value)) expect(pointer, 'an object (a map)');
  const entries = Object.entries(value);
  if (entries.length === 0) pairs.push([emptyAs, '']);
  const keyName = map.key?.locationName ?? 'key';
  const valueName = map.value?.locationName ?? 'value';
  entries.forEach(([key, item], i) => {
    pairs.push([`${prefix}.${i + 1}.${keyName}`, key]);
    encode(shapes, map.value as ShapeRef, item, `${prefix}.${i + 1}.${valueName}`, appendPointer(pointer, key), pairs);
  });
}
