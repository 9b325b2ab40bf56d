/**
 * The CLI as an installed dependency of another project (issue 12, items 3 and 4): it
 * names its own version, and it never writes into its own package folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './support/cli.js';
import { installedProject, type InstalledProject } from './support/installed-package.js';
import { widgetsModel } from './fixtures/drift/botocore-folders.js';

let project: InstalledProject;
/** A made-up model, written for the run: no model file is kept in the repository. */
let model: string;
let modelDir: string;
beforeAll(() => {
  project = installedProject('9.9.9');
  modelDir = mkdtempSync(join(tmpdir(), 'tapegate-installed-model-'));
  const folder = join(modelDir, 'widgets', '2020-01-01');
  mkdirSync(folder, { recursive: true });
  model = join(folder, 'service-2.json');
  writeFileSync(model, JSON.stringify(widgetsModel()));
});
afterAll(() => {
  project.remove();
  rmSync(modelDir, { recursive: true, force: true });
});

function tapegate(args: string[]) {
  const result = spawnSync(process.execPath, [project.cli, ...args], { cwd: project.dir, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ownVersion = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('tapegate installed in another project', () => {
  it("--version prints tapegate's version, not the project's", () => {
    const result = tapegate(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(ownVersion);
    expect(ownVersion).not.toBe('9.9.9');
  });

  it('contracts generate needs --out, and refuses a folder inside the installed package', () => {
    const bundled = join(project.packageDir, 'contracts', 'generated');
    const before = readdirSync(bundled).sort();

    const missing = tapegate(['contracts', 'generate', '--botocore', model]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Missing required argument: out/);

    for (const out of [bundled, join('node_modules', 'tapegate', 'contracts', 'mine')]) {
      const refused = tapegate(['contracts', 'generate', '--botocore', model, '--out', out]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/^tapegate: Failed to generate contracts into ".*": that is inside the installed tapegate package/);
    }
    expect(readdirSync(bundled).sort()).toEqual(before);
    expect(existsSync(join(project.packageDir, 'contracts', 'mine'))).toBe(false);

    const written = tapegate(['contracts', 'generate', '--botocore', model, '--out', 'contracts']);
    expect(written.status).toBe(0);
    expect(existsSync(join(project.dir, 'contracts', 'widgets-2020-01-01.json'))).toBe(true);
  });
});
