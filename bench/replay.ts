/**
 * Replay throughput and p99 latency at 1, 1,000, 10,000 and 100,000 distinct exchanges,
 * side by side in one run: a bare Node `http` server answering the same bytes from a map
 * (the baseline), tapegate's replay proxy, and talkback 4 serving the same exchanges as
 * tapes. Each server runs in its own child process; autocannon runs here.
 * Target: tapegate ≥ 0.85 × the bare server's throughput at every size.
 * `node dist/bench/replay.js [sizes...]`
 *
 * `TAPEGATE_BENCH_CPU_PROF=<dir>` runs the tapegate child under `node --cpu-prof` and
 * leaves one .cpuprofile per size in <dir> (Chrome DevTools or speedscope open it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { combine, CONNECTIONS, load, PathCycle, type LoadPart } from './autocannon.js';
import { ChildStartTimeout, startChild, type ChildServer } from './bench-child.js';
import { machineLine } from './machine.js';
import { REQUEST_HEADERS, writeReplayFixtures, type ReplayFixtures } from './replay-fixtures.js';
import { BARE, formatReplay, TALKBACK, TAPEGATE, type Run } from './replay-table.js';

export interface ReplayOptions {
  sizes?: number[];
  /** Measured seconds per server and size, taken as 1 s rounds. */
  rounds?: number;
  warmupSeconds?: number;
  /** A server that has not loaded its exchanges by then is reported as capped (talkback). */
  startTimeoutSeconds?: number;
}

interface Server {
  name: string;
  script: string;
  input: (fixtures: ReplayFixtures) => string | null;
}

const SERVERS: Server[] = [
  { name: BARE, script: 'bare-server.js', input: (f) => f.cassette },
  { name: TAPEGATE, script: 'tapegate-server.js', input: (f) => f.cassette },
  { name: TALKBACK, script: 'talkback-baseline.js', input: (f) => f.tapes },
];

/** A started server and what has been measured of it. */
interface Live {
  server: Server;
  child: ChildServer;
  url: string;
  cycle: PathCycle;
  parts: LoadPart[];
  serverCpuMs: number;
  /** Too slow for 1 s rounds: measured in one block. */
  slow: boolean;
}

function nodeArgsFor(server: Server, size: number): string[] {
  const dir = process.env.TAPEGATE_BENCH_CPU_PROF;
  if (dir === undefined || server.name !== TAPEGATE) return [];
  return ['--cpu-prof', `--cpu-prof-dir=${resolve(dir)}`, `--cpu-prof-name=tapegate-${size}.cpuprofile`];
}

/** Starts a server's child, or says why it is not measured. */
async function start(server: Server, size: number, fixtures: ReplayFixtures, options: Required<ReplayOptions>): Promise<ChildServer | string> {
  const input = server.input(fixtures);
  if (input === null) return 'not run';
  const script = fileURLToPath(new URL(server.script, import.meta.url));
  try {
    return await startChild(script, [input], options.startTimeoutSeconds * 1000, nodeArgsFor(server, size));
  } catch (error) {
    if (error instanceof ChildStartTimeout) return `capped: not loaded within ${options.startTimeoutSeconds} s`;
    throw error;
  }
}

/** One measured run, with the server's CPU time around it. */
async function measureOnce(live: Live, seconds: number): Promise<void> {
  const before = await live.child.usage();
  live.parts.push(await load(live.url, live.cycle, REQUEST_HEADERS, seconds));
  live.serverCpuMs += (await live.child.usage()).cpuMs - before.cpuMs;
}

/**
 * All servers of one size. This machine is shared and the load on it moves from second to
 * second (a trivial server measured 1,700 to 9,100 req/s within one 5 s run), so instead of
 * one 5 s block each, the servers take turns in 1 s rounds, one loaded at a time while the
 * others sit idle: a burst elsewhere then costs them all alike. A server too slow for 1 s
 * rounds (requests still out at the end of a run are lost) gets one block after the rounds.
 */
async function measureSize(size: number, fixtures: ReplayFixtures, options: Required<ReplayOptions>): Promise<Run[]> {
  const lives: Live[] = [];
  const runs: Run[] = [];
  try {
    for (const server of SERVERS) {
      const child = await start(server, size, fixtures, options);
      if (typeof child === 'string') {
        runs.push({ size, server: server.name, result: null, startupMs: null, serverCpuMs: 0, rssMiB: null, distinct: 0, note: child });
        continue;
      }
      const live: Live = { server, child, url: `http://127.0.0.1:${child.port}`, cycle: new PathCycle(fixtures.paths), parts: [], serverCpuMs: 0, slow: false };
      lives.push(live);
      const warm = await load(live.url, live.cycle, REQUEST_HEADERS, options.warmupSeconds);
      // Fewer than 10 round trips per connection a second: a 1 s run would lose too many.
      live.slow = warm.responses < 10 * CONNECTIONS * options.warmupSeconds;
      live.cycle.sent = 0;
    }
    const rotating = lives.filter((live) => !live.slow);
    for (let round = 0; round < options.rounds; round++) {
      for (let i = 0; i < rotating.length; i++) await measureOnce(rotating[(round + i) % rotating.length]!, 1);
    }
    for (const live of lives.filter((l) => l.slow)) await measureOnce(live, options.rounds);
    for (const live of lives) {
      const result = combine(live.parts);
      const notes: string[] = [];
      if (live.slow) notes.push(`one ${options.rounds} s run (too slow for 1 s rounds)`);
      if (result.non2xx > 0) notes.push(`INVALID: ${result.non2xx} non-2xx`);
      if (result.errors > 0) notes.push(`${result.errors} errors/timeouts`);
      runs.push({
        size,
        server: live.server.name,
        result,
        startupMs: live.child.startupMs,
        serverCpuMs: live.serverCpuMs,
        rssMiB: (await live.child.usage()).rssMiB,
        distinct: Math.min(live.cycle.sent, fixtures.paths.length),
        note: notes.join('; '),
      });
    }
  } finally {
    for (const live of lives) await live.child.stop();
  }
  return SERVERS.map((server) => runs.find((run) => run.server === server.name)!);
}

export async function benchReplay(options: ReplayOptions = {}): Promise<string> {
  const settings: Required<ReplayOptions> = {
    sizes: options.sizes ?? [1, 1_000, 10_000, 100_000],
    rounds: options.rounds ?? 5,
    warmupSeconds: options.warmupSeconds ?? 1,
    startTimeoutSeconds: options.startTimeoutSeconds ?? 60,
  };
  const dir = await mkdtemp(join(tmpdir(), 'tapegate-replay-bench-'));
  try {
    const runs: Run[] = [];
    let fixtures: ReplayFixtures | undefined;
    const loadBySize = new Map<number, number>();
    for (const size of settings.sizes) {
      fixtures = await writeReplayFixtures(dir, size, true);
      loadBySize.set(size, loadavg()[0] ?? NaN);
      runs.push(...(await measureSize(size, fixtures, settings)));
      // 100,000 tapes are 100,000 small files: gone before the next size is written.
      await rm(fixtures.cassette, { force: true });
      if (fixtures.tapes) await rm(fixtures.tapes, { recursive: true, force: true });
    }
    return formatReplay(runs, {
      connections: CONNECTIONS,
      loadBySize,
      warmupSeconds: settings.warmupSeconds,
      rounds: settings.rounds,
      bodyBytes: fixtures?.bodyBytes ?? { min: 0, max: 0, mean: 0 },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const text = await benchReplay(sizes.length > 0 ? { sizes } : {});
  process.stdout.write(`machine: ${machineLine()}\n\n${text}\n`);
}
