/**
 * `tapegate cassette recover FILE`: after a crash, keep the valid prefix. A journal left
 * beside the cassette becomes the cassette; a cassette that is itself truncated or
 * corrupt is cut after its last intact record. Prints one line saying what was done.
 */
import type { CommandModule } from 'yargs';
import { recoverCassette, type RecoveryResult } from '../../../cassettes/format/recover.js';
import { countOf } from '../../../core/text.js';
import { namePositionals } from '../positionals.js';

interface Args {
  file: string;
}

/** `recovered 17 exchanges from the journal`, `kept 17 exchanges, dropped 123 bytes of a damaged tail`, … */
export function describeRecovery(result: RecoveryResult): string {
  const exchanges = countOf(result.kept, 'exchange');
  const dropped = `dropped ${countOf(result.droppedBytes, 'byte')} of a damaged tail`;
  switch (result.from) {
    case 'journal':
      return `recovered ${exchanges} from the journal${result.droppedBytes > 0 ? `, ${dropped}` : ''}`;
    case 'cassette':
      return `kept ${exchanges}, ${dropped}`;
    case 'none':
      return `nothing to recover: the cassette is intact (${exchanges})`;
  }
}

export const recoverCommand: CommandModule<object, Args> = {
  command: 'recover <file>',
  describe: 'After a crash: turn a leftover journal into the cassette, or cut a damaged cassette after its last intact exchange',
  builder: (y) =>
    namePositionals(y, '<file>')
      .positional('file', { type: 'string', demandOption: true, describe: 'The .cassette file (its journal is FILE.journal)' })
      .example('$0 cassette recover test/cassettes/apis.cassette', 'Keep every intact exchange; say what was dropped')
      .epilogue(
        'Do not run it while a recording of FILE is still going: it takes the journal over. A file that is not a ' +
          'cassette, or is of a newer format, is refused and left untouched (exit 2).',
      ),
  handler: async (args) => {
    const result = await recoverCassette(args.file);
    process.stdout.write(`${describeRecovery(result)}\n`);
  },
};
