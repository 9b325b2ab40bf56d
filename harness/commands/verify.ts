/**
 * `tapegate verify CASSETTE|DIR... [--format text|json|markdown|junit] [--output FILE]
 * [--fail-on error|warn|never] [--contracts DIR] [--config FILE]`
 *
 * Checks every exchange of every cassette against its contract. Exit 1 when a finding at or
 * above `--fail-on` exists (default: the config's failOn, else error), 2 for bad input (a
 * missing file, a corrupt cassette, a wrong config: named in the message). With no cassette
 * named, the config's `cassettes` folder is verified.
 */
import type { CommandModule } from 'yargs';
import { loadContracts } from '../../contracts/load.js';
import { configuredContracts, contractsNote } from '../config/contracts.js';
import { loadConfig } from '../config/load.js';
import { FAIL_ON_LEVELS, type FailOn } from '../../core/findings.js';
import { TapegateError } from '../../core/errors.js';
import { resolveInputs } from '../../verify/inputs.js';
import { verifyReportModel, VERIFY_FORMATS, type VerifyFormat } from '../../verify/report.js';
import { verifyCassettes } from '../../verify/run.js';
import { createProgress } from '../progress.js';
import { emitReport } from './report-output.js';

interface Args {
  cassettes?: string[];
  format: VerifyFormat;
  output?: string;
  'fail-on'?: FailOn;
  contracts?: string;
  config?: string;
}

export const verifyCommand: CommandModule<object, Args> = {
  command: 'verify [cassettes..]',
  describe: 'Check every exchange of cassettes against the contracts; a report grouped by operation',
  builder: (y) =>
    y
      .positional('cassettes', { type: 'string', array: true, describe: 'Cassette files or folders (searched at any depth). Default: "cassettes" of the config' })
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- without it yargs widens the default to string and Args no longer fits
      .option('format', { choices: VERIFY_FORMATS, default: 'text' as VerifyFormat, describe: 'Report format' })
      .option('output', { type: 'string', describe: 'Write the report to this file instead of stdout' })
      .option('fail-on', { choices: FAIL_ON_LEVELS, describe: "Exit 1 when a finding at or above this severity exists [default: the config's failOn, else error]" })
      .option('contracts', { type: 'string', describe: "Folder of contract files, used alone [default: the bundled ones, with the config's contracts folders beside them]" })
      .option('config', { type: 'string', describe: 'Config file [default: tapegate.config.json in the current folder, if there is one]' })
      .example('$0 verify test/cassettes', 'Every cassette under test/cassettes; exit 1 on any error finding')
      .example('$0 verify test/cassettes --format junit --output verify.xml --fail-on warn', 'For a CI dashboard, failing on warnings too'),
  handler: async (args) => {
    // A --contracts folder is what the config's ignoreBody ids are checked against too.
    const flagContracts = args.contracts === undefined ? undefined : loadContracts({ dir: args.contracts });
    const config = loadConfig(args.config, process.cwd(), flagContracts ? { contracts: flagContracts } : {});
    const contracts = flagContracts ?? configuredContracts(config);
    const contractsLabel = args.contracts ?? contractsNote(config, contracts) ?? 'the bundled contracts';
    const failOn = args['fail-on'] ?? config.failOn;

    const named = args.cassettes && args.cassettes.length > 0 ? args.cassettes : config.cassettes ? [config.cassettes] : [];
    if (named.length === 0) {
      throw new TapegateError('Failed to choose cassettes to verify: none named, and no "cassettes" folder in tapegate.config.json', 2);
    }
    const files = await resolveInputs(named);
    const report = await verifyCassettes(files, { contracts, contractsLabel, progress: createProgress(files.length) });
    process.exitCode = await emitReport(verifyReportModel(report, failOn), args.format, args.output, 'verify report');
  },
};
