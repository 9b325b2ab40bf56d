/**
 * XML bodies read safely with @rgrove/parse-xml, into a uniform tree the shape decoder walks:
 * every element is an object whose child elements are arrays (one per repetition), whose text
 * is `#text` and whose attributes are `@name`.
 *
 * One pass: parse-xml is a strict XML 1.0 parser, so it refuses by itself what is not well-formed
 * (mismatched tags, text or a second element after the root, characters XML forbids). The
 * fast-xml-parser read it replaces needed a separate validation pass for that, because its parser
 * accepts mismatched closing tags; the single pass and the tree walk below take about half the
 * time of those two passes (bench/xml-read.ts).
 *
 * Safety, as AWS bodies need none of what is refused:
 * - a DOCTYPE is refused outright; parse-xml itself never reads the entity declarations of a
 *   DOCTYPE and decodes only XML's five built-in entities and character references, so a declared
 *   entity is never expanded even if a DOCTYPE got through (billion laughs, external entities):
 *   it stays as written, as any other undefined entity (`&nbsp;`) does;
 * - nesting is bounded (`MAX_XML_DEPTH`), a deeper body is an issue, not a stack overflow:
 *   parse-xml recurses once per element, so a body deep enough to exhaust the stack is caught
 *   and reported as the same issue;
 * - an element named `__proto__`, `constructor` or `prototype` is refused: its name becomes a key
 *   of a plain object here;
 * - values stay text (no number parsing: the shape decides what `0012` is), untrimmed; line
 *   breaks are normalized to `\n`, as XML says (`&#13;` stays a carriage return).
 * Malformed XML is reported as an issue with the parser's line and column, never thrown.
 */
import { XmlElement, XmlError, XmlText, parseXml, type ParserOptions } from '@rgrove/parse-xml';
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

/** What an XML Name may hold but not start with (NameChar minus NameStartChar, but for U+0300–U+036F), and `;`: no name at all. */
const NO_NAME_START = /^[\d.\-;\u00B7\u203F\u2040]$/;

/**
 * A reference to an entity XML does not define (`&nbsp;`, one a DOCTYPE declared) stays as
 * written, as it did before: neither expanded nor a reason to refuse the body. One that is no
 * reference at all (`&;`, `&1a;`) is left unresolved, so parse-xml refuses the body. parse-xml
 * hands over `&`, the run of name characters and `#` after it, and `;`.
 */
function undefinedEntity(reference: string): string | undefined {
  const first = reference[1] ?? ';';
  const noName = NO_NAME_START.test(first) || (first >= '\u0300' && first <= '\u036F') || reference.includes('#');
  return noName ? undefined : reference;
}

/**
 * The parser options (exported so a test can show that a DOCTYPE's entities stay unexpanded even
 * past the refusal). CDATA joins the text around it and comments are dropped, the defaults,
 * spelled out: the walk reads neither. No offsets: nothing reads them.
 */
export const XML_PARSER_OPTIONS: Readonly<ParserOptions> = Object.freeze({
  ignoreUndefinedEntities: false,
  resolveUndefinedEntity: undefinedEntity,
  preserveCdata: false,
  preserveComments: false,
  preserveDocumentType: false,
  preserveXmlDeclaration: false,
  includeOffsets: false,
});

/** Names that would reach an object's prototype, or its constructor, as keys of the tree. */
const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** Why an element could not join the tree: the issue it makes. */
class Refusal {
  constructor(
    readonly code: 'xml-too-deep' | 'invalid-xml',
    readonly name: string,
  ) {}
}

/**
 * The uniform tree of `element`, which sits at `depth` (the root is 1). Recursive, but never past
 * MAX_XML_DEPTH calls. Processing instructions (and comments, were they kept) are skipped.
 */
function uniform(element: XmlElement, depth: number): XmlNode | Refusal {
  if (depth > MAX_XML_DEPTH) return new Refusal('xml-too-deep', element.name);
  if (UNSAFE_NAMES.has(element.name)) return new Refusal('invalid-xml', element.name);
  // `#text` first, then attributes, then children: the key order the decoders walk.
  const node: XmlNode = { '#text': '' };
  const { attributes } = element;
  for (const name in attributes) node[`@${name}`] = attributes[name];
  let text = '';
  for (const child of element.children) {
    if (child instanceof XmlText) {
      text += child.text;
    } else if (child instanceof XmlElement) {
      const childNode = uniform(child, depth + 1);
      if (childNode instanceof Refusal) return childNode;
      const list = node[child.name];
      if (Array.isArray(list)) list.push(childNode);
      else node[child.name] = [childNode];
    }
  }
  node['#text'] = text;
  return node;
}

export interface XmlRead {
  document?: XmlDocument;
  issues: WireIssue[];
}

function issue(code: WireIssue['code'], message: string): XmlRead {
  return { issues: [{ code, pointer: '', message }] };
}

function tooDeep(what: string): XmlRead {
  return issue('xml-too-deep', `${what} nests elements deeper than ${MAX_XML_DEPTH} levels`);
}

/** parse-xml's reason, without the position and excerpt its message carries after it. */
function reasonOf(error: XmlError): string {
  const firstLine = error.message.split('\n', 1)[0] as string;
  return firstLine.replace(/ \(line \d+, column \d+\)$/, '');
}

function notWellFormed(error: XmlError, text: string, what: string): XmlRead {
  const reason = reasonOf(error);
  // parse-xml calls a second root element extra content; say what it is.
  if (reason === 'Extra content at the end of the document' && /^<[^!?/]/.test(text.slice(error.pos, error.pos + 2))) {
    return issue('invalid-xml', `${what} must have exactly one root element`);
  }
  return issue('invalid-xml', `${what} is not well-formed XML: ${reason} (line ${error.line}, column ${error.column})`);
}

/** Parses an XML body; `what` names it in messages (`response body`). */
export function readXml(text: string, what = 'XML body'): XmlRead {
  if (/<!DOCTYPE/i.test(text)) return issue('xml-doctype', `${what} declares a DOCTYPE, which AWS never sends; refused so that no entity it declares is expanded`);
  let root: XmlElement | null;
  try {
    root = parseXml(text, XML_PARSER_OPTIONS).root;
  } catch (error) {
    if (error instanceof XmlError) return notWellFormed(error, text, what);
    // Thousands of levels exhaust the stack before the walk could count them.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return tooDeep(what);
    return issue('invalid-xml', `${what} could not be parsed: ${(error as Error).message}`);
  }
  // parse-xml refuses a document without exactly one root element, so this is a safeguard.
  if (root === null) return issue('invalid-xml', `${what} must have exactly one root element`);
  const tree = uniform(root, 1);
  if (tree instanceof Refusal) {
    if (tree.code === 'xml-too-deep') return tooDeep(what);
    return issue('invalid-xml', `${what} names an element "${tree.name}", which would reach a JavaScript object's prototype; refused`);
  }
  return { document: { name: root.name, root: tree }, issues: [] };
}

/** The child elements called `name` (none: an empty array). */
export function childElements(node: XmlNode, name: string): XmlNode[] {
  const children = Object.hasOwn(node, name) ? node[name] : undefined;
  return Array.isArray(children) ? children : [];
}

export function textOf(node: XmlNode): string {
  return node['#text'] ?? '';
}
