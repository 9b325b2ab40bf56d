/**
 * A neutral value written as XML for its shape: the inverse of `xml-decode.ts`, built as a
 * fast-xml-parser builder tree (elements as keys in member order, repetitions as arrays,
 * attributes as `@name`) and serialized by fast-xml-parser's builder, which escapes the text.
 * A value that does not fit its shape is the caller's bug and throws a TapegateError naming
 * the JSON Pointer.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { TapegateError } from '../../core/errors.js';
import { appendPointer } from '../../core/json-pointer.js';
import type { Shape, ShapeRef } from './model.js';
import { writeScalar } from './scalars.js';
import { namespaceOf, type ServiceShapes } from './service-shapes.js';

export type XmlTree = string | { [name: string]: XmlTree | XmlTree[] };

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', suppressEmptyNode: false, processEntities: true });

/** The XML document `<rootName>…</rootName>`, with the XML declaration AWS sends. */
export function writeXml(rootName: string, tree: XmlTree): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [rootName]: tree })}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
}

function expect(pointer: string, what: string): never {
  throw new TapegateError(`Failed to encode "${pointer || '/'}": expected ${what}`, 2);
}

/** Declares `ref`'s namespace (its own or its shape's) on the element `tree`. */
export function withNamespace(tree: XmlTree, ref: ShapeRef, shape: Shape): XmlTree {
  const ns = namespaceOf(ref.xmlNamespace ?? shape.xmlNamespace);
  if (ns === undefined) return tree;
  const element = typeof tree === 'string' ? { '#text': tree } : tree;
  return { [ns.prefix ? `@xmlns:${ns.prefix}` : '@xmlns']: ns.uri, ...element };
}

/** The builder tree of `value` as `ref`'s shape (for a structure: its members without an HTTP location). */
export function encodeXmlShape(shapes: ServiceShapes, ref: ShapeRef, value: unknown, pointer = ''): XmlTree {
  const shape = shapes.target(ref);
  const format = ref.timestampFormat ?? shape.timestampFormat ?? 'iso8601';
  switch (shape.type) {
    case 'structure':
      return encodeStructure(shapes, ref.shape, value, pointer);
    case 'list': {
      if (!Array.isArray(value)) expect(pointer, 'an array');
      const itemName = shapes.listItemName(shape) ?? 'member';
      return { [itemName]: encodeItems(shapes, shape, value, pointer) };
    }
    case 'map':
      return { entry: encodeEntries(shapes, shape, value, pointer) };
    default:
      return writeScalar(shape, value, pointer, format);
  }
}

function encodeItems(shapes: ServiceShapes, list: Shape, items: unknown[], pointer: string): XmlTree[] {
  const itemRef = list.member as ShapeRef;
  const itemShape = shapes.target(itemRef);
  return items.map((item, i) => withNamespace(encodeXmlShape(shapes, itemRef, item, appendPointer(pointer, i)), itemRef, itemShape));
}

function encodeEntries(shapes: ServiceShapes, map: Shape, value: unknown, pointer: string): XmlTree[] {
  if (!isRecord(value)) expect(pointer, 'an object (a map)');
  const keyName = map.key?.locationName ?? 'key';
  const valueName = map.value?.locationName ?? 'value';
  return Object.entries(value).map(([key, item]) => ({ [keyName]: key, [valueName]: encodeXmlShape(shapes, map.value as ShapeRef, item, appendPointer(pointer, key)) }));
}

function encodeStructure(shapes: ServiceShapes, shapeName: string, value: unknown, pointer: string): XmlTree {
  if (!isRecord(value)) expect(pointer, `an object (${shapeName})`);
  const index = shapes.structure(shapeName);
  const out: Record<string, XmlTree | XmlTree[]> = {};
  for (const key of Object.keys(value)) {
    if (!index.byName.has(key)) expect(appendPointer(pointer, key), `a member of ${shapeName}`);
  }
  for (const member of index.members) {
    const memberValue = Object.hasOwn(value, member.name) ? value[member.name] : undefined;
    // Members with an HTTP location travel in headers, the URI or the query string.
    if (memberValue === undefined || member.ref.location !== undefined) continue;
    const memberPointer = appendPointer(pointer, member.name);
    if (member.xmlAttribute) {
      out[`@${member.xmlName}`] = writeScalar(member.shape, memberValue, memberPointer);
    } else if (member.flattened && member.shape.type === 'list') {
      if (!Array.isArray(memberValue)) expect(memberPointer, 'an array');
      out[member.xmlName] = encodeItems(shapes, member.shape, memberValue, memberPointer);
    } else if (member.flattened && member.shape.type === 'map') {
      out[member.xmlName] = encodeEntries(shapes, member.shape, memberValue, memberPointer);
    } else {
      out[member.xmlName] = withNamespace(encodeXmlShape(shapes, member.ref, memberValue, memberPointer), member.ref, member.shape);
    }
  }
  return out;
}
