/**
 * A query-protocol request body (`Action=AssumeRole&Version=2011-06-15&Tags.member.1.Key=k…`)
 * read as the neutral input of its operation. The dotted keys are first gathered into a tree
 * (member names and list or map markers never contain dots; values never become keys), then
 * the tree is read per shape, as botocore's QuerySerializer writes it:
 * - structure members `A.B` under their `locationName`;
 * - lists `Name.member.N` (the item name from the list's member `locationName`), flattened
 *   `Name.N`, indices 1, 2, 3…; an empty list is `Name=`;
 * - maps `Name.entry.N.key` / `.value` (custom key and value names), flattened `Name.N.key`;
 * - scalars by type (`scalars.ts`).
 * Everything that does not fit is an issue with a JSON Pointer into the value and the form key.
 */
import { appendPointer } from '../../core/json-pointer.js';
import { setOwn } from '../../core/own.js';
import type { Decoded, WireIssue } from './issues.js';
import type { Shape, ShapeRef } from './model.js';
import { readForm } from './query-form.js';
import { readScalar } from './scalars.js';
import type { ServiceShapes } from './service-shapes.js';

/**
 * One dotted key segment: its value (when the key ends here) and the keys below it. Every field
 * is set at construction (one object shape for every node), and the key a message names is cut
 * from the form key only when a message is written.
 */
class FormNode {
  text: string | undefined = undefined;
  children: Map<string, FormNode> | undefined = undefined;

  /** `end`: where this node's segment ends in `source`, a form key through it. */
  constructor(
    private readonly source: string,
    private readonly end: number,
  ) {}

  /** The whole form key up to here (`Tags.member.1`), for messages; leading empty segments name nothing. */
  get key(): string {
    let start = 0;
    while (start < this.end && this.source.charCodeAt(start) === 0x2e /* . */) start++;
    return this.source.slice(start, this.end);
  }
}

export interface QueryRequest extends Decoded<Record<string, unknown>> {
  /** The `Action` (an operation of the service), when there is one. */
  operation?: string;
  version?: string;
}

interface Context {
  shapes: ServiceShapes;
  issues: WireIssue[];
}

function buildTree(pairs: Map<string, string>): FormNode {
  const root = new FormNode('', 0);
  for (const [key, value] of pairs) {
    let node = root;
    // The segments of key.split('.'), without the array.
    for (let start = 0; ;) {
      const dot = key.indexOf('.', start);
      const end = dot === -1 ? key.length : dot;
      const segment = key.slice(start, end);
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (child === undefined) {
        child = new FormNode(key, end);
        node.children.set(segment, child);
      }
      node = child;
      if (dot === -1) break;
      start = dot + 1;
    }
    node.text = value;
  }
  return root;
}

/** Reads a form body; `Action` picks the operation, `Version` is checked against the model. */
export function decodeQueryRequest(shapes: ServiceShapes, body: string): QueryRequest {
  const { pairs, issues } = readForm(body);
  const action = pairs.get('Action');
  const version = pairs.get('Version');
  pairs.delete('Action');
  pairs.delete('Version');
  const operation = action === undefined ? undefined : shapes.operation(action);
  if (operation === undefined) {
    const message = action === undefined ? 'the form has no Action' : `Action ${JSON.stringify(action)} is no operation of the service`;
    issues.push({ code: 'unknown-action', pointer: '', wire: 'Action', message });
    return { value: undefined, issues, ...(version === undefined ? {} : { version }) };
  }
  if (version !== shapes.apiVersion) {
    issues.push({
      code: 'version-mismatch',
      pointer: '',
      wire: 'Version',
      message: `Version is ${version === undefined ? 'missing' : JSON.stringify(version)}; the model's apiVersion is ${shapes.apiVersion}`,
    });
  }
  const ctx: Context = { shapes, issues };
  const tree = buildTree(pairs);
  const value = operation.input ? (decodeNode(ctx, operation.input, tree, '') as Record<string, unknown> | undefined) : {};
  if (!operation.input) reportUnknown(ctx, tree, '', 'the operation has no input');
  return version === undefined ? { operation: operation.name, value: value ?? {}, issues } : { operation: operation.name, version, value: value ?? {}, issues };
}

function reportUnknown(ctx: Context, node: FormNode, pointer: string, why: string): void {
  for (const [segment, child] of node.children ?? []) {
    ctx.issues.push({ code: 'unknown-member', pointer: appendPointer(pointer, segment), wire: child.key, message: `form key ${firstKey(child)}: ${why}` });
  }
}

/** A full form key at or below `node`, for messages. */
function firstKey(node: FormNode): string {
  let at = node;
  while (at.text === undefined && at.children) {
    const next = at.children.values().next().value;
    if (next === undefined) break;
    at = next;
  }
  return at.key;
}

function decodeNode(ctx: Context, ref: ShapeRef, node: FormNode, pointer: string): unknown {
  const shape = ctx.shapes.target(ref);
  switch (shape.type) {
    case 'structure':
      return decodeStructure(ctx, ref.shape, node, pointer);
    case 'list': {
      if (node.children === undefined && node.text === '') return [];
      const itemName = ctx.shapes.listItemName(shape) ?? 'member';
      const items = node.children?.get(itemName);
      for (const [segment, child] of node.children ?? []) {
        if (segment !== itemName)
          ctx.issues.push({ code: 'unknown-member', pointer, wire: child.key, message: `form key ${firstKey(child)}: list items are ${node.key}.${itemName}.N` });
      }
      return items ? decodeItems(ctx, shape, items, pointer) : [];
    }
    case 'map': {
      if (node.children === undefined && node.text === '') return {};
      const entries = node.children?.get('entry');
      for (const [segment, child] of node.children ?? []) {
        if (segment !== 'entry') ctx.issues.push({ code: 'unknown-member', pointer, wire: child.key, message: `form key ${firstKey(child)}: map entries are ${node.key}.entry.N` });
      }
      return entries ? decodeEntries(ctx, shape, entries, pointer) : {};
    }
    default:
      return decodeScalar(ctx, shape, node, pointer);
  }
}

