/** `tapegate contracts <generate|list|show|route>`: the contract layer from the terminal. */
import type { CommandModule } from 'yargs';
import { generateCommand } from './contracts/generate.js';

export const contractsCommand: CommandModule = {
  command: 'contracts <command>',
  describe: 'Generate, list, show and route API contracts',
  builder: (y) => y.command(generateCommand).demandCommand(1),
  handler: () => undefined,
};
