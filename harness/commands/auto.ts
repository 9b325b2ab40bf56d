/**
 * `tapegate auto --cassette FILE ...`: replay what the cassette holds, forward and record
 * the rest, appending to the cassette (created when missing). Each recorded exchange answers
 * one request; a request repeated more often than it was recorded is forwarded and recorded.
 * Options, output and exit codes as `tapegate record` (record.ts); the config's matchHeaders
 * and ignoreBody decide what counts as already recorded.
 */
import type { CommandModule } from 'yargs';
import { recordingHandler, recordingOptions, type RecordArgs } from './record.js';

export const autoCommand: CommandModule<object, RecordArgs> = {
  command: 'auto',
  describe: 'Replay what the cassette holds; forward to AWS and append what it does not',
  builder: (y) =>
    recordingOptions(y, 'auto')
      .example('$0 auto --cassette test/cassettes/apis.cassette', 'Serve recorded answers, record new requests into the same cassette')
      .epilogue(
        'A request is answered from the cassette when an unused recorded exchange matches it (as in replay); ' +
          'otherwise it is forwarded, re-signed, and its exchange appended. stdout: "listening URL", then the ' +
          "summary when stopped (SIGINT/SIGTERM). --fail-on defaults to never. tapegate.config.json's matchHeaders " +
          'and ignoreBody decide what counts as recorded; flags override its other settings.',
      ),
  handler: recordingHandler('auto'),
};
