/**
 * Finding cassettes under a folder for `tapegate cassette ls`: every `*.cassette`, at any
 * depth, and every journal whose cassette does not exist yet (a first recording in
 * progress or crashed). `.git` and `node_modules` are skipped, symbolic links to folders
 * are not followed (no loops), and the order is stable: by path, code unit by code unit.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CASSETTE_EXTENSION, JOURNAL_SUFFIX } from './format.js';
import { ioError } from './store-errors.js';
import { TapegateError } from '../../core/errors.js';

export interface FoundCassette {
  /** The path to open: the folder given joined with `relative`. */
  file: string;
  /** Relative to the folder given, with `/` separators. */
  relative: string;
  /** A journal is beside it (or, when `exists` is false, only the journal is there). */
  journal: boolean;
  exists: boolean;
}

const skipped = new Set(['.git', 'node_modules']);

async function walk(dir: string, into: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipped.has(entry.name)) await walk(path, into);
    } else if (entry.name.endsWith(CASSETTE_EXTENSION) || entry.name.endsWith(CASSETTE_EXTENSION + JOURNAL_SUFFIX)) {
      into.push(path);
    }
  }
}

export async function findCassettes(dir: string): Promise<FoundCassette[]> {
  const verb = 'list cassettes in';
  const info = await stat(dir).catch((error: unknown) => {
    throw ioError(verb, dir, error);
  });
  if (!info.isDirectory()) throw new TapegateError(`Failed to ${verb} "${dir}": it is not a folder`, 2);
  const paths: string[] = [];
  try {
    await walk(dir, paths);
  } catch (error) {
    throw ioError(verb, dir, error);
  }
  const names = new Set(paths);
  const found: FoundCassette[] = [];
  for (const path of paths) {
    const isJournal = path.endsWith(JOURNAL_SUFFIX);
    const file = isJournal ? path.slice(0, -JOURNAL_SUFFIX.length) : path;
    // A journal beside its cassette is reported on the cassette's line.
    if (isJournal && names.has(file)) continue;
    found.push({
      file,
      relative: relative(dir, file).split(sep).join('/'),
      journal: isJournal || names.has(file + JOURNAL_SUFFIX),
      exists: !isJournal,
    });
  }
  return found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}
