/**
 * Wire changes of a rest-json or json operation: the contracts keep no wire model for these
 * (their schemas are the wire form already), but each input and output lists its top-level
 * members with their place and wire name. A member that moves between the body, a header, the
 * query string and the URI, or takes another header, query or JSON name, is one change here
 * instead of a member removed at one name and added at another. A body member counts only when
 * its name is a key of the JSON body (a payload member's name never travels).
 *
 * Below the top level the schemas name members by JSON key alone; the contract's `jsonNames`
 * (contracts/generator/json-names.ts) give the model name of each key that is not one, so both
 * bodies are walked in step, key paired with key by model name, at every depth. A recursive
 * shape is walked once under each member that enters it (recursion-once.ts), and a subtree
 * whose schemas accept the same values has the same keys and is not walked at all.
 */
import { appendPointer } from '../core/json-pointer.js';
import type { ErrorContract, JsonSchema, ServiceContract, WireMember } from '../contracts/types.js';
import { Once } from './recursion-once.js';
import { isObject, type SchemaSide } from './schema-side.js';
import type { RawWireChange } from './types.js';

interface Message {
  members: WireMember[];
  body?: { diff: JsonSchema };
}

type Names = ServiceContract['jsonNames'];

const PARTS: Record<WireMember['location'], { part: string; spell: (name: string) => string }> = {
  body: { part: '/body', spell: (name) => `JSON key "${name}"` },
  header: { part: '/headers', spell: (name) => `header "${name}"` },
  querystring: { part: '/query', spell: (name) => `query parameter "${name}"` },
  uri: { part: '/path', spell: (name) => `URI label {${name}}` },
};

/** Deeper than any AWS shape; a guard, the cycle handling is what ends recursive walks. */
const MAX_DEPTH = 64;

/** Member model name → JSON key, for the members of `shape` whose key is another name. */
export function renamedMembers(names: Names, shape: string | undefined): Readonly<Record<string, string>> {
  return shape !== undefined && names !== undefined && Object.hasOwn(names, shape) ? names[shape]! : {};
}

/**
 * The model name of a structure's JSON key: the member `jsonNames` gives it to, else the key
 * itself; undefined when the key is the model name of a member that travels under another key
 * (an error body's `Message` beside the member Message sent as `message`: the contracts accept
 * both, but only one is the member).
 */
export function memberOfKey(names: Names, shape: string | undefined, key: string): string | undefined {
  const renamed = renamedMembers(names, shape);
  for (const [member, wireName] of Object.entries(renamed)) if (wireName === key) return member;
  return Object.hasOwn(renamed, key) ? undefined : key;
}

function bodyProperties(message: Message): Record<string, unknown> {
  const properties = message.body?.diff.properties;
  return isObject(properties) ? properties : {};
}

export class JsonWireWalk {
  constructor(
    private readonly names: { before: Names; after: Names },
    private readonly sides: { before: SchemaSide; after: SchemaSide },
  ) {}

  /** Every wire change of one input or output: its top-level members by place and name, then every JSON key below them. */
  message(before: Message, after: Message): RawWireChange[] {
    const changes: RawWireChange[] = [];
    const afterByMember = new Map(after.members.map((member) => [member.member, member]));
    const keysBefore = bodyProperties(before);
    const keysAfter = bodyProperties(after);
    const once = new Once(this.sides);
    for (const a of before.members) {
      const b = afterByMember.get(a.member);
      if (b === undefined) continue;
      if (a.location === 'body' && !Object.hasOwn(keysBefore, a.wireName)) continue;
      if (b.location === 'body' && !Object.hasOwn(keysAfter, b.wireName)) continue;
      const placeA = PARTS[a.location];
      const placeB = PARTS[b.location];
      const pointerA = appendPointer(placeA.part, a.wireName);
      const pointerB = appendPointer(placeB.part, b.wireName);
      const spelled = { before: placeA.spell(a.wireName), after: placeB.spell(b.wireName) };
      const base = { pointer: pointerA, path: [a.member], spelled, explains: [pointerA, pointerB] };
      if (a.location !== b.location) changes.push({ code: 'location-changed', before: a.location, after: b.location, ...base });
      // A URI label is renamed only with its URI, which uri-changed reports. Header names are lower-case in the contracts already.
      else if (a.wireName !== b.wireName && a.location !== 'uri') changes.push({ code: 'wire-name-changed', before: a.wireName, after: b.wireName, ...base });
      if (a.location === 'body' && b.location === 'body') this.value(keysBefore[a.wireName], keysAfter[b.wireName], pointerA, [a.member], once, changes, 0);
    }
    // A structure payload is the whole body: its members are the body's keys.
    const bodyA = before.body?.diff;
    const bodyB = after.body?.diff;
    if (this.sides.before.refName(bodyA) !== undefined && this.sides.after.refName(bodyB) !== undefined) this.value(bodyA, bodyB, '/body', [], once, changes, 0);
    return changes;
  }

