/**
 * `tapegate drift` without the terminal: load both sides, pick the comparison their kinds
 * call for, and return the report (changes as data; only bad input throws).
 */
import { cassetteAgainstContracts } from './cassette-vs-contracts.js';
import { compareCassettes } from './compare-cassettes.js';
import { compareContractSets } from './compare-contracts.js';
import { loadDriftSource } from './input.js';
import { orderChanges } from './report.js';
import type { DriftSource } from './sources.js';
import { cassettesLabel, contractsLabel, contractsPairTitle } from './titles.js';
import type { DriftOptions, DriftReport } from './types.js';

export async function runDrift(fromPath: string, toPath: string, options: DriftOptions = {}): Promise<DriftReport> {
  const from = await loadDriftSource(fromPath);
  const to = await loadDriftSource(toPath);
  const report = await compareSources(from, to, options);
  return { ...report, changes: orderChanges(report.changes) };
}

export async function compareSources(from: DriftSource, to: DriftSource, options: DriftOptions = {}): Promise<DriftReport> {
  if (from.kind === 'contracts' && to.kind === 'contracts') {
    const result = await compareContractSets(from.services, to.services, options);
    const title = `Comparing contracts: ${result.pairs.map((p) => contractsPairTitle(from, p.before, to, p.after)).join('; ')}`;
    const notes = result.unpaired.map(({ side, service }) =>
      `${service.service} ${service.apiVersion} is only in ${side === 'from' ? from.path : to.path}; not compared.`);
    return { kind: 'contracts', title, notes, operations: result.operations, changes: result.changes };
  }
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
