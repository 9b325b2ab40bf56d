/**
 * Record-mode overhead (issue: recording fixtures): what the recording proxy adds to a call,
 * against calling the upstream directly, side by side in one run.
 *
 * - Added latency: one client, one keep-alive connection, calls one after another, p50/p99
 *   of the proxy minus the same of the upstream alone. Each recorded exchange is fsynced
 *   before its response is delivered (crash safety), so the journal's disk is part of the
 *   price: it is measured on the temp folder's disk and, where there is one, on /dev/shm.
 * - Throughput at 64 connections (autocannon), where group commit shares fsyncs.
 * The upstream is the bare benchmark server (bench/bare-server.ts) serving GET reads.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { combine, load, PathCycle } from './autocannon.js';
import { startChild, type ChildServer } from './bench-child.js';
import { machineLine, table } from './machine.js';
import { REQUEST_HEADERS, writeReplayFixtures } from './replay-fixtures.js';

const SEQUENTIAL_CALLS = 1500;
const LOAD_SECONDS = 5;
const script = (name: string) => fileURLToPath(new URL(`./${name}.js`, import.meta.url));

/** Latencies (ms) of `count` calls made one after another on one keep-alive connection. */
async function sequentialLatencies(port: number, paths: readonly string[], count: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const started = process.hrtime.bigint();
      await new Promise<void>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: paths[(i * 7919) % paths.length], agent, headers: REQUEST_HEADERS }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
        });
        req.on('error', reject);
        req.end();
      });
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } finally {
    agent.destroy();
  }
  return latencies.sort((a, b) => a - b);
}

const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

interface Row {
  name: string;
  p50: number;
  p99: number;
  perSecond: number;
}

async function measure(name: string, server: ChildServer, paths: string[]): Promise<Row> {
  await sequentialLatencies(server.port, paths, 200); // warm-up: JIT, contract compilation
  const latencies = await sequentialLatencies(server.port, paths, SEQUENTIAL_CALLS);
  const loaded = combine([await load(`http://127.0.0.1:${server.port}`, new PathCycle(paths), REQUEST_HEADERS, LOAD_SECONDS)]);
  if (loaded.non2xx > 0 || loaded.errors > 0) throw new Error(`${name}: ${loaded.non2xx} non-2xx responses and ${loaded.errors} errors under load`);
  return { name, p50: at(latencies, 0.5), p99: at(latencies, 0.99), perSecond: loaded.perSecond };
}

export async function benchRecordOverhead(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tapegate-bench-record-'));
  const memory = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/tapegate-bench-record-') : null;
  const children: ChildServer[] = [];
  try {
    const fixtures = await writeReplayFixtures(dir, 1000, false);
    const upstream = await startChild(script('bare-server'), [fixtures.cassette], 60_000);
    children.push(upstream);
    const rows = [await measure('upstream alone (bare server)', upstream, fixtures.paths)];
    // The floor: what a buffering forward proxy on Node's http costs before any work of its own.
    const floor = await startChild(script('bare-proxy'), [`http://127.0.0.1:${upstream.port}`], 60_000);
    children.push(floor);
    rows.push(await measure('bare forwarding proxy (floor: no signing, no journal)', floor, fixtures.paths));
    await floor.stop();
    children.pop();
    const journals: [string, string][] = [["journal on the temp folder's disk", dir]];
    if (memory) journals.push(['journal on /dev/shm (memory)', memory]);
    for (const [name, folder] of journals) {
      const proxy = await startChild(script('record-server'), [join(folder, 'recorded.cassette'), `http://127.0.0.1:${upstream.port}`], 60_000);
      children.push(proxy);
      rows.push(await measure(`tapegate record, ${name}`, proxy, fixtures.paths));
      await proxy.stop();
      children.pop();
    }
    const base = rows[0]!;
    return [
      `machine: ${machineLine()}`,
      '',
      table(
        ['server', `p50 (1 connection)`, 'p99', 'added p50', 'added p99', 'throughput, 64 connections', 'ratio'],
        rows.map((row) => [
          row.name,
          `${row.p50.toFixed(2)} ms`,
          `${row.p99.toFixed(2)} ms`,
          row === base ? '-' : `${(row.p50 - base.p50).toFixed(2)} ms`,
          row === base ? '-' : `${(row.p99 - base.p99).toFixed(2)} ms`,
          `${Math.round(row.perSecond).toLocaleString('en')} /s`,
          (row.perSecond / base.perSecond).toFixed(2),
        ]),
      ),
      '',
      `${SEQUENTIAL_CALLS} sequential GETs for the latencies, then ${LOAD_SECONDS} s of autocannon; target: added p50 under 1 ms.`,
      'The floor row is a bare Node forwarding proxy (bench/bare-proxy.ts) between the same load and upstream: no recording proxy in Node can beat it on this machine.',
    ].join('\n');
  } finally {
    for (const child of children) await child.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    if (memory) rmSync(memory, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${await benchRecordOverhead()}\n`);
}
