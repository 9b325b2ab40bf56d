/**
 * `tapegate drift` without the terminal: load both sides, pick the comparison their kinds
 * call for, and return the report (changes as data; only bad input throws).
 */
import { cassetteAgainstContracts } from './cassette-vs-contracts.js';
import { compareCassettes } from './compare-cassettes.js';
import { compareContractInputs } from './compare-contracts.js';
import { contractInputs, loadedSource, openDriftInput } from './input.js';
import { orderChanges } from './report.js';
import type { DriftSource } from './sources.js';
import { cassettesLabel, contractsLabel } from './titles.js';
import type { DriftListener, DriftOptions, DriftReport } from './types.js';

/**
 * The listener hears the title first, then each service pair's changes in report order as
 * soon as they are known (contracts; a botocore data folder is generated pair by pair), or
 * all changes at the end (cassettes). The report returned holds every change, ordered.
 */
export async function runDrift(fromPath: string, toPath: string, options: DriftOptions = {}, listener: DriftListener = {}): Promise<DriftReport> {
  const from = await openDriftInput(fromPath);
  const to = await openDriftInput(toPath);
  const ordered: DriftListener = { ...listener, changes: (changes) => listener.changes?.(orderChanges(changes)) };
  if (from.kind !== 'cassettes' && to.kind !== 'cassettes') {
    const report = await compareContractInputs(contractInputs(from), contractInputs(to), options, ordered);
    return { ...report, changes: orderChanges(report.changes) };
  }
  const report = await compareSources(loadedSource(from), loadedSource(to), options);
  await listener.title?.(report.title);
  await ordered.changes?.(report.changes);
  return { ...report, changes: orderChanges(report.changes) };
}

export async function compareSources(from: DriftSource, to: DriftSource, options: DriftOptions = {}): Promise<DriftReport> {
  if (from.kind === 'contracts' && to.kind === 'contracts') return compareContractInputs(contractInputs(from), contractInputs(to), options);
  if (from.kind === 'cassettes' && to.kind === 'cassettes') {
    const result = compareCassettes(from.cassettes, to.cassettes, options);
    const title = `Comparing cassettes: ${cassettesLabel(from)} → ${cassettesLabel(to)}`;
    const notes = result.unpaired.map(({ side, name }) => `${name} is only in ${side === 'from' ? from.path : to.path}; not compared.`);
    return { kind: 'cassettes', title, notes, operations: result.operations, changes: result.changes };
  }
  const cassettes = from.kind === 'cassettes' ? from : (to as Extract<DriftSource, { kind: 'cassettes' }>);
  const contracts = from.kind === 'contracts' ? from : (to as Extract<DriftSource, { kind: 'contracts' }>);
  const result = cassetteAgainstContracts(cassettes.cassettes, contracts.services, { ...options, cassetteFirst: from.kind === 'cassettes' });
  const left = from.kind === 'cassettes' ? cassettesLabel(cassettes) : contractsLabel(contracts);
  const right = from.kind === 'cassettes' ? contractsLabel(contracts) : cassettesLabel(cassettes);
  const title = `Comparing ${from.kind === 'cassettes' ? 'cassette against contracts' : 'contracts against cassette'}: ${left} → ${right}`;
  const notes = [`${result.exchanges} recorded exchanges checked against the contracts (bundled overlays applied).`];
  return { kind: 'cassette-contracts', title, notes, operations: result.operations, changes: result.changes };
}
