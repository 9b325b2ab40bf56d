/**
 * botocore `requestUri` templates: `/restapis/{restapi_id}/resources/{resource_id}`,
 * `/restapis?mode=import`, `/{Bucket}/{Key+}`.
 *
 * Parsing happens once per operation (when contracts are generated or a router is built),
 * never per request, so clarity wins over speed here. The router and the contract generator
 * share `parseRequestUri`; tests and the fake server build request paths with `fillUri`.
 */
import { TapegateError } from '../core/errors.js';

/** One `/`-separated piece of a template path. Literal values are percent-decoded. */
export type Segment = { kind: 'literal'; value: string } | { kind: 'label'; name: string; greedy: boolean };

export interface ParsedUri {
  segments: Segment[];
  /** `?mode=import` → `{mode: "import"}`; a bare `?uploads` → `{uploads: ""}`. */
  queryLiterals: Record<string, string>;
}

/** A segment with the template text it came from, so `fillUri` can keep literals verbatim. */
interface Token {
  raw: string;
  segment: Segment;
}

/** `decodeURIComponent` that answers null for a malformed escape instead of throwing. */
export function decodeSegment(raw: string): string | null {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * RFC 3986 percent-encoding: everything but unreserved characters, so `a b/c` becomes
 * `a%20b%2Fc`. encodeURIComponent leaves `!'()*` alone; SigV4 and the SDKs encode them.
 */
export function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function fail(uri: string, reason: string): never {
  throw new TapegateError(`Failed to parse request URI "${uri}": ${reason}`, 2);
}

/** Splits the path part of a template; the query part is handled by `parseQueryLiterals`. */
function tokenize(uri: string): { tokens: Token[]; query: string | null } {
  if (!uri.startsWith('/')) fail(uri, 'it must start with "/"');
  const q = uri.indexOf('?');
  const path = q === -1 ? uri : uri.slice(0, q);
  const query = q === -1 ? null : uri.slice(q + 1);
  // Same rule as for requests: a trailing slash is not a segment.
  const body = path.length > 1 && path.endsWith('/') ? path.slice(1, -1) : path.slice(1);
  const tokens: Token[] = [];
  const seen = new Set<string>();
  for (const raw of body === '' ? [] : body.split('/')) {
    if (raw === '') fail(uri, 'it has an empty segment');
    if (raw.startsWith('{') && raw.endsWith('}')) {
      const inner = raw.slice(1, -1);
      const greedy = inner.endsWith('+');
      const name = greedy ? inner.slice(0, -1) : inner;
      if (name === '' || /[{}+]/.test(name)) fail(uri, `"${raw}" is not a valid label`);
      if (seen.has(name)) fail(uri, `label "${name}" appears twice`);
      seen.add(name);
      tokens.push({ raw, segment: { kind: 'label', name, greedy } });
    } else if (raw.includes('{') || raw.includes('}')) {
      // botocore allows `prefix{label}` in a few services; none of ours need it, so refuse
      // loudly rather than route it wrongly.
      fail(uri, `segment "${raw}" mixes a label with literal text, which is not supported`);
    } else {
      const value = decodeSegment(raw);
      if (value === null) fail(uri, `segment "${raw}" has a malformed percent escape`);
      tokens.push({ raw, segment: { kind: 'literal', value } });
    }
  }
  return { tokens, query };
}

function parseQueryLiterals(uri: string, query: string | null): Record<string, string> {
  const literals: Record<string, string> = {};
  if (query === null) return literals;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeSegment(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeSegment(pair.slice(eq + 1));
    if (name === null || value === null) fail(uri, `query literal "${pair}" has a malformed percent escape`);
    if (name === '') fail(uri, `query literal "${pair}" has no name`);
    if (Object.hasOwn(literals, name)) fail(uri, `query literal "${name}" appears twice`);
    literals[name] = value;
  }
  return literals;
}

/** Parses a botocore `requestUri`; throws a TapegateError (exit code 2) for a template it cannot route. */
export function parseRequestUri(uri: string): ParsedUri {
  const { tokens, query } = tokenize(uri);
  return { segments: tokens.map((t) => t.segment), queryLiterals: parseQueryLiterals(uri, query) };
}

/**
 * Fills a template's labels: `{name}` gets its value percent-encoded as one segment (a `/`
 * becomes `%2F`); `{name+}` keeps its slashes and encodes each piece between them. Literal
 * segments and the query literals are kept exactly as the template writes them.
 * Throws when a label has no value or an empty one (no request can carry an empty segment).
 */
export function fillUri(uri: string, labels: Record<string, string>): string {
  const { tokens, query } = tokenize(uri);
  const parts = tokens.map(({ raw, segment }) => {
    if (segment.kind === 'literal') return raw;
    const value = Object.hasOwn(labels, segment.name) ? labels[segment.name] : undefined;
    if (value === undefined || value === '') {
      throw new TapegateError(`Failed to fill request URI "${uri}": label "${segment.name}" has no value`, 2);
    }
    return segment.greedy ? value.split('/').map(encodeSegment).join('/') : encodeSegment(value);
  });
  return `/${parts.join('/')}${query === null ? '' : `?${query}`}`;
}
