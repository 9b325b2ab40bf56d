/**
 * Wire changes of a rest-json or json operation: the contracts keep no wire model for these
 * (their schemas are the wire form already), but each input and output lists its top-level
 * members with their place and wire name. A member that moves between the body, a header, the
 * query string and the URI, or takes another header, query or JSON name, is one change here
 * instead of a member removed at one name and added at another. A body member counts only when
 * its name is a key of the JSON body (a payload member's name never travels).
 */
import { appendPointer } from '../core/json-pointer.js';
import type { JsonSchema, WireMember } from '../contracts/types.js';
import type { RawWireChange } from './wire-change.js';

interface Message {
  members: WireMember[];
  body?: { diff: JsonSchema };
}

const PARTS: Record<WireMember['location'], { part: string; spell: (name: string) => string }> = {
  body: { part: '/body', spell: (name) => `JSON key "${name}"` },
  header: { part: '/headers', spell: (name) => `header "${name}"` },
  querystring: { part: '/query', spell: (name) => `query parameter "${name}"` },
  uri: { part: '/path', spell: (name) => `URI label {${name}}` },
};

function bodyKeys(message: Message): ReadonlySet<string> {
  const properties = message.body?.diff.properties;
  return new Set(typeof properties === 'object' && properties !== null ? Object.keys(properties) : []);
}

export function jsonMemberChanges(before: Message, after: Message): RawWireChange[] {
  const changes: RawWireChange[] = [];
  const afterByMember = new Map(after.members.map((member) => [member.member, member]));
  const keysBefore = bodyKeys(before);
  const keysAfter = bodyKeys(after);
  for (const a of before.members) {
    const b = afterByMember.get(a.member);
    if (b === undefined) continue;
    if (a.location === 'body' && !keysBefore.has(a.wireName)) continue;
    if (b.location === 'body' && !keysAfter.has(b.wireName)) continue;
    const placeA = PARTS[a.location];
    const placeB = PARTS[b.location];
    const pointerA = appendPointer(placeA.part, a.wireName);
    const pointerB = appendPointer(placeB.part, b.wireName);
    const spelled = { before: placeA.spell(a.wireName), after: placeB.spell(b.wireName) };
    const base = { pointer: pointerA, path: [a.member], spelled, explains: [pointerA, pointerB] };
    if (a.location !== b.location) changes.push({ code: 'location-changed', before: a.location, after: b.location, ...base });
    // A URI label is renamed only with its URI, which uri-changed reports. Header names are lower-case in the contracts already.
    else if (a.wireName !== b.wireName && a.location !== 'uri') changes.push({ code: 'wire-name-changed', before: a.wireName, after: b.wireName, ...base });
  }
  return changes;
}
