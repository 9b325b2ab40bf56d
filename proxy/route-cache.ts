/**
 * Remembers which operation a request target routes to. Replay traffic repeats a small set
 * of URLs (a test suite asks the same things again and again), and the router walk with its
 * percent-decoding is a visible part of a hit's cost, so the answer is kept per
 * `METHOD target`. Bounded: when full it starts over rather than growing with odd traffic.
 */
import type { Router } from '../contracts/router.js';

const MAX_ENTRIES = 4096;

export class RouteCache {
  private readonly operations = new Map<string, string | null>();

  constructor(private readonly router: Router) {}

  /**
   * The operation for `method` and `target` (the raw request target, path and query), with
   * `path` and `query` already split from it; null when no operation fits.
   */
  operationOf(method: string, target: string, path: string, query: Record<string, string[]>): string | null {
    const key = method + ' ' + target;
    const known = this.operations.get(key);
    if (known !== undefined) return known;
    const operation = this.router.route(method, path, query)?.operation ?? null;
    if (this.operations.size >= MAX_ENTRIES) this.operations.clear();
    this.operations.set(key, operation);
    return operation;
  }
}
