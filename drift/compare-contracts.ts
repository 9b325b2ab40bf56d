/**
 * Contracts against contracts (from models or contract files): per service, operations
 * added and removed, then each operation both sides have. Services are paired by name;
 * two different services are not two versions of one, and say so (exit 2). A botocore data
 * folder is compared one service pair at a time, each generated only for its turn.
 */
import { TapegateError } from '../core/errors.js';
import type { ServiceContract } from '../contracts/types.js';
import { fixedSeverity } from './classify.js';
import { compareOperation } from './compare-operation.js';
import { emptyStats, type DiffStats } from './compare-part.js';
import { SchemaSide } from './schema-side.js';
import type { ContractInputs } from './sources.js';
import { contractsTitle } from './titles.js';
import { withoutExplained } from './wire-change.js';
import { WireComparison } from './wire-compare.js';
import type { DriftChange, DriftListener, DriftOptions, DriftReport } from './types.js';

export interface OperationTiming {
  operation: string;
  /** Whole comparison of the operation. */
  ms: number;
  /** The json-schema-diff share of it. */
  setDiffMs: number;
}

export interface ContractsComparison {
  changes: DriftChange[];
  /** Every operation id of either side. */
  operations: string[];
  stats: DiffStats;
  timings: OperationTiming[];
}

export async function compareServiceContracts(a: ServiceContract, b: ServiceContract, options: DriftOptions = {}): Promise<ContractsComparison> {
  if (a.service !== b.service) {
    throw new TapegateError(
      `Failed to compare contracts "${a.service} ${a.apiVersion}" with "${b.service} ${b.apiVersion}": they are different services; drift compares two versions of one service`,
      2,
    );
  }
  const sides = {
    before: new SchemaSide(a.definitions.diff, `${a.service} ${a.apiVersion} (before)`),
    after: new SchemaSide(b.definitions.diff, `${b.service} ${b.apiVersion} (after)`),
  };
  const wire = new WireComparison(a, b, sides);
  const stats = emptyStats();
  const changes: DriftChange[] = [];
  const timings: OperationTiming[] = [];
  const names = [...new Set([...Object.keys(a.operations), ...Object.keys(b.operations)])].sort();
  for (const name of names) {
    const before = a.operations[name];
    const after = b.operations[name];
    if (!before && after) {
      changes.push({
        operation: after.id,
        side: 'request',
        pointer: '',
        before: null,
        after: { method: after.http.method, uri: after.http.uri },
        severity: fixedSeverity('operation-added')!,
        code: 'operation-added',
        message: `New operation ${after.http.method} ${after.http.uri}: nothing changes for existing clients.`,
      });
    } else if (before && !after) {
      changes.push({
        operation: before.id,
        side: 'request',
        pointer: '',
        before: { method: before.http.method, uri: before.http.uri },
        after: null,
        severity: fixedSeverity('operation-removed')!,
        code: 'operation-removed',
        message: `Operation ${before.http.method} ${before.http.uri} is gone: clients that call it will fail.`,
      });
    } else if (before && after) {
      const started = performance.now();
      const setDiffBefore = stats.setDiffMs;
      // The wire form first: it says which schema changes are a member travelling under another name, and which errors are one error under a new code.
      const wireChanges = wire.operation(before, after);
      const schemaChanges = await compareOperation(before, after, { sides, options, stats, errorRenames: wireChanges.errorRenames });
      changes.push(...withoutExplained(schemaChanges, wireChanges.explained), ...wireChanges.changes);
      timings.push({ operation: after.id, ms: performance.now() - started, setDiffMs: stats.setDiffMs - setDiffBefore });
    }
  }
  return { changes, operations: names.map((name) => `${(b.operations[name] ?? a.operations[name])!.service}.${name}`), stats, timings };
}

/** Pairs services by name and compares each pair, generating each only for its turn; no pair at all is bad input. */
export async function compareContractInputs(from: ContractInputs, to: ContractInputs, options: DriftOptions = {}, listener: DriftListener = {}): Promise<DriftReport> {
  const pairs = from.inputs.flatMap((before) => {
    const after = to.inputs.find((candidate) => candidate.service === before.service);
    return after ? [{ before, after }] : [];
  });
  if (pairs.length === 0) {
    const names = (side: ContractInputs) => side.inputs.map((s) => `${s.service} ${s.apiVersion}`).join(', ') || 'nothing';
    throw new TapegateError(
      `Failed to compare "${names(from)}" with "${names(to)}": they share no service; drift compares two versions of one service (apigateway with apigateway, apigatewayv2 with apigatewayv2)`,
      2,
    );
  }
  const title = contractsTitle(from, to, pairs);
  await listener.title?.(title);
  const changes: DriftChange[] = [];
  const operations: string[] = [];
  for (const [index, { before, after }] of pairs.entries()) {
    listener.progress?.(index, pairs.length, before.service);
    // Generated for this turn and dropped after it: memory is one pair's, not the folder's.
    const result = await compareServiceContracts(before.load(), after.load(), options);
    await listener.changes?.(result.changes);
    changes.push(...result.changes);
    operations.push(...result.operations);
  }
  const paired = new Set(pairs.map((pair) => pair.before.service));
  const notes = [
    ...from.inputs.filter((s) => !paired.has(s.service)).map((s) => `${s.service} ${s.apiVersion} is only in ${from.path}; not compared.`),
    ...to.inputs.filter((s) => !paired.has(s.service)).map((s) => `${s.service} ${s.apiVersion} is only in ${to.path}; not compared.`),
  ];
  return { kind: 'contracts', title, notes, operations, changes };
}
