/**
 * `node dist/bench/drift-release.js`: `tapegate drift` and `tapegate contracts generate`
 * over every rest-json service of a whole botocore release (bench/botocore-release.ts
 * finds or derives the two data folders), each in its own process as a user runs them:
 * wall time and peak RSS. Targets (issue 12): the drift under 60 s on this machine, and
 * memory that of the largest service rather than the sum of all.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../core/package-root.js';
import { newestRelease, olderRelease } from './botocore-release.js';
import type { ChildUsage } from './measure-child.js';
import { machineLine, table } from './machine.js';

const CLI = join(packageRoot(), 'dist', 'harness', 'cli.js');
const MEASURE = join(packageRoot(), 'dist', 'bench', 'measure-child.js');

function measured(args: string[], scratch: string): ChildUsage & { stdout: string; stderr: string } {
  const usageFile = join(scratch, 'usage.json');
  const child = spawnSync(process.execPath, [MEASURE, CLI, ...args], {
    env: { ...process.env, TAPEGATE_BENCH_USAGE: usageFile },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: 600_000,
  });
  if (child.status !== 0) throw new Error(`tapegate ${args.join(' ')} exited ${String(child.status)}: ${child.stderr.slice(0, 500)}`);
  return { ...(JSON.parse(readFileSync(usageFile, 'utf8')) as ChildUsage), stdout: child.stdout, stderr: child.stderr };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (value: number) => `${value.toFixed(0)} MiB`;

export function benchDriftRelease(): string {
  const scratch = mkdtempSync(join(tmpdir(), 'tapegate-bench-release-'));
  try {
    const newest = newestRelease();
    const older = olderRelease(newest, join(scratch, 'older'));
    const report = join(scratch, 'drift.json');
    const drift = measured(['drift', '--from', older.path, '--to', newest.path, '--format', 'json', '--output', report, '--fail-on', 'never'], scratch);
    const result = JSON.parse(readFileSync(report, 'utf8')) as { summary: { breaking: number; warn: number; info: number; operations: number }; notes: string[] };
    const textFile = join(scratch, 'drift.txt');
    const text = measured(['drift', '--from', older.path, '--to', newest.path, '--output', textFile, '--fail-on', 'never'], scratch);
    const services = /, (\d+) services? paired/.exec(drift.stdout)?.[1] ?? /Comparing contracts: (.*)/.exec(drift.stdout)?.[1]?.split('; ').length;
    const out = join(scratch, 'generated');
    const generate = measured(['contracts', 'generate', '--botocore', newest.path, '--out', out], scratch);
    const generated = readdirSync(out).length;
    const { breaking, warn, info, operations } = result.summary;
    return [
      `machine: ${machineLine()}`,
      '',
      `from: ${older.label}${older.derived ? ` (${older.derived} rest-json models written)` : ''}; to: ${newest.label}.`,
      '',
      table(
        ['command', 'services', 'operations', 'result', 'wall time', 'peak RSS'],
        [
          [
            'drift --format json --output FILE',
            String(services),
            operations.toLocaleString('en'),
            `${breaking} breaking, ${warn} warn, ${info} info`,
            seconds(drift.ms),
            mib(drift.maxRssMiB),
          ],
          [
            'drift (text, streamed) --output FILE',
            String(services),
            operations.toLocaleString('en'),
            `${readFileSync(textFile, 'utf8').split('\n').length.toLocaleString('en')} lines`,
            seconds(text.ms),
            mib(text.maxRssMiB),
          ],
          ['contracts generate --out DIR', String(generated), '-', `${generated} contract files`, seconds(generate.ms), mib(generate.maxRssMiB)],
        ],
      ),
      '',
      `Target: the drift of the whole rest-json set under 60 s; ${drift.ms < 60_000 ? 'met' : 'NOT met'} (${seconds(drift.ms)}).`,
    ].join('\n');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.stdout.write(`${benchDriftRelease()}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
