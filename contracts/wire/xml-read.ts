/**
 * XML bodies read safely with saxes, a strict streaming XML 1.0 parser, into a uniform tree the
 * shape decoder walks: every element is an object whose child elements are arrays (one per
 * repetition), whose text is `#text` and whose attributes are `@name`.
 *
 * One pass, built as it streams: saxes refuses by itself what is not well-formed (mismatched
 * tags, text or a second element after the root, characters XML forbids, `]]>` in text), and its
 * events build the tree directly, so no second tree is made and walked. It replaced
 * @rgrove/parse-xml, which built its own tree first: the read takes under half the time
 * (bench/xml-read.ts), and XML is most of what a query or rest-xml exchange costs to check.
 *
 * Safety, as AWS bodies need none of what is refused:
 * - a DOCTYPE is refused outright; saxes itself never reads the declarations of a DOCTYPE and
 *   decodes only XML's five built-in entities and character references, so a declared entity is
 *   never expanded even if a DOCTYPE got through (billion laughs, external entities): it stays as
 *   written, as any other undefined entity (`&nbsp;`) does;
 * - nesting is bounded (`MAX_XML_DEPTH`): a deeper body is an issue. saxes keeps its open tags in
 *   an array, not on the call stack, and the read stops at the first element too deep;
 * - an element named `__proto__`, `constructor` or `prototype` is refused: its name becomes a key
 *   of a plain object here;
 * - values stay text (no number parsing: the shape decides what `0012` is), untrimmed; line
 *   breaks are normalized to `\n`, as XML says (`&#13;` stays a carriage return).
 * Malformed XML is reported as an issue with the parser's line and column, never thrown.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { WireIssue } from './issues.js';

/** Deeper than any AWS shape nests (S3's deepest body is 8 levels). */
export const MAX_XML_DEPTH = 64;

export interface XmlNode {
  '#text'?: string;
  [nameOrAttribute: string]: XmlNode[] | string | undefined;
}

export interface XmlDocument {
  /** The root element's name (`ListBucketResult`, `ErrorResponse`). */
  name: string;
  root: XmlNode;
}

export interface XmlRead {
  document?: XmlDocument;
  issues: WireIssue[];
}

/** XML's own five entities. */
const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML 1.0's NameStartChar and NameChar (fifth edition, 2.3). */
const NAME_START = String.raw`:A-Z_a-z\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{2FF}\u{370}-\u{37D}\u{37F}-\u{1FFF}\u{200C}-\u{200D}\u{2070}-\u{218F}\u{2C00}-\u{2FEF}\u{3001}-\u{D7FF}\u{F900}-\u{FDCF}\u{FDF0}-\u{FFFD}\u{10000}-\u{EFFFF}`;
// eslint-disable-next-line no-misleading-character-class -- the combining marks U+0300–U+036F are NameChars each on its own, which is what the class means
const XML_NAME = new RegExp(String.raw`^[${NAME_START}][${NAME_START}.0-9\u{B7}\u{300}-\u{36F}\u{203F}-\u{2040}-]*$`, 'u');

/**
 * The entity table saxes looks references up in: XML's five, and any other Name as written
 * (`&nbsp;` stays `&nbsp;`). saxes would keep such a reference as written too, but only after
 * reporting it as an error, and an error costs a stack trace: six megabytes of `&nbsp;` took ten
 * seconds. What is no Name (`&1a;`) is left to saxes, which refuses it.
 */
const ENTITIES_AS_WRITTEN = new Proxy(Object.create(null) as Record<string, string>, {
  get: (_, name) => {
    if (typeof name !== 'string') return undefined;
    if (Object.hasOwn(XML_ENTITIES, name)) return XML_ENTITIES[name];
    return XML_NAME.test(name) ? `&${name};` : undefined;
  },
});

/** Names that would reach an object's prototype, or its constructor, as keys of the tree. */
const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** Why the read stopped early: the issue it makes. Thrown from a parser event to stop saxes, caught by the read. */
class Refusal extends Error {
  constructor(readonly issue: WireIssue) {
    super(issue.message);
  }
}

const refuse = (code: WireIssue['code'], message: string) => new Refusal({ code, pointer: '', message });

