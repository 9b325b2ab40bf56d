/**
 * The contracts a config file asks for: the bundled ones, with the folders of its `contracts`
 * list beside them (a project's own services, generated with `tapegate contracts generate`).
 * A service of a listed folder that the bundled contracts have too replaces it; `contractsNote`
 * says so, so nobody wonders which Lambda their traffic was checked against.
 */
import { dirname, relative } from 'node:path';
import { bundledContracts, defaultContractsDir, loadContracts, type ContractSet } from '../../contracts/load.js';
import type { TapegateConfig } from './types.js';

export function configuredContracts(config: Pick<TapegateConfig, 'contracts'>): ContractSet {
  return config.contracts.length === 0 ? bundledContracts() : loadContracts({ extraDirs: config.contracts });
}

/** How a folder is shown: relative to the working folder when inside it. */
function shownFolder(folder: string, cwd: string): string {
  const path = relative(cwd, folder);
  return path === '' ? '.' : path.startsWith('..') ? folder : path;
}

/**
 * What the contracts are, for the log and a report's head, when the config adds some: which
 * services each folder brought, and which earlier ones (the bundled, or a folder listed
 * before) they replaced. `the bundled contracts and contracts/own (widgets, lambda); lambda
 * replaces the bundled one`. Null when it adds none.
 */
export function contractsNote(config: Pick<TapegateConfig, 'contracts'>, contracts: ContractSet, cwd: string = process.cwd()): string | null {
  if (config.contracts.length === 0) return null;
  const parts = config.contracts.map((folder) => {
    const services = contracts.services.map((service) => service.service).filter((name) => dirname(contracts.fileOf(name) ?? '') === folder);
    return `${shownFolder(folder, cwd)} (${services.length === 0 ? 'no services' : services.join(', ')})`;
  });
  const bundled = defaultContractsDir();
  const replaced = contracts.replaced.map(({ service, replaced: earlier }) => {
    const folder = dirname(earlier);
    return `${service} replaces ${folder === bundled ? 'the bundled one' : `the one of ${shownFolder(folder, cwd)}`}`;
  });
  return `the bundled contracts and ${parts.join(', ')}${replaced.length === 0 ? '' : `; ${replaced.join(', ')}`}`;
}
