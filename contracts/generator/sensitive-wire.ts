/**
 * Where a sensitive member of a query or rest-xml message travels in the body's own syntax,
 * so that redaction (cassettes/redact) can replace it in the stored bytes without knowing
 * the model: each neutral pointer (`/body/Credentials/SecretAccessKey`, member names, `*`
 * for a list item or map value) becomes the form keys (`Tags.member.*.Value`) of a query
 * request or the element path of an XML body, with every name resolved as the wire codecs
 * resolve it (`locationName`, list item names, `flattened`, map `key`/`value` names).
 */
import type { SensitiveMember } from '../../core/sensitive.js';
import { parsePointer } from '../../core/json-pointer.js';
import type { ShapeRef } from '../wire/model.js';
import type { ServiceShapes } from '../wire/service-shapes.js';

/** Which body a message is: a query request's form, a query answer or error, a rest-xml body. */
export type WireBody = 'query-form' | 'query-answer' | 'query-error' | 'rest-xml' | 'rest-xml-error';

/** Element names above the message's members, from the root. */
const XML_ROOT: Record<Exclude<WireBody, 'query-form'>, string[]> = {
  // <{Op}Response><{Op}Result>: both wildcards (an output shape may serve more than one operation).
  'query-answer': ['*', '*'],
  'query-error': ['*', 'Error'],
  // The root element is the message (or its payload member).
  'rest-xml': ['*'],
  'rest-xml-error': ['Error'],
};

/** `members` with their wire places added (body members only; headers and query keep their pointers). */
export function withWirePlaces(shapes: ServiceShapes, shapeName: string, members: SensitiveMember[], body: WireBody): SensitiveMember[] {
  return members.map((member) => {
    const [part, ...rest] = parsePointer(member.pointer, `sensitive member ${member.pointer}`);
    if (part !== 'body' || rest.length === 0) return member;
    const path = wirePath(shapes, shapeName, rest, body === 'query-form');
    if (path === null) return member;
    return body === 'query-form' ? { ...member, form: path.join('.') } : { ...member, xml: [...XML_ROOT[body], ...path].join('/') };
  });
}

/** The wire names along `segments` from structure `shapeName`; null when the pointer leaves the model. */
function wirePath(shapes: ServiceShapes, shapeName: string, segments: string[], form: boolean): string[] | null {
  const out: string[] = [];
  let ref: ShapeRef = { shape: shapeName };
  // A rest-xml payload member is the whole body: the pointer starts inside it.
  const top = shapes.shape(shapeName);
  if (!form && top.payload !== undefined) {
    const payload = shapes.structure(shapeName).byName.get(top.payload);
    if (payload === undefined) return null;
    ref = payload.ref;
  }
  for (let i = 0; i < segments.length; i++) {
    const shape = shapes.target(ref);
    const segment = segments[i]!;
    if (shape.type !== 'structure') return null;
    const member = shapes.structure(ref.shape).byName.get(segment);
    if (member === undefined) return null;
    out.push(form ? member.queryName : member.xmlName);
    ref = member.ref;
    const target = member.shape;
    // A list or map member: the next segment (`*` or an index) is its item or entry.
    if ((target.type === 'list' || target.type === 'map') && i + 1 < segments.length) {
      i++;
      if (target.type === 'list') {
        if (!member.flattened) out.push(shapes.listItemName(target) ?? 'member');
        if (form) out.push('*');
        ref = target.member!;
      } else {
        if (!member.flattened) out.push('entry');
        if (form) out.push('*');
        out.push(target.value?.locationName ?? 'value');
        ref = target.value!;
      }
    }
  }
  return out;
}
