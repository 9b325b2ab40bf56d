/**
 * The `--contracts DIR` and `--config FILE` options shared by the commands that read contracts.
 * They pick the contracts as verify and the proxy do: `--contracts` alone when given, else the
 * bundled ones with the config's `contracts` folders beside them, so `contracts list/show/route`
 * answer for the same set the user's traffic is checked against.
 */
import type { Argv } from 'yargs';
import { loadContracts, type ContractSet } from '../../../contracts/load.js';
import { configuredContracts } from '../../config/contracts.js';
import { loadConfig } from '../../config/load.js';

export interface ContractsDirArgs {
  contracts?: string;
  config?: string;
}

export function withContractsDir<T>(y: Argv<T>): Argv<T & ContractsDirArgs> {
  return y
    .option('contracts', {
      type: 'string',
      describe: "Folder of generated contract files, used alone [default: the bundled ones, with the config's contracts folders beside them]",
    })
    .option('config', { type: 'string', describe: 'Config file [default: tapegate.config.json in the current folder, if there is one]' });
}

export function contractsFrom(args: ContractsDirArgs): ContractSet {
  if (args.contracts) return loadContracts({ dir: args.contracts });
  return configuredContracts(loadConfig(args.config));
}
