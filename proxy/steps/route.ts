/**
 * Step 2, route: which operation a request is. The answer is remembered per request
 * target: replay traffic repeats a small set of URLs (a test suite asks the same things again and again), and the router walk with its
 * percent-decoding is a visible part of a hit's cost, so the answer is kept per
 * `METHOD target` and what else decides the operation: the `X-Amz-Target` (in the line) and the
 * service the request names (its SigV4 signing name, else an AWS Host), since Lambda's and another
 * service's request may share a method and path. Bounded: when full it starts over rather than growing with odd traffic.
 * Replay sizes it from the cassette (a suite asks at most about what was recorded), so that a
 * large cassette does not miss on every request and walk the router each time.
 */
import { namedServiceOf } from '../../core/aws-service.js';
import type { ContractRouter, RouteRequest } from '../../contracts/service-router.js';

/** The least capacity, for small cassettes and for recording. */
export const MIN_ROUTE_CACHE_ENTRIES = 4096;

export class RouteCache {
  private readonly operations = new Map<string, string | null>();

  private readonly capacity: number;

  /** `expected`: how many distinct targets to plan for (replay: twice the cassette's exchanges). */
  constructor(
    private readonly router: ContractRouter,
    expected = 0,
  ) {
    this.capacity = Math.max(MIN_ROUTE_CACHE_ENTRIES, expected);
  }

  /**
   * The operation for the request line `line` (`METHOD target`, the target raw: path and
   * query) of `request`; null when no operation fits. The line is the caller's: the matcher's
   * shortcut keys on the same string.
   */
  operationOf(line: string, request: RouteRequest): string | null {
    const named = request.headers === undefined ? null : namedServiceOf(request.headers);
    // A newline never occurs in a request line or a header value: the two parts cannot run together.
    let key = named === null ? line : line + '\n' + named;
    // An unsigned S3 request whose bucket came in the Host routes to S3, the same line path-style to nothing (rest-xml.ts).
    if (request.addressing !== undefined) key += '\n' + request.addressing;
    const known = this.operations.get(key);
    if (known !== undefined) return known;
    const operation = this.router.route(request, named)?.operation ?? null;
    if (this.operations.size >= this.capacity) this.operations.clear();
    this.operations.set(key, operation);
    return operation;
  }
}
