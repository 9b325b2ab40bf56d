/**
 * Contract-driven redaction: the members an operation's contract lists as sensitive (the
 * model's `sensitive` marks and the overlays, see contracts/generator/sensitive-members.ts)
 * are replaced by the placeholder, in the request and in the response, before anything is
 * stored. The pointer lists are compiled once per operation into a small trie, so a
 * request costs one walk along the pointers that exist, not a search of the body.
 *
 * A string becomes `<redacted>` (a JSON blob its base64, so an SDK decoding it still can);
 * a sensitive object, list or map has every string beneath it replaced and keeps its shape;
 * numbers and booleans stay. A whole sensitive payload becomes the placeholder's bytes.
 *
 * A query form or an XML body (the query and rest-xml protocols) is rewritten in its bytes at
 * the members' wire places (text-body-redact.ts). When the contract says a body carries a
 * secret but the body is nothing tapegate could rewrite (stored as bytes: another encoding,
 * UTF-16, a broken document), recording refuses the exchange rather than store it
 * (`strict`); matching leaves it as it is.
 */
import { TapegateError } from '../../core/errors.js';
import type { Body, RecordedRequest, RecordedResponse } from '../../core/exchange.js';
import { parsePointer } from '../../core/json-pointer.js';
import { REDACTED, REDACTED_BASE64, type SensitiveMember, type SensitiveParts } from '../../core/sensitive.js';
import { looksLikeXml } from '../match/canonical-text-bodies.js';
import { redactFormBody, redactXmlBody, type TextPlace } from './text-body-redact.js';

/** One level of a compiled pointer list: a terminal carries the member's type. */
interface Node {
  type?: string;
  children: Map<string, Node>;
  wildcard?: Node;
}

/** A side's pointers, split by the part of the message they point into. */
interface CompiledSide {
  headers: Map<string, string>;
  /** By parameter name; `*` for every parameter (a sensitive query map). */
  query: Map<string, string>;
  /** `/body` itself is sensitive: its type. */
  wholeBody?: string;
  body?: Node;
  /** Where the body members travel in a query form and in an XML body (text-body-redact.ts). */
  form: TextPlace[];
  xml: TextPlace[];
  /** Body members without a form or XML place: a text body holding them cannot be rewritten. */
  unplaced: { form: boolean; xml: boolean };
}

interface Compiled {
  request?: CompiledSide;
  response?: CompiledSide;
  errors?: CompiledSide;
}

const compiled = new WeakMap<SensitiveParts, Compiled>();

function compileSide(members: readonly SensitiveMember[], what: string): CompiledSide | undefined {
  if (members.length === 0) return undefined;
  const side: CompiledSide = { headers: new Map(), query: new Map(), form: [], xml: [], unplaced: { form: false, xml: false } };
  for (const { pointer, type, form, xml } of members) {
    const [part, ...rest] = parsePointer(pointer, what);
    if (part === 'headers' && rest.length === 1) side.headers.set((rest[0] as string).toLowerCase(), type);
    else if (part === 'query' && rest.length === 1) side.query.set(rest[0] as string, type);
    else if (part === 'body' && rest.length === 0) side.wholeBody = type;
    else if (part === 'body') {
      if (form !== undefined) side.form.push({ segments: form.split('.'), type });
      else side.unplaced.form = true;
      if (xml !== undefined) side.xml.push({ segments: xml.split('/'), type });
      else side.unplaced.xml = true;
      let node: Node = (side.body ??= { children: new Map() });
      for (const segment of rest) {
        if (segment === '*') node = node.wildcard ??= { children: new Map() };
        else {
          let next = node.children.get(segment);
          if (next === undefined) node.children.set(segment, (next = { children: new Map() }));
          node = next;
        }
      }
      node.type = type;
    } else {
      throw new TapegateError(`Failed to load "${what}": sensitive pointer ${JSON.stringify(pointer)} is not under /headers, /query or /body`, 2);
    }
  }
  return side;
}

function compile(parts: SensitiveParts): Compiled {
  let done = compiled.get(parts);
  if (done === undefined) {
    done = {
      request: compileSide(parts.request, 'sensitive request members'),
      response: compileSide(parts.response, 'sensitive response members'),
      errors: compileSide(parts.errors, 'sensitive error members'),
    };
    compiled.set(parts, done);
  }
  return done;
}

/** Every string in `value` replaced, its shape kept. */
function redactAll(value: unknown, type: string): unknown {
  if (typeof value === 'string') return value === '' ? value : type === 'blob' ? REDACTED_BASE64 : REDACTED;
  if (Array.isArray(value)) return value.map((element: unknown) => redactAll(element, 'string'));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, member]) => [key, redactAll(member, 'string')]));
  }
  return value;
}

