/**
 * Sensitive members inside the two text bodies of the AWS XML protocols, replaced in the
 * stored bytes: a query-protocol form (`…&Password=hunter2&…` → `Password=%3Credacted%3E`) and
 * an XML body (`<SecretAccessKey>…</SecretAccessKey>` → `&lt;redacted&gt;`), by the wire
 * places the contracts give (core/sensitive.ts `form`, `xml`). Nothing here knows a model: a
 * place is a path of names with `*` for any one name, and everything at or below it is the
 * member's. The form keeps every other pair's bytes; the XML is read with fast-xml-parser
 * (entities left as written, comments and CDATA kept) and written back with its builder,
 * which keeps elements, attributes, order and whitespace (`<A/>` is written `<A></A>`).
 * A body that cannot be read this way is null: the caller refuses to store it.
 */
import { XMLBuilder, XMLParser, XMLValidator, type X2jOptions } from 'fast-xml-parser';
import { REDACTED, REDACTED_BASE64 } from '../../core/sensitive.js';

/** A wire place, split: `Tags.member.*.Value` → `['Tags', 'member', '*', 'Value']`. */
export interface TextPlace {
  segments: readonly string[];
  /** The member's botocore type: a blob's placeholder is base64. */
  type: string;
}

/** `place` is `names` or a prefix of them (a sensitive container covers what is below it). */
function covers(place: TextPlace, names: readonly string[]): boolean {
  if (names.length < place.segments.length) return false;
  return place.segments.every((segment, i) => segment === '*' || segment === names[i]);
}

function placeholder(type: string): string {
  return type === 'blob' ? REDACTED_BASE64 : REDACTED;
}

function decodeKey(text: string): string | null {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return null;
  }
}

/** The form with the values under `places` replaced; the same bytes when none is there, null when a key does not decode. */
export function redactFormBody(bytes: Uint8Array, places: readonly TextPlace[]): Uint8Array | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let changed = false;
  const parts = text.split('&');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const eq = part.indexOf('=');
    if (part === '' || eq === part.length - 1) continue;
    const key = decodeKey(eq < 0 ? part : part.slice(0, eq));
    if (key === null) return null;
    const names = key.split('.');
    const place = places.find((candidate) => covers(candidate, names));
    if (place === undefined || eq < 0) continue;
    parts[i] = `${part.slice(0, eq)}=${encodeURIComponent(placeholder(place.type))}`;
    changed = true;
  }
  return changed ? Buffer.from(parts.join('&'), 'utf8') : bytes;
}

const OPTIONS: X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  preserveOrder: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities stay as written, so the builder writes them back unchanged (and none is ever expanded).
  processEntities: false,
  ignoreDeclaration: false,
  ignorePiTags: false,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
};
const parser = new XMLParser(OPTIONS);
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  preserveOrder: true,
  processEntities: false,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
});

type Ordered = Record<string, unknown>;

/** Placeholder text, escaped for XML (`<redacted>` holds angle brackets). */
function escaped(type: string): string {
  return placeholder(type).replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Replaces the non-blank text of every node in `nodes` (a redacted element's content). */
function blankOut(nodes: Ordered[], type: string): void {
  for (const node of nodes) {
    if (Object.hasOwn(node, '#text')) {
      if (String(node['#text']).trim() !== '') node['#text'] = escaped(type);
      continue;
    }
    for (const name of Object.keys(node)) if (name !== ':@') blankOut(node[name] as Ordered[], type);
  }
}

function walk(nodes: Ordered[], path: string[], places: readonly TextPlace[]): boolean {
  let changed = false;
  for (const node of nodes) {
    for (const name of Object.keys(node)) {
      if (name === ':@' || name === '#text' || name === '#comment' || name.startsWith('?')) continue;
      const children = node[name] as Ordered[];
      const at = [...path, name];
      const place = places.find((candidate) => candidate.segments.length === at.length && covers(candidate, at));
      if (place !== undefined) {
        blankOut(children, place.type);
        changed = true;
      } else if (places.some((candidate) => candidate.segments.length > at.length && covers({ segments: candidate.segments.slice(0, at.length), type: '' }, at))) {
        changed = walk(children, at, places) || changed;
      }
    }
  }
  return changed;
}

/** The XML with the text under `places` replaced; the same bytes when none is there, null when it does not parse or declares a DOCTYPE. */
export function redactXmlBody(bytes: Uint8Array, places: readonly TextPlace[]): Uint8Array | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (/<!DOCTYPE/i.test(text) || XMLValidator.validate(text) !== true) return null;
  let tree: Ordered[];
  try {
    tree = parser.parse(text) as Ordered[];
  } catch {
    return null;
  }
  if (!walk(tree, [], places)) return bytes;
  return Buffer.from(builder.build(tree), 'utf8');
}
