/**
 * method + path (+ query literals) → operation id. The hinge of the request flow: every later
 * step speaks in operations, so two operations the router cannot tell apart are refused when
 * it is built, not discovered at request time.
 *
 * Matching rules, in order of precedence at every depth:
 *  1. a literal segment (compared after percent-decoding the request segment);
 *  2. a plain label `{name}`, which takes exactly one non-empty segment;
 *  3. a greedy label `{name+}`, which takes one or more segments, slashes included.
 * When a branch dead-ends the walk backtracks and tries the next one, so `/a/{x}/c` still
 * matches `/a/b/c` even though a literal `/a/b/d` exists.
 *
 * Greedy labels: a pattern that continues after the greedy label (`/files/{key+}/meta`)
 * beats one that ends with it (`/files/{key+}`), and the greedy label takes as many
 * segments as it can while the rest of its pattern still matches: `/files/a/meta/meta`
 * gives `key = "a/meta"`. Because a trailing slash is ignored, a greedy value never ends in `/`.
 *
 * Query literals (`/restapis?mode=import`): an operation with them matches only when the
 * request's query has every one of them (a bare `?name` literal only needs the name), and it
 * beats an operation at the same path with fewer literals.
 *
 * Per request: one split of the path, one decode per segment that holds a `%`, a trie walk.
 * No regular expressions.
 */
import type { OperationContract } from './types.js';
import { TapegateError } from '../core/errors.js';
import { decodeSegment, parseRequestUri, type ParsedUri } from './uri-template.js';

export interface RouteMatch {
  /** Operation id, e.g. `apigateway.UpdateIntegrationResponse`. */
  operation: string;
  /** Decoded label values by label name. */
  labels: Record<string, string>;
}

export type RoutableOperation = Pick<OperationContract, 'id' | 'http'>;

/** One operation at the trie node where its path pattern ends. */
interface Endpoint {
  id: string;
  uri: string;
  /** Label names in path order: the walk captures values in the same order. */
  labelNames: string[];
  queryLiterals: [name: string, value: string][];
  /** Canonical form of the query literals, to spot duplicates. */
  queryKey: string;
}

interface Node {
  literals: Map<string, Node>;
  label: Node | null;
  greedy: Node | null;
  /** Sorted: more query literals first, so the most specific operation wins. */
  endpoints: Endpoint[];
}

const newNode = (): Node => ({ literals: new Map(), label: null, greedy: null, endpoints: [] });

export interface RouterOptions {
  /**
   * `refuse` (default): two operations with one method, path pattern and query literals are a
   * broken contract. `first`: the earlier one is kept; for a router over several services
   * (a request that names none), where two services may well share a path (`GET /`).
   */
  twins?: 'refuse' | 'first';
}

export class Router {
  /** One trie per upper-cased HTTP method. */
  private readonly tries = new Map<string, Node>();
  private readonly keepFirstTwin: boolean;

  constructor(operations: Iterable<RoutableOperation>, options: RouterOptions = {}) {
    this.keepFirstTwin = options.twins === 'first';
    for (const operation of operations) this.add(operation);
  }

  private add({ id, http }: RoutableOperation): void {
    const method = http.method.toUpperCase();
    let parsed: ParsedUri;
    try {
      parsed = parseRequestUri(http.uri);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new TapegateError(`Failed to add operation "${id}" to the router: ${reason}`, 2);
    }
    let node: Node = this.tries.get(method) ?? newNode();
    this.tries.set(method, node);
    const labelNames: string[] = [];
    for (const segment of parsed.segments) {
      if (segment.kind === 'literal') {
        const next: Node = node.literals.get(segment.value) ?? newNode();
        node.literals.set(segment.value, next);
        node = next;
      } else if (segment.greedy) {
        node = node.greedy ??= newNode();
        labelNames.push(segment.name);
      } else {
        node = node.label ??= newNode();
        labelNames.push(segment.name);
      }
    }
    const queryLiterals = Object.entries(parsed.queryLiterals).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const queryKey = JSON.stringify(queryLiterals);
    const twin = node.endpoints.find((e) => e.queryKey === queryKey);
    if (twin && this.keepFirstTwin) return;
    if (twin) {
      throw new TapegateError(
        `Failed to build router "${method} ${http.uri}": operations "${twin.id}" (${twin.uri}) and "${id}" ` +
          `(${http.uri}) are indistinguishable: same method, same path pattern, same query literals`,
        2,
      );
    }
    node.endpoints.push({ id, uri: http.uri, labelNames, queryLiterals, queryKey });
    // Stable tie-break by id keeps routing independent of the input order.
    node.endpoints.sort((a, b) => b.queryLiterals.length - a.queryLiterals.length || (a.id < b.id ? -1 : 1));
  }

