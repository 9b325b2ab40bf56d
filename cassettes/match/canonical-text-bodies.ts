/**
 * Canonical forms of the two text bodies the AWS XML protocols send, so that two bodies that
 * mean the same request give the same key:
 *  - a query-protocol form (`application/x-www-form-urlencoded`): its pairs decoded and
 *    sorted by key (botocore and the JavaScript SDK order members differently, and spell a
 *    space `+` or `%20`); a key's repeated values keep their order;
 *  - an XML body (S3's `<Tagging>`, `<Delete>`, …): its elements, attributes and text in
 *    document order, attributes sorted, and text that is only whitespace between elements
 *    dropped (indentation); the text of a leaf element is kept exactly, spaces included.
 * XML is read with fast-xml-parser, refusing a DOCTYPE; a body that does not parse, or is
 * larger than MAX_CANONICAL_TEXT, keeps its byte digest: the same bytes still match.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Bodies above this size are compared as bytes (an object body labelled XML, say): canonical forms cost a parse. */
export const MAX_CANONICAL_TEXT = 1024 * 1024;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

function decode(text: string): string {
  const spaced = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

export function isFormContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && contentType.toLowerCase().includes('application/x-www-form-urlencoded');
}

/** The form's pairs, decoded, sorted by key (stable: a repeated key keeps its values' order), as JSON. */
export function canonicalForm(text: string): string {
  const pairs: [string, string][] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    pairs.push([decode(eq < 0 ? part : part.slice(0, eq)), eq < 0 ? '' : decode(part.slice(eq + 1))]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return JSON.stringify(pairs);
}

type Ordered = Record<string, unknown>;

function canonicalNodes(nodes: Ordered[]): unknown[] {
  const elements = nodes.filter((node) => !Object.hasOwn(node, '#text'));
  const out: unknown[] = [];
  for (const node of nodes) {
    if (Object.hasOwn(node, '#text')) {
      const text = String(node['#text']);
      // Whitespace beside child elements is layout; a leaf's text is data.
      if (elements.length > 0 && text.trim() === '') continue;
      out.push(text);
      continue;
    }
    for (const name of Object.keys(node)) {
      if (name === ':@') continue;
      const attributes = (node[':@'] ?? {}) as Record<string, string>;
      const sorted = Object.keys(attributes)
        .sort()
        .map((key) => [key, attributes[key]]);
      out.push([name, sorted, canonicalNodes(node[name] as Ordered[])]);
    }
  }
  return out;
}

/** The canonical XML as JSON text, or null when the body is no XML tapegate reads (then its bytes decide). */
export function canonicalXml(text: string): string | null {
  if (text.length > MAX_CANONICAL_TEXT || /<!DOCTYPE/i.test(text) || XMLValidator.validate(text) !== true) return null;
  try {
    return JSON.stringify(canonicalNodes(parser.parse(text) as Ordered[]));
  } catch {
    return null;
  }
}

/** True when the bytes may be XML: the first character that is not whitespace is `<`. */
export function looksLikeXml(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
    return byte === 0x3c;
  }
  return false;
}
