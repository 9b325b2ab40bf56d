/** `tapegate contracts <generate|list|show|route>`: the contract layer from the terminal. */
import type { CommandModule } from 'yargs';
import { generateCommand } from './contracts/generate.js';
import { listCommand } from './contracts/list.js';
import { routeCommand } from './contracts/route.js';
import { showCommand } from './contracts/show.js';

export const contractsCommand: CommandModule = {
  command: 'contracts <command>',
  describe: 'Generate, list, show and route API contracts',
  builder: (y) => y.command(generateCommand).command(listCommand).command(showCommand).command(routeCommand).demandCommand(1),
  handler: () => undefined,
};
