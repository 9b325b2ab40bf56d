/**
 * `node dist/bench/measure-child.js SCRIPT ARGS...`: runs SCRIPT (the CLI, say) in this
 * process as if started directly, and at exit writes its peak RSS and run time as JSON to
 * the file named by TAPEGATE_BENCH_USAGE. The figures are the whole process's, start-up
 * included: what a user of the command would see.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ChildUsage {
  /** Peak resident set size. */
  maxRssMiB: number;
  /** From process start to exit. */
  ms: number;
  exitCode: number;
}

const [script, ...args] = process.argv.slice(2);
const report = process.env.TAPEGATE_BENCH_USAGE;
if (!script || !report) {
  process.stderr.write('usage: TAPEGATE_BENCH_USAGE=FILE node measure-child.js SCRIPT ARGS...\n');
  process.exit(2);
}
/**
 * This process's own peak RSS in MiB. On Linux that is VmHWM: getrusage's maxRSS (Node's
 * resourceUsage) also counts the memory of the process that spawned this one as it was when
 * forked, which exec does not reset, so a child of a bench holding a 200 MiB object reads
 * 800 MiB while it never used more than 330. Elsewhere maxRSS, which is what there is.
 */
function peakRssMiB(): number {
  try {
    const kB = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kB !== undefined) return Number(kB) / 1024;
  } catch {
    // No /proc (macOS, Windows): getrusage below.
  }
  return process.resourceUsage().maxRSS / 1024;
}

process.on('exit', (code) => {
  const usage: ChildUsage = { maxRssMiB: peakRssMiB(), ms: performance.now(), exitCode: code };
  writeFileSync(report, JSON.stringify(usage));
});
process.argv = [process.argv[0]!, resolve(script), ...args];
await import(pathToFileURL(resolve(script)).href);