function decodeScalar(ctx: Context, shape: Shape, node: FormNode, pointer: string): unknown {
  if (node.children !== undefined) {
    ctx.issues.push({ code: 'invalid-value', pointer, wire: node.key, message: `form key ${firstKey(node)}: ${node.key} is a ${shape.type}, it has no parts` });
  }
  if (node.text === undefined) return undefined;
  const read = readScalar(shape, node.text);
  if (read.ok) return read.value;
  ctx.issues.push({ code: 'invalid-value', pointer, wire: node.key, message: `${node.key} is ${JSON.stringify(node.text)}: ${read.reason}` });
  return undefined;
}

function decodeStructure(ctx: Context, shapeName: string, node: FormNode, pointer: string): Record<string, unknown> {
  if (node.text !== undefined && node.key !== '') {
    ctx.issues.push({ code: 'invalid-value', pointer, wire: node.key, message: `${node.key} is a structure (${shapeName}); it cannot have a value of its own` });
  }
  const index = ctx.shapes.structure(shapeName);
  const out: Record<string, unknown> = {};
  for (const [segment, child] of node.children ?? []) {
    const member = index.byQueryName.get(segment);
    if (member === undefined) {
      ctx.issues.push({
        code: 'unknown-member',
        pointer: appendPointer(pointer, segment),
        wire: child.key,
        message: `form key ${firstKey(child)}: ${segment} is no member of ${shapeName}`,
      });
      continue;
    }
    const memberPointer = appendPointer(pointer, member.name);
    let value: unknown;
    const flatEmpty = child.children === undefined && child.text === '';
    if (member.flattened && member.shape.type === 'list') value = flatEmpty ? [] : decodeItems(ctx, member.shape, child, memberPointer);
    else if (member.flattened && member.shape.type === 'map') value = flatEmpty ? {} : decodeEntries(ctx, member.shape, child, memberPointer);
    else value = decodeNode(ctx, member.ref, child, memberPointer);
    if (value !== undefined) setOwn(out, member.name, value);
  }
  return out;
}

/** The children of an `N`-indexed container in index order, with invalid indices and gaps reported. */
function indexed(ctx: Context, container: FormNode, pointer: string): FormNode[] {
  const found: [number, FormNode][] = [];
  for (const [segment, child] of container.children ?? []) {
    if (!/^[1-9]\d{0,5}$/.test(segment)) {
      ctx.issues.push({
        code: 'invalid-list-index',
        pointer,
        wire: child.key,
        message: `form key ${firstKey(child)}: index ${JSON.stringify(segment)} is not 1, 2, 3, … (query indices start at 1); the item is not read`,
      });
      continue;
    }
    found.push([Number(segment), child]);
  }
  if (container.text !== undefined && container.children !== undefined) {
    ctx.issues.push({ code: 'invalid-value', pointer, wire: container.key, message: `${container.key} has both a value and indexed items` });
  }
  found.sort((a, b) => a[0] - b[0]);
  const missing: number[] = [];
  let expected = 1;
  for (const [index] of found) {
    for (; expected < index && missing.length < 10; expected++) missing.push(expected);
    expected = index + 1;
  }
  if (missing.length > 0) {
    ctx.issues.push({ code: 'list-index-gap', pointer, wire: container.key, message: `${container.key}.N skips ${missing.join(', ')}: indices must run 1, 2, 3, … without a gap` });
  }
  return found.map(([, child]) => child);
}

function decodeItems(ctx: Context, list: Shape, container: FormNode, pointer: string): unknown[] {
  const out: unknown[] = [];
  for (const child of indexed(ctx, container, pointer)) {
    const value = decodeNode(ctx, list.member as ShapeRef, child, appendPointer(pointer, out.length));
    if (value !== undefined) out.push(value);
  }
  return out;
}

function decodeEntries(ctx: Context, map: Shape, container: FormNode, pointer: string): Record<string, unknown> {
  const keyName = map.key?.locationName ?? 'key';
  const valueName = map.value?.locationName ?? 'value';
  const out: Record<string, unknown> = {};
  for (const entry of indexed(ctx, container, pointer)) {
    const keyNode = entry.children?.get(keyName);
    const valueNode = entry.children?.get(valueName);
    for (const [segment, child] of entry.children ?? []) {
      if (segment !== keyName && segment !== valueName)
        ctx.issues.push({ code: 'unknown-member', pointer, wire: child.key, message: `form key ${firstKey(child)}: a map entry has only ${keyName} and ${valueName}` });
    }
    if (keyNode?.text === undefined || valueNode === undefined) {
      ctx.issues.push({ code: 'incomplete-map-entry', pointer, wire: entry.key, message: `${entry.key} has no ${keyNode?.text === undefined ? keyName : valueName}` });
      continue;
    }
    const entryPointer = appendPointer(pointer, keyNode.text);
    if (Object.hasOwn(out, keyNode.text)) {
      ctx.issues.push({
        code: 'duplicate-key',
        pointer: entryPointer,
        wire: keyNode.key,
        message: `${keyNode.key}: the key ${JSON.stringify(keyNode.text)} is in the map twice; the last is kept`,
      });
    }
    const value = decodeNode(ctx, map.value as ShapeRef, valueNode, entryPointer);
    if (value !== undefined) setOwn(out, keyNode.text, value);
  }
  return out;
}
