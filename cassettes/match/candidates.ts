/**
 * Where a miss looks for its closest recorded exchange. Built once with the matcher so
 * a miss never scans the whole cassette: the same operation first (those on the same
 * method and path at the front), else the same method and path, else anything, each
 * capped at `limit` candidates.
 */
import type { Exchange, RecordedRequest } from '../../core/exchange.js';
import { canonicalMethod, canonicalPath } from './canonical.js';
import type { CandidateTier } from './explain.js';

function methodPathOf(request: RecordedRequest): string {
  return canonicalMethod(request.method) + ' ' + canonicalPath(request.path);
}

function push<K>(map: Map<K, Exchange[]>, key: K, exchange: Exchange): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [exchange]);
  else list.push(exchange);
}

export class CandidateIndex {
  private readonly byOperation = new Map<string, Exchange[]>();
  private readonly byMethodPath = new Map<string, Exchange[]>();
  private readonly all: Exchange[] = [];

  constructor(private readonly limit: number) {}

  add(exchange: Exchange): void {
    if (exchange.operation !== null) push(this.byOperation, exchange.operation, exchange);
    push(this.byMethodPath, methodPathOf(exchange.request), exchange);
    if (this.all.length < this.limit) this.all.push(exchange);
  }

  /** The first non-empty tier for this request, or undefined when nothing is recorded. */
  tierFor(operation: string | null, request: RecordedRequest): CandidateTier | undefined {
    const samePath = this.byMethodPath.get(methodPathOf(request)) ?? [];
    const sameOperation = operation === null ? undefined : this.byOperation.get(operation);
    if (sameOperation !== undefined) {
      const picked = new Set<Exchange>();
      for (const exchange of samePath) {
        if (picked.size >= this.limit) break;
        if (exchange.operation === operation) picked.add(exchange);
      }
      for (const exchange of sameOperation) {
        if (picked.size >= this.limit) break;
        picked.add(exchange);
      }
      return { relation: 'same operation', exchanges: [...picked] };
    }
    if (samePath.length > 0) return { relation: 'same method and path', exchanges: samePath.slice(0, this.limit) };
    if (this.all.length > 0) return { relation: 'nearest of all', exchanges: this.all };
    return undefined;
  }
}
