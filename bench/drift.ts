/**
 * `node dist/bench/drift.js`: a full drift of both API Gateway services (227 operations)
 * from the older botocore models (1.29.39 for v1, 1.21.19 for v2) to 1.43.67, and of 1.43.67
 * against itself, end to end (models read, contracts generated in memory, compared).
 * Target: under 10 s. json-schema-diff is the expensive step, so it is measured on its own:
 * per operation (worst case), on whole unsimplified parts through its public API (what the
 * simplification saves), and on nested oneOf (where it is known to blow up).
 * Models come from ../shared/models beside the project, or TAPEGATE_MODELS.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findModelFiles, readModelFile } from '../contracts/generator/read-model.js';
import { serviceContract } from '../contracts/generator/service-contract.js';
import type { JsonSchema, ServiceContract } from '../contracts/types.js';
import { compareServiceContracts, type ContractsComparison } from '../drift/compare-contracts.js';
import { runDrift } from '../drift/run.js';
import { publicDiff, selfContainedSchema, setDiff, setDiffEngine } from '../drift/schema-diff.js';
import { SchemaSide } from '../drift/schema-side.js';
import { packageRoot } from '../core/package-root.js';
import { machineLine, table } from './machine.js';

const RUNS = [
  { service: 'apigateway', from: 'botocore-1.29.39', to: 'botocore-1.43.67' },
  { service: 'apigatewayv2', from: 'botocore-1.21.19', to: 'botocore-1.43.67' },
  { service: 'apigateway', from: 'botocore-1.43.67', to: 'botocore-1.43.67' },
  { service: 'apigatewayv2', from: 'botocore-1.43.67', to: 'botocore-1.43.67' },
];

function modelsDir(): string {
  const dir = resolve(process.env.TAPEGATE_MODELS ?? join(packageRoot(), '..', 'shared', 'models'));
  if (!existsSync(dir)) throw new Error(`bench:drift needs the botocore models: ${dir} does not exist (set TAPEGATE_MODELS)`);
  return dir;
}

function contractOf(folder: string): ServiceContract {
  return serviceContract(readModelFile(findModelFiles(folder)[0]!, folder));
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The public API on the whole, self-contained parts that differ in one operation. */
async function unsimplified(a: ServiceContract, b: ServiceContract, operation: string): Promise<{ parts: number; ms: number }> {
  const sides = { before: new SchemaSide(a.definitions.diff, 'a'), after: new SchemaSide(b.definitions.diff, 'b') };
  const x = a.operations[operation]!;
  const y = b.operations[operation]!;
  const parts: [JsonSchema, JsonSchema][] = [
    [x.request.query.diff, y.request.query.diff],
    [x.request.headers.diff, y.request.headers.diff],
    [x.response.headers.diff, y.response.headers.diff],
  ];
  if (x.request.body && y.request.body) parts.push([x.request.body.diff, y.request.body.diff]);
  if (x.response.body && y.response.body) parts.push([x.response.body.diff, y.response.body.diff]);
  let count = 0;
  const started = performance.now();
  for (const [p, q] of parts) {
    if (sides.before.fingerprint(p) === sides.after.fingerprint(q)) continue;
    count += 1;
    await publicDiff(selfContainedSchema(p, sides.before), selfContainedSchema(q, sides.after));
  }
  return { parts: count, ms: performance.now() - started };
}

/** `depth` levels of oneOf around a string whose maxLength changes. */
function nestedOneOf(depth: number, maxLength: number): JsonSchema {
  let schema: JsonSchema = { type: 'string', maxLength };
  for (let level = 0; level < depth; level++) {
    schema = { oneOf: [schema, { type: 'object', properties: { [`k${level}`]: { type: 'string' } }, required: [`k${level}`], additionalProperties: false }] };
  }
  return schema;
}

/** Schema keywords only: a member called `anyOf` (v2 RoutingRuleMatchHeaders has one) is not one. */
function countKeyword(node: unknown, keywords: Set<string>): number {
  if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + countKeyword(item, keywords), 0);
  if (typeof node !== 'object' || node === null) return 0;
  let count = 0;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const member of Object.values(value)) count += countKeyword(member, keywords);
      continue;
    }
    if (keywords.has(key)) count += 1;
    count += countKeyword(value, keywords);
  }
  return count;
}

