/** `tapegate contracts generate --botocore PATH --out DIR [--service S]` */
import type { CommandModule } from 'yargs';
import { generateContracts, type GenerateResult } from '../../../contracts/generator/generate.js';
import { TapegateError } from '../../../core/errors.js';
import { insideInstalledPackage } from '../../../core/inside-package.js';
import { createProgress, type Progress } from '../../progress.js';

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
      // No default: the bundled contracts live inside the installed package, and writing
      // there would silently change every later replay and verify of the project.
      .option('out', { type: 'string', demandOption: true, describe: 'Folder for the contract files (load them with --contracts DIR)' })
      .option('service', { type: 'string', array: true, describe: 'Only these services (botocore names)' })
      .example('$0 contracts generate --botocore ./botocore/data --service apigateway apigatewayv2 --out contracts/generated', 'Regenerate the API Gateway contracts'),
  handler: (args) => {
    if (insideInstalledPackage(args.out)) {
      throw new TapegateError(
        `Failed to generate contracts into "${args.out}": that is inside the installed tapegate package, whose bundled contracts every replay and verify would then load; write them to a folder of your project and pass it with --contracts`,
        2,
      );
    }
    let progress: Progress | undefined;
    let result: GenerateResult;
    try {
      result = generateContracts({
        botocore: args.botocore,
        out: args.out,
        services: args.service,
        progress: (index, total, service) => {
          progress ??= createProgress(total, process.stderr, { verb: 'generating', threshold: 1 });
          progress.step(index, service);
        },
      });
    } finally {
      progress?.done();
    }
    for (const written of result.written) {
      process.stdout.write(`${written.service} ${written.apiVersion}: ${written.operations} operations → ${written.file}\n`);
      for (const note of written.notes) process.stdout.write(`  note: ${note}\n`);
    }
    if (result.skipped.length > 0) {
      process.stdout.write(
        `skipped ${result.skipped.length} services of a protocol tapegate does not generate: ${result.skipped.map((s) => `${s.service} (${s.protocol})`).join(', ')}\n`,
      );
    }
  },
};
