/**
 * Drift at botocore scale (issue 12, item 8): recursive shapes, whole data folders compared
 * one service pair at a time, the text report streamed and progress on a terminal.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareContractInputs } from '../drift/compare-contracts.js';
import { contractInputs, openDriftInput } from '../drift/input.js';
import { runDrift } from '../drift/run.js';
import { streamDrift } from '../harness/commands/drift-stream.js';
import type { DriftChange } from '../drift/types.js';
import { writeDataFolder } from './fixtures/drift/botocore-folders.js';
import { runCli } from './support/cli.js';

const root = mkdtempSync(join(tmpdir(), 'tapegate-drift-folders-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const before = writeDataFolder(join(root, 'botocore-1.0.0', 'data'), { withQueryService: true });
const after = writeDataFolder(join(root, 'botocore-1.1.0', 'data'), { fieldTypes: ['TEXT', 'NUMBER', 'URL'], conditionOr: true, widgetsExtra: true, withGadgets: true });
const brief = (change: DriftChange) => `${change.severity} ${change.operation} ${change.side} ${change.pointer} ${change.code}`;

describe('recursive shapes', () => {
  it('are compared as $ref cycles, walked once under each member that enters them, never unrolled', async () => {
    const report = await runDrift(join(before, 'cases'), join(after, 'cases'));
    // `top` and `more` both enter the Section ↔ Field cycle: each reports what changed in it.
    expect(report.changes.map(brief).sort()).toEqual([
      'info cases.SearchCases request /body/filter/orAll member-added',
      'warn cases.GetLayout response /body/more/fields/*/type enum-value-added',
      'warn cases.GetLayout response /body/top/fields/*/type enum-value-added',
    ]);
  });

  it('finds no drift between a recursive model and itself', async () => {
    const report = await runDrift(join(before, 'cases'), join(before, 'cases'));
    expect(report.changes).toEqual([]);
    expect(report.operations).toEqual(['cases.GetLayout', 'cases.SearchCases']);
  });
});

describe('a whole botocore data folder', () => {
  it('is listed without generating anything (rest-json only), and compared one pair at a time', async () => {
    const from = await openDriftInput(before);
    const to = await openDriftInput(after);
    expect(from.kind).toBe('models');
    const events: string[] = [];
    const traced = (side: string, input: typeof from) => {
      const inputs = contractInputs(input as Exclude<typeof input, { kind: 'cassettes' }>);
      return { ...inputs, inputs: inputs.inputs.map((service) => ({ ...service, load: () => (events.push(`load ${side} ${service.service}`), service.load()) })) };
    };
    const report = await compareContractInputs(
      traced('from', from),
      traced('to', to),
      {},
      {
        title: (title) => events.push(`title ${title}`),
        progress: (index, total, service) => events.push(`progress ${index + 1}/${total} ${service}`),
        changes: (changes) => events.push(`changes ${changes.length}`),
      },
    );
    expect(events).toEqual([
      'title Comparing contracts: botocore cases 2022-10-03 (1.0.0) → (1.1.0); botocore widgets 2020-01-01 (1.0.0) → (1.1.0)',
      'progress 1/2 cases',
      'load from cases',
      'load to cases',
      'changes 3',
      'progress 2/2 widgets',
      'load from widgets',
      'load to widgets',
      'changes 1',
    ]);
    expect(report.changes).toHaveLength(4);
  });

  it('streams the text report pair by pair, with a progress line on a terminal that never mixes with it', async () => {
    // One log of both streams, in the order written, to see that they never mix.
    const log: string[] = [];
    const io = {
      stdout: { write: (text: string) => log.push(`out ${text.split('\n')[0]}`) },
      stderr: { isTTY: true, columns: 80, write: (text: string) => log.push(`err ${JSON.stringify(text)}`) },
    };
    const report = await streamDrift({ from: before, to: after, format: 'text', options: {} }, io);
    expect(report.changes).toHaveLength(4);
    expect(log).toEqual([
      'out Comparing contracts: botocore cases 2022-10-03 (1.0.0) → (1.1.0); botocore widgets 2020-01-01 (1.0.0) → (1.1.0)',
      'err "\\r\\u001b[2Kcomparing 1/2 cases"',
      'err "\\r\\u001b[2K"',
      'out cases.GetLayout',
      'err "\\r\\u001b[2Kcomparing 2/2 widgets"',
      'err "\\r\\u001b[2K"',
      'out widgets.GetWidget',
      // Notes and the summary come last, in one piece.
      `out note: gadgets 2020-01-01 is only in ${after}; not compared.`,
    ]);
  });

  it('with --output, streams into a file that replaces the target only once the report is complete', async () => {
    const quiet = { isTTY: false, write: () => undefined };
    const shown: string[] = [];
    await streamDrift({ from: before, to: after, format: 'text', options: {} }, { stdout: { write: (text: string) => shown.push(text) }, stderr: quiet });
    const folder = join(root, 'reports');
    mkdirSync(folder);
    const file = join(folder, 'drift.txt');
    const notices: string[] = [];
    const io = { stdout: { write: (text: string) => notices.push(text) }, stderr: quiet };
    const report = await streamDrift({ from: before, to: after, format: 'text', output: file, options: {} }, io);
    // The same text stdout would have shown, and on stdout only where it went.
    expect(readFileSync(file, 'utf8')).toBe(shown.join(''));
    expect(notices).toEqual([`${report.title}\n0 breaking, 3 warn, 1 info in 3 of 3 operations.\nReport (text) written to ${file}\n`]);
    // A model that fails to load after the first pair was written: the old report stays, no temporary file is left.
    const broken = join(root, 'broken');
    cpSync(after, broken, { recursive: true });
    appendFileSync(join(broken, 'widgets', '2020-01-01', 'service-2.json'), 'not JSON');
    await expect(streamDrift({ from: before, to: broken, format: 'text', output: file, options: {} }, io)).rejects.toThrow(/widgets/);
    expect(readdirSync(folder)).toEqual(['drift.txt']);
    expect(readFileSync(file, 'utf8')).toBe(shown.join(''));
    expect(notices).toHaveLength(1);
  });

  it('streams nothing to a pipe but the report', async () => {
    const log: string[] = [];
    const io = { stdout: { write: (text: string) => log.push(text) }, stderr: { isTTY: false, write: (text: string) => log.push(`err ${text}`) } };
    await streamDrift({ from: before, to: after, format: 'json', options: {} }, io);
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0]!)).toMatchObject({ summary: { breaking: 0, warn: 3, info: 1 } });
  });

  it('from the CLI: the first line names both folders, services only one side has are notes', () => {
    const result = runCli(['drift', '--from', before, '--to', after, '--fail-on', 'warn']);
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^Comparing contracts: botocore cases 2022-10-03 \(1\.0\.0\) → \(1\.1\.0\); botocore widgets/);
    expect(result.stdout).toContain('cases.GetLayout\n');
    expect(result.stdout).not.toContain('queues');
    expect(result.stderr).toBe('');
    expect(lines.slice(-4)).toEqual([`note: gadgets 2020-01-01 is only in ${after}; not compared.`, '', '0 breaking, 3 warn, 1 info in 3 of 3 operations.', '']);
  });
});
