/**
 * XML bodies read safely with fast-xml-parser, into a uniform tree the shape decoder walks:
 * every element is an object whose child elements are arrays (one per repetition), whose text
 * is `#text` and whose attributes are `@name`.
 *
 * Safety, as AWS bodies need none of what is refused:
 * - a DOCTYPE is refused outright, and the entity decoder knows only XML's five built-in
 *   entities and character references, so a declared entity is never expanded even if a
 *   DOCTYPE got through (billion laughs, external entities);
 * - nesting is bounded (`MAX_XML_DEPTH`), a deeper body is an issue, not a stack overflow;
 * - values stay text (no number parsing: the shape decides what `0012` is), untrimmed.
 * Malformed XML is reported as an issue with the parser's line and column, never thrown.
 */
import { XMLParser, XMLValidator, type MatcherView, type X2jOptions } from 'fast-xml-parser';
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

const BUILT_IN: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeReference(match: string, name: string): string {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    const valid = Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : match;
  }
  return Object.hasOwn(BUILT_IN, name) ? (BUILT_IN[name] as string) : match;
}

/** Decodes only what XML itself defines; DOCTYPE entities handed to it are dropped, never stored. */
const builtInEntitiesOnly = {
  setExternalEntities(): void {},
  addInputEntities(): void {},
  reset(): void {},
  setXmlVersion(): void {},
  decode(text: string): string {
    return text.includes('&') ? text.replace(/&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][\w.-]*);/g, decodeReference) : text;
  },
};

/** The parser options (exported so a test can show that a DOCTYPE's entities stay unexpanded even past the refusal). */
export const XML_PARSER_OPTIONS: X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // The ordered form skips the library's own compaction and path strings; with jPath false the
  // callbacks get the library's path matcher, whose depth says where an element or text belongs.
  preserveOrder: true,
  jPath: false,
  maxNestedTags: MAX_XML_DEPTH,
  processEntities: true,
  entityDecoder: builtInEntitiesOnly,
  ignoreDeclaration: true,
  ignorePiTags: true,
};

/**
 * The elements open while a document is parsed, by depth (`[0]` holds the root element): the
 * parser's callbacks build the uniform tree into it directly. Parsing is synchronous, so one
 * document at a time uses it; `readXml` empties it after every parse.
 */
let open: XmlNode[] = [];

/**
 * Each element, as the parser opens it (its name already made safe by the library, its attributes
 * decoded): added to its parent's list of that name. Returning false keeps it out of the library's
 * own output, whose per-element objects cost a fifth of the parse and which nothing reads.
 */
function onElement(name: string, path: MatcherView | string, attributes: Record<string, string> | undefined): false {
  const node: XmlNode = { '#text': '' };
  if (attributes !== undefined) for (const attribute in attributes) node[attribute] = attributes[attribute];
  const depth = (path as MatcherView).getDepth();
  const parent = open[depth - 1] as XmlNode;
  const list = parent[name];
  if (Array.isArray(list)) list.push(node);
  else parent[name] = [node];
  open[depth] = node;
  return false;
}

/** Each piece of text (entities decoded; CDATA as is), joined onto the element it sits in; the library keeps none of it. */
function onText(_name: string, text: string, path: MatcherView | string): string {
  const node = open[(path as MatcherView).getDepth()] as XmlNode;
  node['#text'] += text;
  return '';
}

const parser = new XMLParser({ ...XML_PARSER_OPTIONS, updateTag: onElement, tagValueProcessor: onText });

export interface XmlRead {
  document?: XmlDocument;
  issues: WireIssue[];
}

function issue(code: WireIssue['code'], message: string): XmlRead {
  return { issues: [{ code, pointer: '', message }] };
}

/** Parses an XML body; `what` names it in messages (`response body`). */
export function readXml(text: string, what = 'XML body'): XmlRead {
  if (/<!DOCTYPE/i.test(text)) return issue('xml-doctype', `${what} declares a DOCTYPE, which AWS never sends; refused so that no entity it declares is expanded`);
  const valid = XMLValidator.validate(text);
  if (valid !== true) return issue('invalid-xml', `${what} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  // Text outside the root (whitespace, the validator allows no other) lands in `#text` here and is not read.
  const documentNode: XmlNode = { '#text': '' };
  open = [documentNode];
  try {
    parser.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    if (/nested tags/i.test(message)) return issue('xml-too-deep', `${what} nests elements deeper than ${MAX_XML_DEPTH} levels`);
    return issue('invalid-xml', `${what} could not be parsed: ${message}`);
  } finally {
    open = [];
  }
  let rootName: string | undefined;
  let roots = 0;
  for (const name in documentNode) {
    if (name.startsWith('#')) continue;
    rootName = name;
    roots += (documentNode[name] as XmlNode[]).length;
  }
  if (roots !== 1 || rootName === undefined) return issue('invalid-xml', `${what} must have exactly one root element`);
  return { document: { name: rootName, root: (documentNode[rootName] as XmlNode[])[0] as XmlNode }, issues: [] };
}

/** The child elements called `name` (none: an empty array). */
export function childElements(node: XmlNode, name: string): XmlNode[] {
  const children = Object.hasOwn(node, name) ? node[name] : undefined;
  return Array.isArray(children) ? children : [];
}

export function textOf(node: XmlNode): string {
  return node['#text'] ?? '';
}
