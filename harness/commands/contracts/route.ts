/**
 * `tapegate contracts route METHOD PATH [--target T] [--signing-name S]`: which operation takes
 * this request. A json-protocol request is `POST /` named by its `X-Amz-Target` (`--target`);
 * the signing name (`--signing-name`, the SigV4 credential scope's service) decides between
 * services whose paths look alike, as it does for live traffic (Lambda's and API Gateway's tags).
 */
import type { CommandModule } from 'yargs';
import { ContractRouter } from '../../../contracts/service-router.js';
import { contractsFrom, withContractsDir, type ContractsDirArgs } from './options.js';
import { namePositionals } from '../positionals.js';

interface Args extends ContractsDirArgs {
  method: string;
  path: string;
  target?: string;
  'signing-name'?: string;
  json: boolean;
}

export const routeCommand: CommandModule<object, Args> = {
  command: 'route <method> <path>',
  describe: 'Name the operation that METHOD PATH (query included) belongs to; exit 1 when none does',
  builder: (y) =>
    namePositionals(withContractsDir(y), '<method> <path>')
      .positional('method', { type: 'string', demandOption: true, describe: 'HTTP method of the request (GET, PATCH, ...)' })
      .positional('path', { type: 'string', demandOption: true, describe: 'Path, optionally with ?query' })
      .option('target', { type: 'string', describe: 'The X-Amz-Target header of a json-protocol request ({targetPrefix}.{Operation})' })
      .option('signing-name', { type: 'string', describe: "The service of the request's SigV4 credential scope (lambda, apigateway, states, ...)" })
      .option('json', { type: 'boolean', default: false, describe: 'Print {operation, labels} as JSON' })
      .example('$0 contracts route PATCH /restapis/a1/resources/b2/methods/GET/integration/responses/200', 'apigateway.UpdateIntegrationResponse')
      .example('$0 contracts route POST / --target DynamoDB_20120810.PutItem', 'dynamodb.PutItem')
      .example('$0 contracts route GET /2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aorders --signing-name lambda', 'lambda.ListTags'),
  handler: (args) => {
    const set = contractsFrom(args);
    const url = new URL(args.path, 'http://route.invalid');
    const query: Record<string, string[]> = {};
    for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
    const headers: Record<string, string> = args.target === undefined ? {} : { 'x-amz-target': args.target };
    const named = args['signing-name']?.trim().toLowerCase() || null;
    const match = new ContractRouter(set).route({ method: args.method, path: url.pathname, query, headers }, named);
    if (!match) {
      const given = [args.target === undefined ? '' : ` X-Amz-Target ${args.target}`, named === null ? '' : ` signed for ${named}`].join('');
      process.stdout.write(
        `no operation: ${args.method.toUpperCase()} ${args.path}${given} matches no operation of ${set.services.map((s) => `${s.service} ${s.apiVersion}`).join(', ')}\n`,
      );
      process.exitCode = 1;
      return;
    }
    process.stdout.write(args.json ? `${JSON.stringify(match)}\n` : `${match.operation}\n`);
  },
};
