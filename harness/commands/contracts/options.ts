/** The `--contracts DIR` option shared by commands that read contracts. */
import type { Argv } from 'yargs';
import { bundledContracts, loadContracts, type ContractSet } from '../../../contracts/load.js';

export interface ContractsDirArgs {
  contracts?: string;
}

export function withContractsDir<T>(y: Argv<T>): Argv<T & ContractsDirArgs> {
  return y.option('contracts', {
    type: 'string',
    describe: 'Folder of generated contract files, used alone (default: the bundled contracts)',
  });
}

export function contractsFrom(args: ContractsDirArgs): ContractSet {
  return args.contracts ? loadContracts({ dir: args.contracts }) : bundledContracts();
}
