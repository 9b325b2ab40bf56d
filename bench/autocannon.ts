/**
 * The load generator of the replay benchmark: autocannon, 64 keep-alive connections, GETs
 * that cycle over every recorded path. The paths come from one cursor shared by all
 * connections (autocannon's `requests` array would restart at the first path on each
 * connection and hold a built request per path per connection), stepping by a prime so that
 * consecutive requests land far apart in the cassette, as a test suite's would.
 * Latencies are collected per response (autocannon's own histogram keeps whole
 * milliseconds), so several short runs can be combined into one set of percentiles.
 */
import autocannon from 'autocannon';

export const CONNECTIONS = 64;
/** Prime, so coprime with the benchmark's sizes (powers of ten): every path comes round. */
const STRIDE = 7919;

/** The shared cursor; one per server, so each run goes on where the last one stopped. */
export class PathCycle {
  private cursor = 0;
  /** Paths handed out so far. */
  sent = 0;

  constructor(readonly paths: readonly string[]) {
    if (paths.length === 0) throw new Error('Failed to cycle paths: there are none');
  }

  next(): string {
    const path = this.paths[this.cursor] as string;
    this.cursor = (this.cursor + STRIDE) % this.paths.length;
    this.sent++;
    return path;
  }
}

/** One autocannon run, raw. */
export interface LoadPart {
  seconds: number;
  responses: number;
  /** Responses that were not 2xx (a miss in a replay server): any makes the result invalid. */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Milliseconds, one per 2xx response. */
  latencies: number[];
  /** CPU time of this process (the load generator) during the run. */
  cpuMs: number;
}

export async function load(url: string, cycle: PathCycle, headers: Readonly<Record<string, string>>, seconds: number): Promise<LoadPart> {
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const run = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    // A server slower than this per request is reported through `errors`, not waited for.
    timeout: 10,
    headers: { ...headers },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          request.path = cycle.next();
          return request;
        },
      },
    ],
  });
  // The promise form is also the event emitter (autocannon's tracker is thenable).
  (run as unknown as autocannon.Instance).on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await run;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    seconds: result.duration,
    responses: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    latencies,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

export interface LoadResult extends Omit<LoadPart, 'latencies'> {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

/** Several runs against one server as one: totals, and percentiles over every response. */
export function combine(parts: LoadPart[]): LoadResult {
  const sum = (pick: (part: LoadPart) => number) => parts.reduce((total, part) => total + pick(part), 0);
  const sorted = Float64Array.from(parts.flatMap((part) => part.latencies)).sort();
  const seconds = sum((p) => p.seconds);
  const responses = sum((p) => p.responses);
  return {
    seconds,
    responses,
    non2xx: sum((p) => p.non2xx),
    errors: sum((p) => p.errors),
    cpuMs: sum((p) => p.cpuMs),
    perSecond: responses / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
  };
}
