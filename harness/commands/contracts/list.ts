/** `tapegate contracts list [--service S] [--json]` */
import type { CommandModule } from 'yargs';
import { contractsFrom, withContractsDir, type ContractsDirArgs } from './options.js';

interface Args extends ContractsDirArgs {
  service?: string;
  json: boolean;
}

export interface ListedOperation {
  service: string;
  apiVersion: string;
  operation: string;
  method: string;
  uri: string;
  successStatus: number;
}

export const listCommand: CommandModule<object, Args> = {
  command: 'list',
  describe: 'List the operations of the loaded contracts',
  builder: (y) =>
    withContractsDir(y)
      .option('service', { type: 'string', describe: 'Only this service (apigateway, apigatewayv2)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print a JSON array' })
      .example('$0 contracts list --service apigatewayv2', 'The v2 operations, one a line')
      .example('$0 contracts list --json', 'Every operation as JSON'),
  handler: (args) => {
    const set = contractsFrom(args);
    const services = set.services.filter((s) => args.service === undefined || s.service === args.service);
    if (args.service !== undefined && services.length === 0) {
      const known = set.services.map((s) => s.service).join(', ');
      process.stderr.write(`tapegate: no contracts for service "${args.service}"; loaded: ${known}\n`);
      process.exit(2);
    }
    const rows: ListedOperation[] = services.flatMap((service) =>
      Object.values(set.service(service.service)!.operations).map((operation) => ({
        service: service.service,
        apiVersion: service.apiVersion,
        operation: operation.name,
        method: operation.http.method,
        uri: operation.http.uri,
        successStatus: operation.http.successStatus,
      })),
    );
    if (args.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    const width = Math.max(...rows.map((row) => row.service.length + row.operation.length + 1));
    for (const row of rows) {
      process.stdout.write(`${`${row.service}.${row.operation}`.padEnd(width)}  ${row.method.padEnd(6)} ${row.uri}  → ${row.successStatus}\n`);
    }
    process.stdout.write(`${rows.length} operations\n`);
  },
};
