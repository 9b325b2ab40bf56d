/**
 * The replay benchmark's tables: one row per size and server, then the ratios per size.
 * Two ratios against the bare server: measured throughput (the target's), and CPU time per
 * response (what throughput would be if the server alone were the limit; on a shared,
 * busy machine it moves less from run to run than throughput does).
 */
import { cpus } from 'node:os';
import type { LoadResult } from './autocannon.js';
import { table } from './machine.js';

export const TARGET = 0.85;
export const BARE = 'bare Node http';
export const TAPEGATE = 'tapegate';
export const TALKBACK = 'talkback 4';

export interface Run {
  size: number;
  server: string;
  result: LoadResult | null;
  /** Process start to listening, loading included. */
  startupMs: number | null;
  /** CPU time of the server process during the measured runs. */
  serverCpuMs: number;
  rssMiB: number | null;
  /** Distinct paths requested while measured. */
  distinct: number;
  note: string;
}

export interface Setup {
  connections: number;
  /** The machine's 1-minute load average when each size started (others' work included). */
  loadBySize: Map<number, number>;
  warmupSeconds: number;
  rounds: number;
  bodyBytes: { min: number; max: number; mean: number };
}

const count = (value: number) => Math.round(value).toLocaleString('en');
const ms = (value: number) => (value < 10 ? `${value.toFixed(1)} ms` : `${count(value)} ms`);
const share = (part: number, whole: number) => `${Math.round((100 * part) / whole)} %`;
/** Server CPU microseconds per response. */
const cpuPerResponse = (run: Run) => (run.result && run.result.responses > 0 ? (run.serverCpuMs * 1000) / run.result.responses : null);
const fixed = (value: number | null, digits: number) => (value === null || !Number.isFinite(value) ? '-' : value.toFixed(digits));

function row(run: Run, bare: Run | undefined): string[] {
  const r = run.result;
  if (r === null) return [count(run.size), run.server, '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', run.note];
  const perResponse = cpuPerResponse(run);
  return [
    count(run.size),
    run.server,
    count(r.perSecond),
    fixed(bare?.result ? r.perSecond / bare.result.perSecond : null, 2),
    ms(r.p50Ms),
    ms(r.p99Ms),
    share(run.serverCpuMs, r.seconds * 1000),
    perResponse === null ? '-' : `${perResponse.toFixed(0)} µs`,
    share(r.cpuMs, r.seconds * 1000),
    run.rssMiB === null ? '-' : `${Math.round(run.rssMiB)} MiB`,
    count(run.distinct),
    run.startupMs === null ? '-' : `${(run.startupMs / 1000).toFixed(1)} s`,
    run.note,
  ];
}

export function formatReplay(runs: Run[], setup: Setup): string {
  const find = (size: number, server: string) => runs.find((run) => run.size === size && run.server === server);
  const sizes = [...new Set(runs.map((run) => run.size))];
  const detail = table(
    ['exchanges', 'server', 'req/s', '× bare', 'p50', 'p99', 'server CPU', 'server CPU / response', 'autocannon CPU', 'server RSS', 'distinct paths hit', 'startup', 'note'],
    runs.map((run) => row(run, find(run.size, BARE))),
  );
  const perSecond = (size: number, server: string) => find(size, server)?.result?.perSecond ?? null;
  const divide = (a: number | null, b: number | null) => (a === null || b === null ? null : a / b);
  const summary = table(
    ['exchanges', 'tapegate / bare req/s', `≥ ${TARGET}`, 'bare / tapegate CPU per response', 'talkback / bare req/s', 'tapegate / talkback req/s'],
    sizes.map((size) => {
      const throughput = divide(perSecond(size, TAPEGATE), perSecond(size, BARE));
      const bareCpu = find(size, BARE);
      const tapegateCpu = find(size, TAPEGATE);
      return [
        count(size),
        fixed(throughput, 3),
        throughput === null ? '-' : throughput >= TARGET ? 'yes' : 'NO',
        fixed(divide(bareCpu ? cpuPerResponse(bareCpu) : null, tapegateCpu ? cpuPerResponse(tapegateCpu) : null), 2),
        fixed(divide(perSecond(size, TALKBACK), perSecond(size, BARE)), 3),
        fixed(divide(perSecond(size, TAPEGATE), perSecond(size, TALKBACK)), 1),
      ];
    }),
  );
  const { min, max, mean } = setup.bodyBytes;
  return [
    `Replay: autocannon with ${setup.connections} connections, GETs cycling over every recorded path (response bodies ${min}–${max} bytes, mean ${Math.round(mean)}).`,
    `Each server in its own process, loaded one at a time: ${setup.warmupSeconds} s warm-up each, then ${setup.rounds} rounds in which each server in turn takes 1 s of load`,
    `(${setup.rounds} s measured per server and size). autocannon runs in the parent and shares the cores with the server; CPU shares are of one core.`,
    '',
    detail,
    '',
    summary,
    '',
    `1-minute load average when each size started (${cpus().length} cores; above that, other work competed for them): ` +
      sizes.map((size) => `${count(size)}: ${fixed(setup.loadBySize.get(size) ?? null, 1)}`).join(', ') +
      '.',
  ].join('\n');
}