/** Sets an own member, even one named `__proto__`. */
function put(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `value` with the members under `node` redacted; the same object when nothing changed. */
function redactAt(value: unknown, node: Node): unknown {
  if (node.type !== undefined) return redactAll(value, node.type);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const list = value as unknown[];
    let out: unknown[] | undefined;
    for (let i = 0; i < list.length; i++) {
      const next = node.children.get(String(i)) ?? node.wildcard;
      const redacted = next === undefined ? list[i] : redactAt(list[i], next);
      if (redacted !== list[i]) (out ??= [...list])[i] = redacted;
    }
    return out ?? value;
  }
  // Only the members the pointers name are visited; the copy is made on the first change.
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  const visit = (key: string, next: Node): void => {
    if (!Object.hasOwn(record, key)) return;
    const member = record[key];
    const redacted = redactAt(member, next);
    if (redacted === member) return;
    if (out === undefined) {
      out = {};
      for (const name in record) put(out, name, record[name]);
    }
    put(out, key, redacted);
  };
  if (node.wildcard !== undefined) {
    for (const key in record) visit(key, node.children.get(key) ?? node.wildcard);
  } else {
    for (const [key, next] of node.children) visit(key, next);
  }
  return out ?? value;
}

function redactBody(body: Body, side: CompiledSide, strict: boolean, what: string): Body {
  if (body.kind === 'empty') return body;
  if (side.wholeBody !== undefined) {
    if (body.kind === 'json') return { kind: 'json', value: REDACTED, ...(body.encoding ? { encoding: body.encoding } : {}) };
    return { kind: 'bytes', bytes: Buffer.from(REDACTED, 'utf8'), ...(body.encoding ? { encoding: body.encoding } : {}) };
  }
  if (side.body === undefined) return body;
  if (body.kind === 'json') {
    const value = redactAt(body.value, side.body);
    if (value === body.value) return body;
    // `raw` is the original text, secret included: the redacted value is written instead.
    return { kind: 'json', value, ...(body.encoding ? { encoding: body.encoding } : {}) };
  }
  const rewritten = redactTextBody(body.bytes, side);
  if (rewritten !== null) return rewritten === body.bytes ? body : { kind: 'bytes', bytes: rewritten, ...(body.encoding ? { encoding: body.encoding } : {}) };
  if (strict && body.bytes.length > 0) {
    throw new TapegateError(
      `Failed to redact "${what}": its contract lists sensitive members in the body, but the body is ` +
        `${body.bytes.length} bytes tapegate cannot read as JSON to rewrite; the exchange was not written`,
    );
  }
  return body;
}

/**
 * A query form or an XML body rewritten at its members' wire places; null when the body is
 * neither, or its contract gives no place for a member (then it is refused, as before).
 */
function redactTextBody(bytes: Uint8Array, side: CompiledSide): Uint8Array | null {
  if (bytes.length === 0) return bytes;
  if (looksLikeXml(bytes)) return side.unplaced.xml || side.xml.length === 0 ? null : redactXmlBody(bytes, side.xml);
  return side.unplaced.form || side.form.length === 0 ? null : redactFormBody(bytes, side.form);
}

function redactNamed<V>(entries: Record<string, V>, names: Map<string, string>, replace: (value: V) => V, lowerCase: boolean): Record<string, V> {
  if (names.size === 0) return entries;
  const all = names.has('*') && !lowerCase;
  let changed = false;
  const out = Object.entries(entries).map(([name, value]): [string, V] => {
    if (!all && !names.has(lowerCase ? name.toLowerCase() : name)) return [name, value];
    changed = true;
    return [name, replace(value)];
  });
  return changed ? Object.fromEntries(out) : entries;
}

/** The side's compiled pointers: request, or the response by its status (success or error). */
function sideFor(parts: SensitiveParts, which: 'request' | number): CompiledSide | undefined {
  const all = compile(parts);
  if (which === 'request') return all.request;
  return which < 300 ? all.response : all.errors;
}

export function redactSensitiveRequest(request: RecordedRequest, parts: SensitiveParts, strict: boolean, what: string): RecordedRequest {
  const side = sideFor(parts, 'request');
  if (side === undefined) return request;
  const headers = redactNamed(request.headers, side.headers, () => REDACTED, true);
  const query = redactNamed(request.query, side.query, (values) => values.map(() => REDACTED), false);
  const body = redactBody(request.body, side, strict, what);
  if (headers === request.headers && query === request.query && body === request.body) return request;
  return { ...request, headers, query, body };
}

export function redactSensitiveResponse(response: RecordedResponse, parts: SensitiveParts, strict: boolean, what: string): RecordedResponse {
  const side = sideFor(parts, response.status);
  if (side === undefined) return response;
  const headers = redactNamed(response.headers, side.headers, () => REDACTED, true);
  const body = redactBody(response.body, side, strict, what);
  if (headers === response.headers && body === response.body) return response;
  return { ...response, headers, body };
}
