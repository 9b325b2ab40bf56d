/**
 * What `tapegate verify` was asked to check: each argument a cassette file or a folder
 * searched at any depth (as `tapegate cassette ls` does). A name that is neither, or a
 * folder without cassettes, is bad input (exit 2): a CI job that verifies nothing because
 * of a typo must not pass.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { journalPathFor } from '../cassettes/format/format.js';
import { TapegateError } from '../core/errors.js';
import { findCassettes } from '../cassettes/format/find.js';

async function kind(path: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** The cassette files to read, in the order named (a folder's in path order), each once. */
export async function resolveInputs(names: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const name of names) {
    const found = await kind(name);
    if (found === 'folder') {
      const cassettes = await findCassettes(name);
      if (cassettes.length === 0) throw new TapegateError(`Failed to verify "${name}": no cassettes (*.cassette) in it or below it`, 2);
      // Journal-only entries stay in: reading one says what happened and how to recover it.
      files.push(...cassettes.map((cassette) => cassette.file));
    } else if (found === 'file' || (await kind(journalPathFor(name))) === 'file') {
      files.push(name);
    } else {
      throw new TapegateError(`Failed to verify "${name}": no such file or folder`, 2);
    }
  }
  // The same cassette named twice (itself and its folder) is checked once.
  const seen = new Set<string>();
  return files.filter((file) => {
    const absolute = resolve(file);
    if (seen.has(absolute)) return false;
    seen.add(absolute);
    return true;
  });
}
