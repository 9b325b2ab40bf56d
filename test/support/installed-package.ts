/**
 * A project that depends on tapegate, as npm lays it out: `<project>/package.json` of its
 * own and `<project>/node_modules/tapegate/` holding what `npm pack` puts in the tarball
 * (the `files` of package.json: dist, the contracts, the example cassettes, schemas, docs,
 * LICENSE), unpacked. The build must be current (`npm run build`; `npm test` builds first);
 * packing runs no script. tapegate's own dependencies are links to this checkout's
 * node_modules, so nothing is downloaded. Used to check what the CLI and the README's
 * examples do when tapegate runs as an installed dependency rather than from its checkout.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './cli.js';

export interface InstalledProject {
  /** The project folder (run commands with this as cwd). */
  dir: string;
  /** The installed package folder, `<dir>/node_modules/tapegate`. */
  packageDir: string;
  /** `node_modules/.bin/tapegate`, the link npm makes and `npx tapegate` runs. */
  cli: string;
  remove(): void;
}

export function installedProject(projectVersion = '9.9.9'): InstalledProject {
  const dir = mkdtempSync(join(tmpdir(), 'tapegate-installed-'));
  const modules = join(dir, 'node_modules');
  const packageDir = join(modules, 'tapegate');
  mkdirSync(packageDir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'someone-elses-project', version: projectVersion, type: 'module' }));
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 });
  const tarball = join(dir, (JSON.parse(packed) as { filename: string }[])[0]!.filename);
  execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
  rmSync(tarball);
  // Dependencies resolve from <project>/node_modules, as npm would hoist them. yargs is a
  // real copy: it looks for "the" package.json above the node_modules it sits in.
  const source = join(PROJECT_ROOT, 'node_modules');
  for (const name of readdirSync(source)) {
    if (name === 'tapegate' || name.startsWith('.')) continue;
    if (name === 'yargs') cpSync(join(source, name), join(modules, name), { recursive: true, dereference: true });
    else symlinkSync(join(source, name), join(modules, name));
  }
  mkdirSync(join(modules, '.bin'));
  symlinkSync(join('..', 'tapegate', 'dist', 'harness', 'cli.js'), join(modules, '.bin', 'tapegate'));
  // npm makes a package's bin executable when it installs it (tsc writes cli.js without the bit).
  chmodSync(join(packageDir, 'dist', 'harness', 'cli.js'), 0o755);
  return {
    dir,
    packageDir,
    cli: join(modules, '.bin', 'tapegate'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
