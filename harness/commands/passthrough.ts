/**
 * `tapegate passthrough ...`: forward to AWS (or --upstream), re-signed, and check every
 * exchange against its contract; nothing is written. Useful to see findings for live traffic
 * (with --fail-on to make them fail a run). Options, output and exit codes as `tapegate record`.
 */
import type { CommandModule } from 'yargs';
import { recordingHandler, recordingOptions, type RecordArgs } from './record.js';

export const passthroughCommand: CommandModule<object, RecordArgs> = {
  command: 'passthrough',
  describe: 'Forward SDK traffic to AWS, re-signed, and validate it against the contracts (no cassette)',
  builder: (y) =>
    recordingOptions(y, 'passthrough')
      .example('$0 passthrough --profile dev --fail-on error', 'Exit 1 at the end if AWS traffic broke a contract')
      .example('$0 passthrough --upstream http://127.0.0.1:4566 --redact-headers x-api-key', "Check a local emulator's traffic, its x-api-key header dropped before validation")
      .epilogue(
        'stdout: "listening URL", then the summary when stopped (SIGINT/SIGTERM). stderr: one line per finding. ' +
          'tapegate.config.json gives the defaults of --upstream, --fail-on and --max-body; flags override it.',
      ),
  handler: recordingHandler('passthrough'),
};
