import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TapegateError } from '../core/errors.js';
import { resolveCassettePath } from './cassette-path.js';

let base: string;
let dir: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'tapegate-path-'));
  dir = join(base, 'cassettes');
  await mkdir(join(dir, 'users'), { recursive: true });
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

function refusal(name: string): string {
  try {
    resolveCassettePath(dir, name);
  } catch (error) {
    expect(error).toBeInstanceOf(TapegateError);
    expect((error as TapegateError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error(`expected ${name} to be refused`);
}

describe('resolveCassettePath', () => {
  it('resolves names inside the folder, subfolders and harmless dot segments included', () => {
    expect(resolveCassettePath(dir, 'a.cassette')).toBe(join(dir, 'a.cassette'));
    expect(resolveCassettePath(dir, 'users/list.cassette')).toBe(join(dir, 'users', 'list.cassette'));
    expect(resolveCassettePath(dir, 'users/../b.cassette')).toBe(join(dir, 'b.cassette'));
    expect(resolveCassettePath(dir, join(dir, 'users', 'c.cassette'))).toBe(join(dir, 'users', 'c.cassette'));
  });

  it('refuses ../ escapes, naming the name, where it lands and the folder', () => {
    expect(refusal('../x.cassette')).toBe(`Failed to resolve cassette "../x.cassette": it resolves to "${join(base, 'x.cassette')}", outside the cassette folder "${dir}"`);
    expect(refusal('users/../../x.cassette')).toContain('outside the cassette folder');
  });

  it('refuses an absolute path elsewhere, a sibling folder with the same prefix, and the folder itself', () => {
    expect(refusal(join(base, 'elsewhere.cassette'))).toContain(`"${join(base, 'elsewhere.cassette')}"`);
    expect(refusal('../cassettes-evil/x.cassette')).toContain('outside the cassette folder');
    expect(refusal('.')).toContain('outside the cassette folder');
  });

  it('refuses a link inside the folder that points out of it', async () => {
    const outside = join(base, 'secret.cassette');
    await writeFile(outside, 'x');
    await symlink(outside, join(dir, 'link.cassette'));
    expect(refusal('link.cassette')).toBe(`Failed to resolve cassette "link.cassette": it is a link to "${outside}", outside the cassette folder "${dir}"`);
  });

  it('ends on a loop of links instead of following it forever', async () => {
    await symlink(join(dir, 'loop-b'), join(dir, 'loop-a'));
    await symlink(join(dir, 'loop-a'), join(dir, 'loop-b'));
    expect(resolveCassettePath(dir, 'loop-a/x.cassette')).toBe(join(dir, 'loop-a', 'x.cassette'));
  });

  it('refuses empty names and NUL bytes', () => {
    expect(refusal('')).toContain('not a usable file name');
    expect(refusal('a\0b')).toContain('not a usable file name');
  });
});
