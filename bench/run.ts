/**
 * `npm run bench`: every benchmark of the project in one run, printed as Markdown (the
 * machine line, then one heading and table per section) ready for BENCHMARKS.md. Prints
 * nothing else; a section that fails prints its error in place and the exit code is 1.
 *
 * To add a benchmark, add a section to SECTIONS. The replay section goes first: it is the
 * one most disturbed by what ran before it (garbage, warm caches, heat).
 */
import { benchCassetteOpen, formatRows } from './cassette-open.js';
import { benchContracts } from './contracts.js';
import { benchDrift } from './drift.js';
import { benchDriftRelease } from './drift-release.js';
import { machineLine } from './machine.js';
import { benchRecordOverhead } from './record-overhead.js';
import { benchReplay } from './replay.js';

export interface Section {
  title: string;
  /** The section's text: tables and a line or two about them. */
  run: () => string | Promise<string>;
}

export const SECTIONS: Section[] = [
  { title: 'Replay: throughput and p99 against a bare server and talkback', run: () => benchReplay() },
  {
    title: 'Cassette open time against JSON.parse, and memory',
    run: async () => formatRows(await benchCassetteOpen()),
  },
  { title: 'Record mode: added latency and throughput against the upstream alone', run: () => benchRecordOverhead() },
  { title: 'Contracts: routing, validation, cold load', run: () => benchContracts() },
  { title: 'Drift of both services end to end', run: () => benchDrift() },
  { title: 'Drift and generate over a whole botocore release', run: () => benchDriftRelease() },
];

/** Sections made to run alone print their own machine line: it is printed once here. */
function withoutMachineLine(text: string): string {
  return text.replace(/^machine: .*\n+/, '');
}

process.stdout.write(`machine: ${machineLine()}\n`);
for (const section of SECTIONS) {
  let body: string;
  try {
    body = withoutMachineLine(await section.run());
  } catch (error) {
    body = `FAILED: ${error instanceof Error ? error.message : String(error)}`;
    process.exitCode = 1;
  }
  process.stdout.write(`\n## ${section.title}\n\n${body.trimEnd()}\n`);
}
