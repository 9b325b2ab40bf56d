/**
 * `tapegate drift --from A --to B`: what changed between two models, contract sets or
 * recordings, or whether recordings still fit contracts. The first line says which
 * comparison was made. Exit 1 when changes at or above `--fail-on` exist, 2 for bad input.
 */
import type { CommandModule } from 'yargs';
import { DRIFT_FAIL_ON, driftExitCode, REPORT_FORMATS, type DriftFailOn, type ReportFormat } from '../../drift/report.js';
import { streamDrift } from './drift-stream.js';

interface Args {
  from: string;
  to: string;
  format: ReportFormat;
  output?: string;
  'fail-on': DriftFailOn;
  'strict-responses': boolean;
}

export const driftCommand: CommandModule<object, Args> = {
  command: 'drift',
  describe: 'Report API drift between two botocore models, contract sets or cassettes, or of cassettes against contracts',
  builder: (y) =>
    y
      .option('from', {
        type: 'string',
        demandOption: true,
        describe: 'A: a botocore model (service-2.json, .json.gz, folder), contracts (file or folder) or a cassette (file or folder)',
      })
      .option('to', { type: 'string', demandOption: true, describe: 'B: the same kinds as --from' })
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- without it yargs widens the default to string and Args no longer fits
      .option('format', { choices: REPORT_FORMATS, default: 'text' as ReportFormat, describe: 'Report format' })
      .option('output', { type: 'string', describe: 'Write the report to this file instead of stdout' })
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- as above: the default must keep the choices' type
      .option('fail-on', { choices: DRIFT_FAIL_ON, default: 'breaking' as DriftFailOn, describe: 'Exit 1 when changes at or above this severity exist' })
      .option('strict-responses', { type: 'boolean', default: false, describe: 'Count response additions as breaking (for clients that refuse unknown fields and values)' })
      .example('$0 drift --from botocore-1.29.39/apigateway --to botocore-1.43.67/apigateway', 'What changed in API Gateway v1 between two botocore releases')
      .example(
        '$0 drift --from fixtures/smoke.cassette --to node_modules/tapegate/contracts/generated --format markdown',
        'Would these recordings still pass the current contracts?',
      ),
  handler: async (args) => {
    const failOn = args['fail-on'];
    const report = await streamDrift({ from: args.from, to: args.to, format: args.format, output: args.output, failOn, options: { strictResponses: args['strict-responses'] } });
    process.exitCode = driftExitCode(report, failOn);
  },
};
