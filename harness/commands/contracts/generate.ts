/** `tapegate contracts generate --botocore PATH [--out DIR] [--service S]` */
import type { CommandModule } from 'yargs';
import { generateContracts } from '../../../contracts/generator/generate.js';
import { defaultContractsDir } from '../../../contracts/load.js';

interface Args {
  botocore: string;
  out: string;
  service?: string[];
}

export const generateCommand: CommandModule<object, Args> = {
  command: 'generate',
  describe: 'Generate wire-level contracts from botocore service models (service-2.json, .json.gz, a service folder or a data folder)',
  builder: (y) =>
    y
      .option('botocore', { type: 'string', demandOption: true, describe: 'A service-2.json(.gz), a service folder or a botocore data folder' })
      .option('out', { type: 'string', default: defaultContractsDir(), defaultDescription: 'the bundled contracts/generated', describe: 'Folder for the contract files' })
      .option('service', { type: 'string', array: true, describe: 'Only these services (botocore names)' })
      .example('$0 contracts generate --botocore ./botocore/data --service apigateway apigatewayv2 --out contracts/generated', 'Regenerate the API Gateway contracts'),
  handler: (args) => {
    const result = generateContracts({ botocore: args.botocore, out: args.out, services: args.service });
    for (const written of result.written) {
      process.stdout.write(`${written.service} ${written.apiVersion}: ${written.operations} operations → ${written.file}\n`);
      for (const note of written.notes) process.stdout.write(`  note: ${note}\n`);
    }
    if (result.skipped.length > 0) {
      process.stdout.write(`skipped ${result.skipped.length} services that are not rest-json: ${result.skipped.map((s) => `${s.service} (${s.protocol})`).join(', ')}\n`);
    }
  },
};
