/**
 * Is a path inside tapegate's own folder as installed in another project
 * (`node_modules/tapegate/...`)? Writing there changes what every later replay and verify
 * of that project loads, silently, and the next `npm ci` undoes it: commands that write
 * (contracts generate) refuse such a path. tapegate's own checkout is not installed, so
 * regenerating its bundled contracts stays possible.
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { packageRoot } from './package-root.js';

export function insideInstalledPackage(path: string): boolean {
  const root = packageRoot();
  if (!root.split(sep).includes('node_modules')) return false;
  const target = realOrResolved(path);
  const inside = relative(root, target);
  return inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

/** The real path of the nearest existing ancestor, joined with the rest (the folder may not exist yet). */
function realOrResolved(path: string): string {
  let existing = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      return resolve(realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return resolve(path);
      rest.push(existing.slice(parent.length).replace(/^[\\/]/, ''));
      existing = parent;
    }
  }
}
