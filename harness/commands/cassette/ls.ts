/**
 * `tapegate cassette ls [DIR] [--json]`: one line a cassette found under DIR (at any
 * depth): path, exchanges, created, distinct operations. Read-only (journals are noted,
 * never recovered). A cassette that cannot be read gets a line with the store's message
 * instead of ending the listing, and the exit code is then 1.
 */
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { readCassette } from '../../../cassettes/format/store.js';
import { summarizeCassette, type CassetteSummary } from '../../../cassettes/format/summary.js';
import { countOf } from '../../../core/text.js';
import { TapegateError } from '../../../core/errors.js';
import { findCassettes, type FoundCassette } from '../../../cassettes/format/find.js';
import { writeStdout } from './output.js';
import { recoverHint } from '../../../cassettes/format/read-to-look.js';

interface Args {
  dir: string;
  json: boolean;
}

/** One row of `--json`: `status` says which other fields there are. */
export type ListedCassette =
  | ({ path: string; status: 'ok'; journal: boolean } & CassetteSummary)
  | { path: string; status: 'unreadable'; journal: boolean; error: string }
  /** Only `<path>.journal` exists: a first recording in progress, or crashed. */
  | { path: string; status: 'journal-only'; journal: true };

/** How many operation names a text line shows before `+N more`. */
const NAMES_SHOWN = 3;

async function listOne(found: FoundCassette): Promise<ListedCassette> {
  const path = found.relative;
  if (!found.exists) return { path, status: 'journal-only', journal: true };
  try {
    const cassette = await readCassette(found.file, { recoverJournal: false });
    return { path, status: 'ok', journal: found.journal, ...summarizeCassette(cassette) };
  } catch (error) {
    if (!(error instanceof TapegateError)) throw error;
    return { path, status: 'unreadable', journal: found.journal, error: error.message };
  }
}

function operationsText(row: CassetteSummary): string {
  const names = row.operations.slice(0, NAMES_SHOWN);
  const more = row.operations.length - names.length;
  const list = names.length === 0 ? '' : `: ${names.join(', ')}${more > 0 ? `, +${more} more` : ''}`;
  return `${countOf(row.operations.length, 'operation')}${list}${row.unrouted > 0 ? `; ${row.unrouted} unrouted` : ''}`;
}

function* textLines(rows: ListedCassette[], dir: string): Generator<string> {
  if (rows.length === 0) {
    yield `no cassettes under ${dir}\n`;
    return;
  }
  const pathWidth = Math.max(...rows.map((row) => row.path.length));
  const counts = rows.map((row) => (row.status === 'ok' ? countOf(row.exchanges, 'exchange') : ''));
  const countWidth = Math.max(...counts.map((count) => count.length));
  for (const [index, row] of rows.entries()) {
    const path = row.path.padEnd(pathWidth);
    const journalNote = row.journal ? '  (journal beside it: recording in progress or crashed)' : '';
    if (row.status === 'journal-only') {
      const hint = recoverHint(join(dir, row.path));
      yield `${path}  only a journal: a first recording in progress or crashed; after a crash, ${hint} makes the cassette\n`;
    } else if (row.status === 'unreadable') {
      yield `${path}  unreadable: ${row.error}${journalNote}\n`;
    } else {
      yield `${path}  ${(counts[index] ?? '').padEnd(countWidth)}  created ${row.createdAt}  ${operationsText(row)}${journalNote}\n`;
    }
  }
  const unreadable = rows.filter((row) => row.status === 'unreadable').length;
  yield `${countOf(rows.length, 'cassette')}${unreadable > 0 ? `, ${unreadable} unreadable` : ''}\n`;
}

export const lsCommand: CommandModule<object, Args> = {
  command: 'ls [dir]',
  describe: 'List the cassettes under a folder (recursively): exchanges, created, operations',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', default: '.', describe: 'The folder to search (.git and node_modules are skipped)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print a JSON array, one object a cassette' })
      .example('$0 cassette ls test/cassettes', 'One line a cassette; exit 1 if any is unreadable')
      .example('$0 cassette ls --json . | jq ".[] | select(.status != \\"ok\\")"', 'The ones that need attention'),
  handler: async (args) => {
    const rows: ListedCassette[] = [];
    // One at a time: a cassette is read whole, and a listing may cover many big ones.
    for (const found of await findCassettes(args.dir)) rows.push(await listOne(found));
    if (args.json) await writeStdout([`${JSON.stringify(rows, null, 2)}\n`]);
    else await writeStdout(textLines(rows, args.dir));
    if (rows.some((row) => row.status === 'unreadable')) process.exitCode = 1;
  },
};