export async function benchDrift(): Promise<string> {
  const models = modelsDir();
  const rows: string[][] = [];
  const endToEnd: number[] = [];
  const comparisons: { label: string; a: ServiceContract; b: ServiceContract; result: ContractsComparison }[] = [];
  for (const run of RUNS) {
    const from = join(models, run.from, run.service);
    const to = join(models, run.to, run.service);
    const times: number[] = [];
    let changes = 0;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      changes = (await runDrift(from, to)).changes.length;
      times.push(performance.now() - started);
    }
    const a = contractOf(from);
    const b = contractOf(to);
    const started = performance.now();
    const result = await compareServiceContracts(a, b);
    const compareMs = performance.now() - started;
    const worst = [...result.timings].sort((p, q) => q.setDiffMs - p.setDiffMs)[0];
    const label = `${run.service} ${run.from.slice(9)} → ${run.to.slice(9)}`;
    comparisons.push({ label, a, b, result });
    endToEnd.push(median(times));
    rows.push([
      label,
      String(result.operations.length),
      String(changes),
      ms(median(times)),
      ms(compareMs),
      `${result.stats.setDiffCalls} / ${ms(result.stats.setDiffMs)}`,
      worst && worst.setDiffMs > 0 ? `${worst.operation.split('.')[1]} ${worst.setDiffMs.toFixed(1)} ms` : '-',
      String(result.stats.disagreements.length),
    ]);
  }
  const operations = comparisons.slice(0, 2).reduce((sum, c) => sum + c.result.operations.length, 0);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const history = sum(endToEnd.slice(0, 2));
  const itself = sum(endToEnd.slice(2));

  // What the simplification saves: the worst operations again, whole parts through the public API.
  const savings: string[][] = [];
  for (const { label, a, b, result } of comparisons.slice(0, 2)) {
    for (const timing of [...result.timings].sort((p, q) => q.setDiffMs - p.setDiffMs).slice(0, 2)) {
      const raw = await unsimplified(a, b, timing.operation.split('.')[1]!);
      savings.push([label, timing.operation, String(raw.parts), ms(raw.ms), `${timing.setDiffMs.toFixed(1)} ms`]);
    }
  }

  const oneOf: string[][] = [];
  for (const depth of [1, 2, 3, 4]) {
    const started = performance.now();
    await setDiff(nestedOneOf(depth, 5), nestedOneOf(depth, 9));
    oneOf.push([String(depth), ms(performance.now() - started)]);
  }
  const newest = comparisons.slice(2).map((c) => c.b);
  const inGenerated = newest.reduce((sum, c) => sum + countKeyword(c.definitions.diff, new Set(['oneOf', 'anyOf', 'allOf', 'not'])), 0);

  return [
    `machine: ${machineLine()}`,
    `json-schema-diff engine: ${setDiffEngine()}`,
    '',
    table(
      [
        'comparison',
        'operations',
        'changes',
        'end to end (median of 3)',
        'compare only',
        'json-schema-diff calls / time',
        'worst operation (json-schema-diff)',
        'walker/json-schema-diff disagreements',
      ],
      rows,
    ),
    '',
    `Full drift of both services, end to end: ${operations} operations old → 1.43.67 in ${ms(history)}, 1.43.67 against itself in ${ms(itself)}; all four ${ms(history + itself)} (target < 10 s).`,
    '',
    'json-schema-diff on whole parts (self-contained, unsimplified, public API) vs what drift feeds it:',
    table(['comparison', 'operation', 'parts that differ', 'public API, whole parts', 'drift (simplified)'], savings),
    '',
    `Nested oneOf (json-schema-diff's known weak spot; the generated diff schemas hold ${inGenerated} oneOf/anyOf/allOf/not):`,
    table(['oneOf depth', 'json-schema-diff time'], oneOf),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchDrift().then(
    (text) => process.stdout.write(`${text}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
