/** `tapegate contracts route METHOD PATH`: which operation takes this request. */
import type { CommandModule } from 'yargs';
import { ContractRouter } from '../../../contracts/service-router.js';
import { contractsFrom, withContractsDir, type ContractsDirArgs } from './options.js';
import { namePositionals } from '../positionals.js';

interface Args extends ContractsDirArgs {
  method: string;
  path: string;
  json: boolean;
}

export const routeCommand: CommandModule<object, Args> = {
  command: 'route <method> <path>',
  describe: 'Name the operation that METHOD PATH (query included) belongs to; exit 1 when none does',
  builder: (y) =>
    namePositionals(withContractsDir(y), '<method> <path>')
      .positional('method', { type: 'string', demandOption: true, describe: 'HTTP method of the request (GET, PATCH, ...)' })
      .positional('path', { type: 'string', demandOption: true, describe: 'Path, optionally with ?query' })
      .option('json', { type: 'boolean', default: false, describe: 'Print {operation, labels} as JSON' })
      .example('$0 contracts route PATCH /restapis/a1/resources/b2/methods/GET/integration/responses/200', 'apigateway.UpdateIntegrationResponse'),
  handler: (args) => {
    const set = contractsFrom(args);
    const url = new URL(args.path, 'http://route.invalid');
    const query: Record<string, string[]> = {};
    for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
    const match = new ContractRouter(set).route({ method: args.method, path: url.pathname, query });
    if (!match) {
      process.stdout.write(
        `no operation: ${args.method.toUpperCase()} ${args.path} matches no operation of ${set.services.map((s) => `${s.service} ${s.apiVersion}`).join(', ')}\n`,
      );
      process.exitCode = 1;
      return;
    }
    process.stdout.write(args.json ? `${JSON.stringify(match)}\n` : `${match.operation}\n`);
  },
};
