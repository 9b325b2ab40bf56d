/**
 * Cassette names from users (a CLI flag, a test's `cassette: 'users/list'`) resolved inside
 * a cassette folder, refusing any that would land outside it: `../x.cassette`, an absolute
 * path elsewhere, or a symbolic link that points out of it, whether the link is the
 * cassette itself or a folder on the way, and whether or not the cassette exists yet. The
 * CLI and the vitest integration use this one function so both refuse the same names.
 *
 * The check is made when the proxy starts; a link swapped in while it runs is not seen
 * (whoever can do that can write the cassette folder anyway).
 */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { TapegateError } from '../core/errors.js';

/** True when `target` lies below `dir` (both absolute, normalized); `dir` itself is not a cassette. */
function isInside(dir: string, target: string): boolean {
  const rel = relative(dir, target);
  return rel !== '' && !isAbsolute(rel) && rel !== '..' && !rel.startsWith('..' + sep);
}

/** Links followed before giving up, as the kernel does (Linux's MAXSYMLINKS is 40). */
const MAX_LINKS = 40;

/**
 * Where writing `path` would really land: the real path of its nearest existing ancestor
 * with the missing segments after it. A dangling link (the name exists, its target does
 * not) is followed to its target, since writing through it creates that target.
 */
export function realDestination(path: string): string {
  let current = resolve(path);
  let missing: string[] = [];
  for (let links = 0; ;) {
    try {
      return join(realpathSync(current), ...missing);
    } catch {
      // Not there (or not reachable): a dangling link, or a name still to be created.
    }
    let target: string | null = null;
    try {
      if (lstatSync(current).isSymbolicLink()) target = readlinkSync(current);
    } catch {
      target = null;
    }
    if (target !== null) {
      if (++links > MAX_LINKS) return join(current, ...missing);
      current = resolve(dirname(current), target);
      continue;
    }
    const parent = dirname(current);
    if (parent === current) return join(current, ...missing);
    missing = [basename(current), ...missing];
    current = parent;
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
    throw new TapegateError(`Failed to resolve cassette "${name}": it resolves to "${target}", outside the cassette folder "${folder}"`, 2);
  }
  const realFolder = realDestination(folder);
  const realTarget = realDestination(target);
  if (!isInside(realFolder, realTarget)) {
    throw new TapegateError(`Failed to resolve cassette "${name}": it is a link to "${realTarget}", outside the cassette folder "${folder}"`, 2);
  }
  return target;
}