  /**
   * The operation for a request, or null when none fits (unknown path, wrong method,
   * missing query literal, malformed percent escape). `path` is the request path without
   * its query string (anything from a `?` on is ignored); `query` holds decoded names/values.
   */
  route(method: string, path: string, query?: Record<string, string[]>): RouteMatch | null {
    const root = this.tries.get(method.toUpperCase());
    if (!root || !path.startsWith('/')) return null;
    const q = path.indexOf('?');
    if (q !== -1) path = path.slice(0, q);
    const body = path.length > 1 && path.endsWith('/') ? path.slice(1, -1) : path.slice(1);
    const segments = body === '' ? [] : body.split('/');
    for (let i = 0; i < segments.length; i++) {
      const decoded = decodeSegment(segments[i]!);
      if (decoded === null) return null;
      segments[i] = decoded;
    }
    const captured: string[] = [];
    const endpoint = walk(root, segments, 0, captured, query);
    if (!endpoint) return null;
    const labels: Record<string, string> = {};
    endpoint.labelNames.forEach((name, i) => (labels[name] = captured[i]!));
    return { operation: endpoint.id, labels };
  }
}

/** Depth-first walk with backtracking; `captured` holds label values on the current branch. */
function walk(node: Node, segments: string[], at: number, captured: string[], query: Record<string, string[]> | undefined): Endpoint | null {
  if (at === segments.length) return pickEndpoint(node.endpoints, query);
  const segment = segments[at]!;
  const literal = node.literals.get(segment);
  if (literal) {
    const found = walk(literal, segments, at + 1, captured, query);
    if (found) return found;
  }
  if (node.label && segment !== '') {
    captured.push(segment);
    const found = walk(node.label, segments, at + 1, captured, query);
    if (found) return found;
    captured.pop();
  }
  if (node.greedy) {
    // Longest take that leaves a continuation first, then the take of everything (see header).
    const continues = node.greedy.literals.size > 0 || node.greedy.label !== null || node.greedy.greedy !== null;
    for (let end = segments.length - 1; continues && end > at; end--) {
      const found = takeGreedy(node.greedy, segments, at, end, captured, query);
      if (found) return found;
    }
    return takeGreedy(node.greedy, segments, at, segments.length, captured, query);
  }
  return null;
}

function takeGreedy(node: Node, segments: string[], from: number, end: number, captured: string[], query: Record<string, string[]> | undefined): Endpoint | null {
  const value = segments.slice(from, end).join('/');
  if (value === '') return null;
  captured.push(value);
  const found = walk(node, segments, end, captured, query);
  if (!found) captured.pop();
  return found;
}

function pickEndpoint(endpoints: Endpoint[], query: Record<string, string[]> | undefined): Endpoint | null {
  for (const endpoint of endpoints) {
    if (endpoint.queryLiterals.every(([name, value]) => hasQueryLiteral(query, name, value))) return endpoint;
  }
  return null;
}

function hasQueryLiteral(query: Record<string, string[]> | undefined, name: string, value: string): boolean {
  if (!query || !Object.hasOwn(query, name)) return false;
  const values = query[name];
  return Array.isArray(values) && (value === '' || values.includes(value));
}
