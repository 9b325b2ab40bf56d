/**
 * `node dist/bench/measure-child.js SCRIPT ARGS...`: runs SCRIPT (the CLI, say) in this
 * process as if started directly, and at exit writes its peak RSS and run time as JSON to
 * the file named by TAPEGATE_BENCH_USAGE. The figures are the whole process's, start-up
 * included: what a user of the command would see.
 */
import { writeFileSync } from 'node:fs';
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
process.on('exit', (code) => {
  const usage: ChildUsage = { maxRssMiB: process.resourceUsage().maxRSS / 1024, ms: performance.now(), exitCode: code };
  writeFileSync(report, JSON.stringify(usage));
});
process.argv = [process.argv[0]!, resolve(script), ...args];
await import(pathToFileURL(resolve(script)).href);
