/**
 * `tapegate cassette show FILE`: the cassette as readable JSON (header and exchanges,
 * 2-space indented, small `bytes` bodies as base64, large or event stream ones summarised:
 * body-summary.ts) on stdout. Read-only: a journal beside the
 * cassette is reported, never recovered.
 */
import type { CommandModule } from 'yargs';
import { cassetteJsonText } from './json-text.js';
import { writeStdout } from './output.js';
import { readCassetteToLook } from '../../../cassettes/format/read-to-look.js';
import { namePositionals } from '../positionals.js';

interface Args {
  file: string;
}

export const showCommand: CommandModule<object, Args> = {
  command: 'show <file>',
  describe: 'Print a cassette as JSON (read-only; a journal beside it is reported on stderr, not recovered)',
  builder: (y) =>
    namePositionals(y, '<file>')
      .positional('file', { type: 'string', demandOption: true, describe: 'The .cassette file' })
      .example('$0 cassette show test/cassettes/apis.cassette', 'Header and exchanges as JSON')
      .example('$0 cassette show apis.cassette | jq ".exchanges[].operation"', 'The operations, in order'),
  handler: async (args) => {
    const cassette = await readCassetteToLook(args.file);
    await writeStdout(cassetteJsonText(cassette, true));
  },
};
