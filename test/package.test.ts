/**
 * What the package promises about itself (issue 12, item 9): the Node versions it runs on,
 * what the packed tarball holds, and a test run free of the AWS SDK's Node 22 notice but
 * not of real warnings.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './support/cli.js';

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; license: string };

/** The two range forms package.json uses: `^X.Y.Z` (same major) and `>=X.Y.Z`. */
function satisfies(version: string, range: string): boolean {
  const parse = (text: string) => text.split('.').map(Number) as [number, number, number];
  const atLeast = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  return range.split('||').some((part) => {
    const [, op, floor] = /^\s*(\^|>=)(\d+\.\d+\.\d+)\s*$/.exec(part) ?? [];
    if (!op || !floor) throw new Error(`unexpected range part "${part}"`);
    const v = parse(version);
    const f = parse(floor);
    return atLeast(v, f) >= 0 && (op === '>=' || v[0] === f[0]);
  });
}

describe('package.json engines', () => {
  it('admits only Node versions that have zlib.crc32 (20.15 on 20.x, 22.2 on 22.x), which the cassette codec uses', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'cassettes', 'format', 'codec.ts'), 'utf8')).toMatch(/import \{ crc32 \} from 'node:zlib'/);
    expect(typeof zlib.crc32).toBe('function');
    const range = manifest.engines.node;
    for (const without of ['20.0.0', '20.14.0', '21.7.3', '22.1.0']) expect({ without, ok: satisfies(without, range) }).toEqual({ without, ok: false });
    for (const withIt of ['20.15.0', '20.20.2', '22.2.0', '24.1.0']) expect({ withIt, ok: satisfies(withIt, range) }).toEqual({ withIt, ok: true });
  });
});

describe('the packed tarball', () => {
  it('ships the LICENSE the license field names, the pytest plugin, and no dist/bench or dist/test', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(packed.status).toBe(0);
    const files = (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path);
    expect(files).toContain('LICENSE');
    expect(files).toContain('dist/harness/cli.js');
    // `tapegate exec --sessions` puts its folder on PYTHONPATH (harness/exec/child-env.ts).
    expect(files).toContain('harness/pytest/tapegate_pytest.py');
    expect(files.filter((file) => /^dist\/(bench|test)\//.test(file) || /\.test\./.test(file))).toEqual([]);
    expect(manifest.license).toBe('MIT');
    const license = readFileSync(join(PROJECT_ROOT, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} tapegate\n/);
  });
});

describe('warnings in the test run', () => {
  it("leave out the AWS SDK's Node version notice, and nothing else", () => {
    const script = [
      "import { APIGatewayClient } from '@aws-sdk/client-api-gateway';",
      "new APIGatewayClient({ region: 'us-east-1' }).destroy();",
      "process.emitWarning('a real warning');",
    ].join('\n');
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(child.status).toBe(0);
    expect(child.stderr).toContain('a real warning');
    expect(child.stderr).not.toContain('NodeVersionSupportWarning');
  });
});
