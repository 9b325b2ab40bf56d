/**
 * Operations of one rest-xml service that share a method and URI template (S3 has thirteen
 * such groups: PutObject, CopyObject, UploadPart and UploadPartCopy are all
 * `PUT /{Bucket}/{Key+}`). A request picks one as the SDKs' requests show it:
 *  1. the `x-id` query parameter the JavaScript SDK adds (`x-id=CopyObject`) names it;
 *  2. else the operation whose required query and header members (`uploadId`, `partNumber`,
 *     `x-amz-copy-source`) are all present, the one requiring most first;
 *  3. else, among equals, the one the model does not mark deprecated, then by name.
 */
import { ownValue } from '../../core/own.js';
import type { ServiceModel } from '../wire/model.js';
import { modelShape } from '../wire/model-shapes.js';
import type { RouteRequest } from './types.js';

interface Twin {
  id: string;
  name: string;
  /** Required members outside the URI: query names and lower-case header names. */
  query: string[];
  headers: string[];
}

export class TwinGroups {
  /** A group's first operation id → its operations' names, until a request picks among them. */
  private readonly unsorted = new Map<string, string[]>();
  /** A group's first operation id → the group, most specific first. */
  private readonly groups = new Map<string, Twin[]>();
  /** One operation per method and URI, for the path router. */
  readonly representatives: { id: string; http: { method: string; uri: string; successStatus: number } }[] = [];

  constructor(
    private readonly service: string,
    private readonly model: ServiceModel,
  ) {
    const byLine = new Map<string, string[]>();
    for (const operation of Object.values(model.operations)) {
      const line = `${operation.http.method.toUpperCase()} ${operation.http.requestUri}`;
      const names = byLine.get(line);
      if (names === undefined) {
        byLine.set(line, [operation.name]);
        this.representatives.push({
          id: `${service}.${operation.name}`,
          http: { method: operation.http.method, uri: operation.http.requestUri, successStatus: operation.http.responseCode ?? 200 },
        });
      } else names.push(operation.name);
    }
    for (const names of byLine.values()) if (names.length > 1) this.unsorted.set(`${service}.${names[0]!}`, names);
  }

  /** The operation of `request` among the twins of `routed` (itself when it has none). */
  pick(routed: string, request: RouteRequest): string {
    const group = this.group(routed);
    if (group === undefined) return routed;
    const query = request.query ?? {};
    const named = ownValue(query, 'x-id')?.[0];
    if (named !== undefined) {
      const twin = group.find((candidate) => candidate.name === named);
      if (twin !== undefined) return twin.id;
    }
    const headers = request.headers ?? {};
    const fits = group.find((twin) => twin.query.every((name) => Object.hasOwn(query, name)) && twin.headers.every((name) => Object.hasOwn(headers, name)));
    return (fits ?? group[group.length - 1]!).id;
  }

  /**
   * The twins of `routed`, most specific first; undefined when it has none. Sorted on the first
   * request for the group: that reads each twin's input shape, which a service's first request
   * should not pay for every group (S3's thirteen hold 28 operations).
   */
  private group(routed: string): Twin[] | undefined {
    const sorted = this.groups.get(routed);
    if (sorted !== undefined) return sorted;
    const names = this.unsorted.get(routed);
    if (names === undefined) return undefined;
    const deprecated = (twin: Twin): number => (this.model.operations[twin.name]?.deprecated ? 1 : 0);
    const group = names
      .map((name) => twinOf(this.service, this.model, name))
      .sort((a, b) => b.query.length + b.headers.length - (a.query.length + a.headers.length) || deprecated(a) - deprecated(b) || (a.name < b.name ? -1 : 1));
    this.groups.set(routed, group);
    this.unsorted.delete(routed);
    return group;
  }
}

function twinOf(service: string, model: ServiceModel, name: string): Twin {
  const operation = model.operations[name]!;
  const twin: Twin = { id: `${service}.${name}`, name, query: [], headers: [] };
  const input = operation.input === undefined ? undefined : modelShape(model, operation.input.shape);
  for (const member of input?.required ?? []) {
    const ref = input?.members?.[member];
    if (ref?.location === 'querystring') twin.query.push(ref.locationName ?? member);
    else if (ref?.location === 'header') twin.headers.push((ref.locationName ?? member).toLowerCase());
  }
  return twin;
}
