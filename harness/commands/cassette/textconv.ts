/**
 * `tapegate cassette textconv FILE`: the text git diffs for a cassette, through
 *
 *     .gitattributes:  *.cassette binary diff=tapegate   (binary: no line-ending conversion, no text merge)
 *     git config diff.tapegate.textconv "tapegate cassette textconv"
 *
 * git stops the whole diff when a textconv command fails, so any content gets exit 0: a
 * damaged cassette shows its intact exchanges and a last line naming the problem; a file
 * that is no cassette at all says so (and shows itself when it is text). Only a file that
 * cannot be read at all (missing, a folder) exits 2.
 */
import type { CommandModule } from 'yargs';
import { decodeCassette } from '../../../cassettes/format/decode.js';
import { readRegularFile } from '../../../cassettes/format/store-files.js';
import { ioError } from '../../../cassettes/format/store-errors.js';
import { writeStdout } from './output.js';
import { textconvLines } from './textconv-text.js';
import { namePositionals } from '../positionals.js';

interface Args {
  file: string;
}

export const textconvCommand: CommandModule<object, Args> = {
  command: 'textconv <file>',
  describe: 'Print a cassette as stable, diffable text (for git diff); exits 0 even for a damaged file',
  builder: (y) =>
    namePositionals(y, '<file>')
      .positional('file', { type: 'string', demandOption: true, describe: 'The cassette (git passes a temporary copy)' })
      .example('git config diff.tapegate.textconv "tapegate cassette textconv"', 'Use it for files marked diff=tapegate in .gitattributes')
      .example('$0 cassette textconv apis.cassette', 'The text git diff compares'),
  handler: async (args) => {
    let bytes: Buffer;
    try {
      bytes = await readRegularFile(args.file);
    } catch (error) {
      throw ioError('read cassette', args.file, error);
    }
    await writeStdout(textconvLines(bytes, decodeCassette));
  },
};