/**
 * saxes reports where it stands as `line:column: reason.`. The reason loses its full stop; the
 * position moves to the end, as the other wire messages have it.
 */
function notWellFormed(error: Error, what: string, lastClosed: string): Refusal {
  const [, line, column, reason] = /^(\d+):(\d+): (.*?)\.?$/s.exec(error.message) ?? [];
  if (reason === undefined) return refuse('invalid-xml', `${what} is not well-formed XML: ${error.message}`);
  if (reason === 'documents may contain only one root' || reason === 'document must contain a root element') {
    return refuse('invalid-xml', `${what} must have exactly one root element`);
  }
  // saxes closes the inner element that lacks its end tag before it says so: name that element.
  const said = reason === 'unexpected close tag' ? `missing end tag for element ${lastClosed}` : reason;
  return refuse('invalid-xml', `${what} is not well-formed XML: ${said} (line ${line}, column ${column})`);
}

/**
 * The tree of `text`, built from saxes' events: an open element's node is on `open` until its end
 * tag. A reference to an entity XML does not define (`&nbsp;`, one a DOCTYPE declared) stays as
 * written (saxes keeps it and reports it; that report alone is passed over), as it did before the
 * parser changed: neither expanded nor a reason to refuse the body. Exported so that a test can
 * show a DOCTYPE's entities stay unexpanded even past the refusal in `readXml`.
 */
export function readXmlTree(text: string, what: string): XmlRead {
  const open: XmlNode[] = [];
  let document: XmlDocument | undefined;
  let lastClosed = '';
  const parser = new SaxesParser();
  parser.ENTITIES = ENTITIES_AS_WRITTEN;
  parser.on('error', (error) => {
    if (!error.message.endsWith(': undefined entity.')) throw notWellFormed(error, what, lastClosed);
  });
  // Attributes arrive one by one before their element (saxes has refused a repeated one by the
  // time the element opens); most elements have none, and this spares walking an empty object.
  let attributes: { name: string; value: string }[] = [];
  parser.on('attribute', (attribute) => attributes.push(attribute));
  parser.on('opentag', ({ name }: SaxesTagPlain) => {
    if (open.length >= MAX_XML_DEPTH) throw refuse('xml-too-deep', `${what} nests elements deeper than ${MAX_XML_DEPTH} levels`);
    if (UNSAFE_NAMES.has(name)) throw refuse('invalid-xml', `${what} names an element "${name}", which would reach a JavaScript object's prototype; refused`);
    // `#text` first, then attributes, then children: the key order the decoders walk.
    const node: XmlNode = { '#text': '' };
    if (attributes.length > 0) {
      for (const attribute of attributes) node[`@${attribute.name}`] = attribute.value;
      attributes = [];
    }
    const parent = open[open.length - 1];
    if (parent === undefined) {
      document = { name, root: node };
    } else {
      const siblings = parent[name];
      if (Array.isArray(siblings)) siblings.push(node);
      else parent[name] = [node];
    }
    open.push(node);
  });
  // Text and CDATA join into the element's text; outside the root only whitespace gets here.
  const addText = (piece: string) => {
    const node = open[open.length - 1];
    if (node !== undefined) node['#text'] += piece;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    lastClosed = tag.name;
    open.pop();
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof Refusal) return { issues: [error.issue] };
    throw error;
  }
  // saxes refuses a document without a root element, so this is a safeguard.
  if (document === undefined) return { issues: [{ code: 'invalid-xml', pointer: '', message: `${what} must have exactly one root element` }] };
  return { document, issues: [] };
}

/** Parses an XML body; `what` names it in messages (`response body`). */
export function readXml(text: string, what = 'XML body'): XmlRead {
  if (/<!DOCTYPE/i.test(text)) {
    return { issues: [{ code: 'xml-doctype', pointer: '', message: `${what} declares a DOCTYPE, which AWS never sends; refused so that no entity it declares is expanded` }] };
  }
  return readXmlTree(text, what);
}

/** The child elements called `name` (none: an empty array). */
export function childElements(node: XmlNode, name: string): XmlNode[] {
  const children = Object.hasOwn(node, name) ? node[name] : undefined;
  return Array.isArray(children) ? children : [];
}

export function textOf(node: XmlNode): string {
  return node['#text'] ?? '';
}
