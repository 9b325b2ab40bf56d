/**
 * `tapegate cassette export FILE --json [--output OUT]`: the JSON form of a cassette (the
 * form `cassette import` reads back) on stdout or in OUT, written atomically. JSON is the
 * only export format for now, but `--json` is required so that another can be added
 * later without changing what an existing command line means.
 */
import type { CommandModule } from 'yargs';
import { TapegateError } from '../../../core/errors.js';
import { cassetteJsonText } from './json-text.js';
import { writeStdout, writeTextFileAtomic } from './output.js';
import { readCassetteToLook } from '../../../cassettes/format/read-to-look.js';
import { namePositionals } from '../positionals.js';

interface Args {
  file: string;
  json?: boolean;
  output?: string;
}

export const exportCommand: CommandModule<object, Args> = {
  command: 'export <file>',
  describe: 'Write a cassette in its JSON form (the form `cassette import` reads), to stdout or --output',
  builder: (y) =>
    namePositionals(y, '<file>')
      .positional('file', { type: 'string', demandOption: true, describe: 'The .cassette file' })
      .option('json', {
        type: 'boolean',
        describe: 'Write the JSON form. Required: JSON is the only export format for now, and naming it keeps command lines valid when another comes',
      })
      .option('output', { alias: 'o', type: 'string', describe: 'Write to this file (atomically) instead of stdout' })
      .example('$0 cassette export apis.cassette --json --output apis.json', 'A JSON fixture to edit by hand and import again')
      .example('$0 cassette export apis.cassette --json > apis.json', 'The same, through stdout'),
  handler: async (args) => {
    if (args.json !== true) {
      throw new TapegateError(`Failed to export cassette "${args.file}": say which format: --json (the only export format for now)`, 2);
    }
    const cassette = await readCassetteToLook(args.file);
    const text = cassetteJsonText(cassette);
    if (args.output === undefined) await writeStdout(text);
    else await writeTextFileAtomic(args.output, text, 'write export');
  },
};
