/**
 * Cassette names from users (a CLI flag, a test's `cassette: 'users/list'`) resolved inside
 * a cassette folder, refusing any that would land outside it: `../x.cassette`, an absolute
 * path elsewhere, or a symbolic link inside the folder that points out of it. The CLI and
 * the vitest integration use this one function so both refuse the same names.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { TapegateError } from '../core/errors.js';

/** True when `target` lies below `dir` (both absolute, normalized); `dir` itself is not a cassette. */
function isInside(dir: string, target: string): boolean {
  const rel = relative(dir, target);
  return rel !== '' && !isAbsolute(rel) && rel !== '..' && !rel.startsWith('..' + sep);
}

/** The real path when the file (or folder) exists, so links are followed; else undefined. */
function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The absolute path of cassette `name` inside `dir`. `name` may be relative (resolved
 * against `dir`) or absolute (accepted only when it lies inside `dir`).
 */
export function resolveCassettePath(dir: string, name: string): string {
  if (name.trim() === '' || name.includes('\0')) {
    throw new TapegateError(`Failed to resolve cassette ${JSON.stringify(name)}: not a usable file name`, 2);
  }
  const folder = resolve(dir);
  const target = resolve(folder, name);
  if (!isInside(folder, target)) {
    throw new TapegateError(
      `Failed to resolve cassette "${name}": it resolves to "${target}", outside the cassette folder "${folder}"`,
      2,
    );
  }
  const realFolder = realOrUndefined(folder);
  const realTarget = realOrUndefined(target);
  if (realFolder !== undefined && realTarget !== undefined && !isInside(realFolder, realTarget)) {
    throw new TapegateError(
      `Failed to resolve cassette "${name}": it is a link to "${realTarget}", outside the cassette folder "${folder}"`,
      2,
    );
  }
  return target;
}
