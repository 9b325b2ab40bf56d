/**
 * Reading a cassette to look at it (show, export): never through its journal. Recovering
 * a journal would take over a recording that may still be running (see
 * docs/cassette-format.md), so a journal is reported on stderr and left alone.
 */
import { access } from 'node:fs/promises';
import { journalPathFor } from './format.js';
import { readCassette, type LoadedCassette } from './store.js';
import { TapegateError } from '../../core/errors.js';

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

/** `x.cassette`, quoted for a POSIX shell when it needs to be, for hints users paste. */
export function shellWord(file: string): string {
  return /^[\w@%+=:,./-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}

export function recoverHint(file: string): string {
  return `\`tapegate cassette recover ${shellWord(file)}\``;
}

export async function readCassetteToLook(file: string): Promise<LoadedCassette> {
  const journal = journalPathFor(file);
  const hasJournal = await exists(journal);
  if (hasJournal && !(await exists(file))) {
    throw new TapegateError(
      `Failed to read cassette "${file}": no such file, but its journal "${journal}" is there: a first recording ` +
        `is in progress or crashed before finishing. After a crash, ${recoverHint(file)} makes the cassette.`,
      2,
    );
  }
  const cassette = await readCassette(file, { recoverJournal: false });
  if (hasJournal) {
    process.stderr.write(
      `tapegate: note: a journal "${journal}" is beside the cassette: a recording is in progress or crashed ` +
        `before finishing. This is the cassette without the journal's exchanges; after a crash, ${recoverHint(file)} keeps them.\n`,
    );
  }
  return cassette;
}
