/**
 * An XML element read as the neutral value of its shape (the rules of botocore's XML parsers,
 * shared by query answers and rest-xml bodies): structure members by element name (their
 * `locationName`) or attribute (`xmlAttribute`), lists as `<member>` items or, flattened, as
 * repetitions of the member's own element, maps as `<entry><key/><value/></entry>` or,
 * flattened, repetitions with `<key/><value/>` inside. A missing element is an absent member
 * (the validator decides whether it was required); what does not fit is an issue.
 */
import { appendPointer } from '../../core/json-pointer.js';
import { setOwn } from '../../core/own.js';
import type { WireIssue } from './issues.js';
import type { Shape, ShapeRef } from './model.js';
import { readScalar } from './scalars.js';
import type { ServiceShapes } from './service-shapes.js';
import { childElements, textOf, type XmlNode } from './xml-read.js';

interface Context {
  shapes: ServiceShapes;
  issues: WireIssue[];
}

/** Decodes `node` as `ref`'s shape; `wire` is the element path so far (`ListBucketResult/Contents`). */
export function decodeXmlShape(shapes: ServiceShapes, ref: ShapeRef, node: XmlNode, issues: WireIssue[], pointer = '', wire = ''): unknown {
  return decode({ shapes, issues }, ref, node, pointer, wire);
}

/** `shape` is `ref`'s target, when the caller has it resolved already (a structure member, a list's items). */
function decode(ctx: Context, ref: ShapeRef, node: XmlNode, pointer: string, wire: string, shape = ctx.shapes.target(ref)): unknown {
  switch (shape.type) {
    case 'string':
      // readScalar's string case without its result object: the commonest element of all.
      return textOf(node);
    case 'structure':
      return decodeStructure(ctx, ref.shape, node, pointer, wire);
    case 'list': {
      const itemName = ctx.shapes.listItemName(shape) ?? 'member';
      reportStrays(ctx, node, itemName, pointer, wire);
      return decodeItems(ctx, shape, childElements(node, itemName), pointer, `${wire}/${itemName}`);
    }
    case 'map':
      reportStrays(ctx, node, 'entry', pointer, wire);
      return decodeEntries(ctx, shape, childElements(node, 'entry'), pointer, `${wire}/entry`);
    default: {
      const read = readScalar(shape, textOf(node));
      if (read.ok) return read.value;
      ctx.issues.push({ code: 'invalid-value', pointer, wire, message: `${wire} is ${JSON.stringify(textOf(node))}: ${read.reason}` });
      return undefined;
    }
  }
}

function decodeStructure(ctx: Context, shapeName: string, node: XmlNode, pointer: string, wire: string): Record<string, unknown> {
  const index = ctx.shapes.structure(shapeName);
  const out: Record<string, unknown> = {};
  for (const key in node) {
    if (key === '#text') continue;
    const raw = node[key];
    if (key.startsWith('@')) {
      const member = index.byXmlAttribute.get(key.slice(1));
      // Other attributes (namespace declarations and the like) carry no member.
      if (member === undefined || typeof raw !== 'string') continue;
      const memberPointer = appendPointer(pointer, member.name);
      const read = readScalar(member.shape, raw);
      if (read.ok) setOwn(out, member.name, read.value);
      else
        ctx.issues.push({
          code: 'invalid-value',
          pointer: memberPointer,
          wire: `${wire}/@${key.slice(1)}`,
          message: `attribute ${key.slice(1)} of ${wire} is ${JSON.stringify(raw)}: ${read.reason}`,
        });
      continue;
    }
    const children = Array.isArray(raw) ? raw : [];
    const member = index.byXmlName.get(key);
    if (member === undefined) {
      ctx.issues.push({ code: 'unknown-member', pointer: appendPointer(pointer, key), wire: `${wire}/${key}`, message: `${wire}/${key} is no member of ${shapeName}` });
      continue;
    }
    const memberPointer = appendPointer(pointer, member.name);
    let value: unknown;
    if (member.flattened && member.shape.type === 'list') value = decodeItems(ctx, member.shape, children, memberPointer, `${wire}/${key}`);
    else if (member.flattened && member.shape.type === 'map') value = decodeEntries(ctx, member.shape, children, memberPointer, `${wire}/${key}`);
    else {
      const [first] = children;
      if (children.length > 1) {
        ctx.issues.push({
          code: 'duplicate-key',
          pointer: memberPointer,
          wire: `${wire}/${key}`,
          message: `${wire}/${key} appears ${children.length} times; ${shapeName}.${member.name} is no flattened list, the first is kept`,
        });
      }
      if (first !== undefined) value = decode(ctx, member.ref, first, memberPointer, `${wire}/${key}`, member.shape);
    }
    if (value !== undefined) setOwn(out, member.name, value);
  }
  return out;
}

/** Unexpected child elements of a list or map wrapper (anything but its items). */
function reportStrays(ctx: Context, wrapper: XmlNode, expected: string, pointer: string, wire: string): void {
  for (const key of Object.keys(wrapper)) {
    if (key === expected || key === '#text' || key.startsWith('@')) continue;
    ctx.issues.push({ code: 'unknown-member', pointer, wire: `${wire}/${key}`, message: `${wire}/${key} is not an item: this list or map holds <${expected}> elements` });
  }
}

function decodeItems(ctx: Context, list: Shape, items: XmlNode[], pointer: string, wire: string): unknown[] {
  const itemRef = list.member as ShapeRef;
  const itemShape = ctx.shapes.target(itemRef);
  const out: unknown[] = [];
  for (const item of items) {
    const value = decode(ctx, itemRef, item, appendPointer(pointer, out.length), wire, itemShape);
    if (value !== undefined) out.push(value);
  }
  return out;
}

function decodeEntries(ctx: Context, map: Shape, entries: XmlNode[], pointer: string, wire: string): Record<string, unknown> {
  const keyName = map.key?.locationName ?? 'key';
  const valueName = map.value?.locationName ?? 'value';
  const out: Record<string, unknown> = {};
  for (const entry of entries) {
    const [keyNode] = childElements(entry, keyName);
    const [valueNode] = childElements(entry, valueName);
    if (keyNode === undefined || valueNode === undefined) {
      ctx.issues.push({ code: 'incomplete-map-entry', pointer, wire, message: `${wire} has an entry without <${keyNode === undefined ? keyName : valueName}>` });
      continue;
    }
    const key = textOf(keyNode);
    const entryPointer = appendPointer(pointer, key);
    if (Object.hasOwn(out, key)) {
      ctx.issues.push({ code: 'duplicate-key', pointer: entryPointer, wire, message: `${wire} has the key ${JSON.stringify(key)} twice; the last is kept` });
    }
    const value = decode(ctx, map.value as ShapeRef, valueNode, entryPointer, `${wire}/${valueName}`);
    if (value !== undefined) setOwn(out, key, value);
  }
  return out;
}