  /** An error both sides declare: its body's keys, by the error shape's model names, at every depth. */
  error(before: ErrorContract, after: ErrorContract): RawWireChange[] {
    const changes: RawWireChange[] = [];
    const x = before.body.diff;
    const y = after.body.diff;
    if (!isObject(x.properties) || !isObject(y.properties) || this.sides.before.fingerprint(x) === this.sides.after.fingerprint(y)) return changes;
    // The body is written inline, not as a definition: the error type names the shape (unless a rest-json model gives the error a code of its own).
    this.members(x.properties, y.properties, before.type, after.type, '/body', [], new Once(this.sides), changes, 0);
    return changes;
  }

  /** One value in both bodies: a structure's keys paired by model name, a list's items, a map's values. */
  private value(a: unknown, b: unknown, at: string, path: string[], once: Once, out: RawWireChange[], depth: number): void {
    if (depth > MAX_DEPTH || a === undefined || b === undefined) return;
    // The same accepted values means the same keys at every depth: nothing renamed below.
    if (this.sides.before.fingerprint(a) === this.sides.after.fingerprint(b)) return;
    const leave = once.enter(a, b);
    if (!leave) return;
    const x = this.sides.before.resolve(a);
    const y = this.sides.after.resolve(b);
    if (typeof x !== 'boolean' && typeof y !== 'boolean') {
      if (isObject(x.properties) && isObject(y.properties)) {
        this.members(x.properties, y.properties, this.sides.before.refName(a), this.sides.after.refName(b), at, path, once, out, depth);
      }
      const items = appendPointer(at, '*');
      if (isObject(x.items) && isObject(y.items)) this.value(x.items, y.items, items, [...path, '*'], once, out, depth + 1);
      if (isObject(x.additionalProperties) && isObject(y.additionalProperties)) {
        this.value(x.additionalProperties, y.additionalProperties, items, [...path, '*'], once, out, depth + 1);
      }
    }
    leave();
  }

  private members(
    x: Record<string, unknown>,
    y: Record<string, unknown>,
    shapeA: string | undefined,
    shapeB: string | undefined,
    at: string,
    path: string[],
    once: Once,
    out: RawWireChange[],
    depth: number,
  ): void {
    const keyAfter = new Map(Object.keys(y).map((key) => [memberOfKey(this.names.after, shapeB, key), key]));
    for (const keyA of Object.keys(x)) {
      const member = memberOfKey(this.names.before, shapeA, keyA);
      const keyB = member === undefined ? undefined : keyAfter.get(member);
      if (member === undefined || keyB === undefined) continue;
      const pointerA = appendPointer(at, keyA);
      if (keyA !== keyB) {
        const pointerB = appendPointer(at, keyB);
        const spelled = { before: PARTS.body.spell(keyA), after: PARTS.body.spell(keyB) };
        // The schema diff sees the old key removed and the new one added: this change is both.
        out.push({ code: 'wire-name-changed', pointer: pointerA, path: [...path, member], before: keyA, after: keyB, spelled, explains: [pointerA, pointerB] });
      }
      this.value(x[keyA], y[keyB], pointerA, [...path, member], once, out, depth + 1);
    }
  }
}
