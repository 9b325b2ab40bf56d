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
import type { RouteRequest } from './types.js';

interface Twin {
  id: string;
  name: string;
  /** Required members outside the URI: query names and lower-case header names. */
  query: string[];
  headers: string[];
}

export class TwinGroups {
  /** A group's first operation id → the group, most specific first. */
  private readonly groups = new Map<string, Twin[]>();
  /** One operation per method and URI, for the path router. */
  readonly representatives: { id: string; http: { method: string; uri: string; successStatus: number } }[] = [];

  constructor(service: string, model: ServiceModel) {
    const byLine = new Map<string, Twin[]>();
    for (const operation of Object.values(model.operations)) {
      const line = `${operation.http.method.toUpperCase()} ${operation.http.requestUri}`;
      const twin = twinOf(service, model, operation.name);
      const group = byLine.get(line);
      if (group === undefined) {
        byLine.set(line, [twin]);
        this.representatives.push({ id: twin.id, http: { method: operation.http.method, uri: operation.http.requestUri, successStatus: operation.http.responseCode ?? 200 } });
      } else group.push(twin);
    }
    for (const group of byLine.values()) {
      if (group.length < 2) continue;
      const deprecated = (twin: Twin): number => (model.operations[twin.name]?.deprecated ? 1 : 0);
      const sorted = [...group].sort(
        (a, b) => b.query.length + b.headers.length - (a.query.length + a.headers.length) || deprecated(a) - deprecated(b) || (a.name < b.name ? -1 : 1),
      );
      this.groups.set(group[0]!.id, sorted);
    }
  }

  /** The operation of `request` among the twins of `routed` (itself when it has none). */
  pick(routed: string, request: RouteRequest): string {
    const group = this.groups.get(routed);
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
}

function twinOf(service: string, model: ServiceModel, name: string): Twin {
  const operation = model.operations[name]!;
  const twin: Twin = { id: `${service}.${name}`, name, query: [], headers: [] };
  const input = operation.input === undefined ? undefined : ownValue(model.shapes, operation.input.shape);
  for (const member of input?.required ?? []) {
    const ref = input?.members?.[member];
    if (ref?.location === 'querystring') twin.query.push(ref.locationName ?? member);
    else if (ref?.location === 'header') twin.headers.push((ref.locationName ?? member).toLowerCase());
  }
  return twin;
}
