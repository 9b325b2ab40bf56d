/** `tapegate contracts <generate|list|show|route>`: the contract layer from the terminal. */
import type { CommandModule } from 'yargs';
import { generateCommand } from './contracts/generate.js';
import { listCommand } from './contracts/list.js';
import { routeCommand } from './contracts/route.js';
import { showCommand } from './contracts/show.js';
import { demandSubcommand } from './positionals.js';

export const contractsCommand: CommandModule = {
  // No <command> positional: yargs would report it missing without naming the subcommands.
  command: 'contracts',
  describe: 'Generate, list, show and route API contracts',
  builder: (y) =>
    demandSubcommand(y.command(generateCommand).command(listCommand).command(showCommand).command(routeCommand), 'contracts', ['generate', 'list', 'show', 'route'])
      .example('$0 contracts list --service apigatewayv2', 'The v2 operations')
      .example('$0 contracts show apigateway.GetIntegrationResponse', "One operation's wire contract"),
  handler: () => undefined,
};
