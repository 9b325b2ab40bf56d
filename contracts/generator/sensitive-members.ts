/**
 * Where an operation's secrets travel, from the model: every member marked `sensitive`
 * (on the member reference or on the shape it targets) and every member an overlay names,
 * as JSON Pointers into the recorded request or response (see core/sensitive.ts). Computed
 * once here, so redaction per request only follows a short list of pointers.
 *
 * A sensitive container (a structure, list or map) is one pointer: redaction replaces
 * every string beneath it. Map keys are names, not values, and stay. A URI member cannot
 * be redacted without breaking the route, and below a recursive shape only the first
 * level is listed; both are written to the contract's notes.
 */
import type { SensitiveMember } from '../../core/sensitive.js';
import { appendPointer } from '../../core/json-pointer.js';
import type { BotocoreShape, ShapeRef } from './botocore-model.js';

export interface SensitiveContext {
  shapes: Record<string, BotocoreShape>;
  /** `Shape.member` pairs an overlay marks (botocore names, not wire names). */
  marks: ReadonlySet<string>;
  /** `Shape.member` pairs an overlay keeps although the model marks them (user data a replay gives back). */
  kept?: ReadonlySet<string>;
  notes: string[];
  /** query and rest-xml: pointers into the protocol-neutral body, by member name (not `locationName`). */
  neutral?: boolean;
  /** query and rest-xml: adds where each member travels in the form or XML body (sensitive-wire.ts). */
  wirePlaces?: (shape: string, members: SensitiveMember[], role: MessageRole) => SensitiveMember[];
}

/** What a shape is to the operation that uses it. */
export type MessageRole = 'input' | 'output' | 'error';

export function markKey(shape: string, member: string): string {
  return `${shape}.${member}`;
}

function isSensitive(owner: string, member: string, ref: ShapeRef, context: SensitiveContext): boolean {
  const key = markKey(owner, member);
  if (context.kept?.has(key) === true) return false;
  return ref.sensitive === true || context.shapes[ref.shape]?.sensitive === true || context.marks.has(key);
}

function typeOf(ref: ShapeRef, context: SensitiveContext): string {
  return context.shapes[ref.shape]?.type ?? 'string';
}

/**
 * The sensitive places of a top-level input, output or error shape. Header members are
 * `/headers/<lower-case wire name>`, query members `/query/<wire name>`, body members
 * `/body/...`; a sensitive payload member is `/body` itself.
 */
export function sensitiveMembersOf(shapeName: string | undefined, context: SensitiveContext): SensitiveMember[] {
  const shape = shapeName === undefined ? undefined : context.shapes[shapeName];
  if (shapeName === undefined || shape === undefined) return [];
  const out: SensitiveMember[] = [];
  if (shape.sensitive) return [{ pointer: '/body', type: shape.type }];
  for (const [member, ref] of Object.entries(shape.members ?? {})) {
    const sensitive = isSensitive(shapeName, member, ref, context);
    const wire = ref.locationName ?? member;
    switch (ref.location) {
      case 'header':
        if (sensitive) out.push({ pointer: appendPointer('/headers', wire.toLowerCase()), type: typeOf(ref, context) });
        continue;
      case 'headers':
        // A prefixed header map (`x-amz-meta-*`): which headers it spans is known only per request.
        if (sensitive) context.notes.push(`sensitive header map ${shapeName}.${member} (${wire}*) is not redacted by name; the secret scanner still checks it`);
        continue;
      case 'querystring': {
        const spread = context.shapes[ref.shape]?.type === 'map' && ref.locationName === undefined;
        if (sensitive) out.push({ pointer: spread ? '/query/*' : appendPointer('/query', wire), type: typeOf(ref, context) });
        continue;
      }
      case 'uri':
        if (sensitive) context.notes.push(`sensitive URI member ${shapeName}.${member} ({${wire}}) is not redacted: the path must still route`);
        continue;
      case 'statusCode':
        continue;
      default:
        break;
    }
    if (shape.payload !== undefined) {
      if (member !== shape.payload) continue;
      if (sensitive) out.push({ pointer: '/body', type: typeOf(ref, context) });
      else walk(ref.shape, '/body', [shapeName], context, out);
      continue;
    }
    const pointer = appendPointer('/body', context.neutral ? member : wire);
    if (sensitive) out.push({ pointer, type: typeOf(ref, context) });
    else walk(ref.shape, pointer, [shapeName], context, out);
  }
  return out;
}

/** Collects the sensitive places inside shape `name`, found at `pointer`. `stack` guards recursion. */
function walk(name: string, pointer: string, stack: string[], context: SensitiveContext, out: SensitiveMember[]): void {
  const shape = context.shapes[name];
  if (shape === undefined) return;
  if (stack.includes(name)) {
    if (reachesSensitive(name, context, new Set())) {
      context.notes.push(`sensitive members below the recursive shape ${name} are redacted at their first level only`);
    }
    return;
  }
  const inner = [...stack, name];
  const visit = (ref: ShapeRef, at: string, sensitive: boolean): void => {
    if (sensitive) out.push({ pointer: at, type: typeOf(ref, context) });
    else walk(ref.shape, at, inner, context, out);
  };
  switch (shape.type) {
    case 'structure':
      for (const [member, ref] of Object.entries(shape.members ?? {})) {
        visit(ref, appendPointer(pointer, context.neutral ? member : (ref.locationName ?? member)), isSensitive(name, member, ref, context));
      }
      return;
    case 'list':
      if (shape.member) visit(shape.member, appendPointer(pointer, '*'), shape.member.sensitive === true || context.shapes[shape.member.shape]?.sensitive === true);
      return;
    case 'map':
      if (shape.value) visit(shape.value, appendPointer(pointer, '*'), shape.value.sensitive === true || context.shapes[shape.value.shape]?.sensitive === true);
      return;
    default:
      return;
  }
}

/** True when anything below `name` is sensitive (for the recursion note only). */
function reachesSensitive(name: string, context: SensitiveContext, seen: Set<string>): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  const shape = context.shapes[name];
  if (shape === undefined) return false;
  const refs: [string, ShapeRef][] = [
    ...Object.entries(shape.members ?? {}),
    ...(shape.member ? [['member', shape.member] as [string, ShapeRef]] : []),
    ...(shape.value ? [['value', shape.value] as [string, ShapeRef]] : []),
  ];
  return refs.some(([member, ref]) => isSensitive(name, member, ref, context) || reachesSensitive(ref.shape, context, seen));
}
