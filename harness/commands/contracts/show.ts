/** `tapegate contracts show OPERATION`: one operation's contract as JSON. */
import type { CommandModule } from 'yargs';
import { contractsFrom, withContractsDir, type ContractsDirArgs } from './options.js';
import { namePositionals } from '../positionals.js';

interface Args extends ContractsDirArgs {
  operation: string;
}

export const showCommand: CommandModule<object, Args> = {
  command: 'show <operation>',
  describe: 'Print the contract of one operation as JSON (service.Operation, or Operation when only one service has it)',
  builder: (y) =>
    namePositionals(withContractsDir(y), '<operation>')
      .positional('operation', {
        type: 'string',
        demandOption: true,
        describe: 'The operation: service.Operation (apigatewayv2.UpdateIntegration), or Operation alone when one service has it; `tapegate contracts list` names them',
      })
      .example('$0 contracts show apigateway.UpdateIntegrationResponse', 'The wire contract of v1 UpdateIntegrationResponse'),
  handler: (args) => {
    const set = contractsFrom(args);
    const name = args.operation;
    const matches = set.operations.has(name) ? [name] : [...set.operations.keys()].filter((id) => id.slice(id.indexOf('.') + 1) === name);
    if (matches.length !== 1) {
      const why = matches.length === 0 ? 'no such operation' : `ambiguous: ${matches.join(', ')}`;
      process.stderr.write(`tapegate: cannot show "${name}": ${why}. Run \`tapegate contracts list\` for the names.\n`);
      process.exit(2);
    }
    const id = matches[0]!;
    const service = set.serviceOf.get(id)!;
    const contract = set.operations.get(id)!;
    const output = {
      ...contract,
      apiVersion: service.apiVersion,
      provenance: service.provenance,
      // The definitions this operation's schemas refer to, so the output stands alone.
      definitions: referencedDefinitions(contract, service.definitions.validation),
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  },
};

function referencedDefinitions(root: unknown, definitions: Record<string, unknown>): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = value.slice(value.lastIndexOf('/') + 1);
        if (!(name in found) && name in definitions) {
          found[name] = definitions[name];
          visit(definitions[name]);
        }
      } else visit(value);
    }
  };
  visit(root);
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => a.localeCompare(b)));
}
