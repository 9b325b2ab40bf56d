/**
 * Cassette open time against JSON.parse of the same exchanges, at 1,000 / 10,000 / 100,000
 * realistic API Gateway exchanges, and resident memory after opening 100,000 (each
 * measured in a fresh process, so one measurement's garbage does not count in another's).
 * Run: `npx tsc -p tsconfig.build.json && node dist/bench/cassette-open.js`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cassetteToJson } from '../cassettes/format/json.js';
import { sampleExchange, sampleHeader } from '../test/support/samples/cassette-samples.js';
import { readCassette, writeCassette } from '../cassettes/format/store.js';
import { machineLine, table } from './machine.js';

export interface Row {
  exchanges: number;
  cassetteBytes: number;
  jsonBytes: number;
  /** readCassette: one readFile, checksums, msgpack decode, shape checks. Median of several runs. */
  openMs: number;
  /** readFile + JSON.parse of the JSON form of the same exchanges. Median of several runs. */
  jsonParseMs: number;
  /** Resident set size of a fresh process holding the opened cassette / the parsed JSON (largest size only). */
  openRssMiB?: number;
  jsonRssMiB?: number;
}

const SIZES = [1_000, 10_000, 100_000];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median of `runs` timings, after one untimed warm-up run (JIT, file cache). */
async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** RSS (MiB) of a fresh process after it opened `file` one way or the other, result kept alive. */
function rssAfterOpen(file: string, how: 'cassette' | 'json'): number {
  const store = new URL('../cassettes/store.js', import.meta.url).href;
  const script = `
    const { readFile } = await import('node:fs/promises');
    const { readCassette } = await import(${JSON.stringify(store)});
    const file = ${JSON.stringify(file)};
    const held = ${how === 'cassette' ? 'await readCassette(file)' : "JSON.parse(await readFile(file, 'utf8'))"};
    globalThis.gc?.();
    console.log(JSON.stringify({ rss: process.memoryUsage().rss, n: (held.exchanges ?? held).length }));`;
  const output = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return (JSON.parse(output) as { rss: number }).rss / 2 ** 20;
}

export async function benchCassetteOpen(sizes: number[] = SIZES): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'tapegate-bench-'));
  try {
    const rows: Row[] = [];
    for (const size of sizes) {
      const exchanges = Array.from({ length: size }, (_, seq) => sampleExchange(seq));
      const cassette = join(dir, `${size}.cassette`);
      const json = join(dir, `${size}.json`);
      await writeCassette(cassette, sampleHeader(), exchanges);
      await writeFile(json, JSON.stringify(cassetteToJson({ header: sampleHeader(), exchanges })));
      const runs = Math.max(3, Math.min(21, Math.round(100_000 / size)));
      const row: Row = {
        exchanges: size,
        cassetteBytes: (await stat(cassette)).size,
        jsonBytes: (await stat(json)).size,
        openMs: await timed(runs, () => readCassette(cassette)),
        jsonParseMs: await timed(runs, async () => JSON.parse(await readFile(json, 'utf8')) as unknown),
      };
      if (size === Math.max(...sizes)) {
        row.openRssMiB = rssAfterOpen(cassette, 'cassette');
        row.jsonRssMiB = rssAfterOpen(json, 'json');
      }
      rows.push(row);
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

export function formatRows(rows: Row[]): string {
  return table(
    ['exchanges', 'cassette size', 'JSON size', 'open cassette', 'JSON.parse', 'open / parse', 'RSS cassette', 'RSS JSON'],
    rows.map((row) => [
      row.exchanges.toLocaleString('en'),
      mib(row.cassetteBytes),
      mib(row.jsonBytes),
      `${row.openMs.toFixed(1)} ms`,
      `${row.jsonParseMs.toFixed(1)} ms`,
      (row.openMs / row.jsonParseMs).toFixed(2),
      row.openRssMiB === undefined ? '-' : `${row.openRssMiB.toFixed(0)} MiB`,
      row.jsonRssMiB === undefined ? '-' : `${row.jsonRssMiB.toFixed(0)} MiB`,
    ]),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await benchCassetteOpen();
  process.stdout.write(`machine: ${machineLine()}\n\n${formatRows(rows)}\n`);
}
