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

/** What was cut, from where and why, and where the backup is: one sentence. */
function droppedText(result: RecoveryResult): string {
  const { problem } = result;
  if (problem === null) return '';
  const what =
    result.droppedExchanges === null
      ? 'the file ended without its end record, so exchanges after it may be missing'
      : `dropped ${countOf(result.droppedExchanges, 'exchange record')} (${countOf(result.droppedBytes, 'byte')}) from byte ${problem.offset}: ${problem.kind} record (${problem.detail})`;
  const backup = result.backup === null ? '' : `; the damaged file is kept as ${result.backup}`;
  return `; ${what}${backup}`;
}

/** `recovered 17 exchanges from the journal`, `kept 3 exchanges; dropped 2 exchange records (…) from byte 1234: …`, … */
export function describeRecovery(result: RecoveryResult): string {
  const exchanges = countOf(result.kept, 'exchange');
  switch (result.from) {
    case 'journal':
      return `recovered ${exchanges} from the journal${droppedText(result)}`;
    case 'cassette':
      return `kept ${exchanges}${droppedText(result)}`;
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
        'Whatever is cut is first copied beside the file (FILE.bak, or FILE.journal.bak; .bak.2 and on when taken). ' +
          'Exit status: 0 when nothing recorded was lost (the cassette was intact, or a journal lost at most its ' +
          'half-written last exchange, which no client saw answered); 1 when exchanges were dropped (a damaged ' +
          'cassette, a corrupt record in a journal): check the backup, or restore the cassette from version control; ' +
          '2 when FILE is not a cassette or is of a newer format (it is left untouched). ' +
          'Do not run it while a recording of FILE is still going: it takes the journal over.',
      ),
  handler: async (args) => {
    const result = await recoverCassette(args.file);
    process.stdout.write(`${describeRecovery(result)}\n`);
    if (result.lost) process.exitCode = 1;
  },
};
