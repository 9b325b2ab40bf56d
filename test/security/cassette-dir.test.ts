/**
 * Issue 10, item 9: `--cassette-dir` containment. The check followed links only when the
 * cassette already existed, so `linkdir/new.cassette`, with `linkdir` a link out of the
 * folder, was recorded outside it. Every test points a recording proxy (started with the
 * public `startProxy`, as the CLI and `useCassette` do) at a name that leads out through a
 * link, expects a refusal and an untouched outside folder, then records a proper name.
 */
import { mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCassette } from '../../cassettes/format/store.js';
import { TapegateError } from '../../core/errors.js';
import { startProxy } from '../../index.js';
import { Cleanups, randomCredentials, tempDir } from '../record-fixtures.js';
import { send, SIGNED } from './support/http.js';
import { startRawUpstream } from './support/upstream.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

async function layout() {
  const { dir, remove } = await tempDir();
  cleanups.add(remove);
  const folder = join(dir, 'cassettes');
  const outside = join(dir, 'outside');
  await mkdir(folder);
  await mkdir(outside);
  await symlink(outside, join(folder, 'linkdir'));
  await symlink(join(outside, 'gone.cassette'), join(folder, 'gone.cassette'));
  await symlink(join(outside, 'nowhere'), join(folder, 'dangling-dir'));
  const upstream = await startRawUpstream();
  cleanups.add(() => upstream.close());
  return { folder, outside, upstream };
}

describe('a cassette name that leads out of --cassette-dir through a link', () => {
  it.each([
    ['a new cassette under a linked folder', 'linkdir/new.cassette'],
    ['a new cassette under a folder not yet made inside a linked one', 'linkdir/deeper/new.cassette'],
    ['a link to a cassette outside that does not exist yet', 'gone.cassette'],
    ['a new cassette under a link to a folder that does not exist yet', 'dangling-dir/new.cassette'],
  ])('%s is refused, and nothing is written outside', async (_, name) => {
    const { folder, outside, upstream } = await layout();
    for (const mode of ['record', 'auto'] as const) {
      const error = await startProxy({ mode, cassetteDir: folder, cassette: name, upstream: upstream.url, credentials: randomCredentials(), log: false }).then(
        (started) => (cleanups.add(() => started.close()), null),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TapegateError);
      expect((error as TapegateError).exitCode).toBe(2);
      expect((error as Error).message).toContain(`Failed to resolve cassette "${name}"`);
      expect((error as Error).message).toContain(`outside the cassette folder "${folder}"`);
    }
    expect(await readdir(outside)).toEqual([]);

    // A name that stays inside still records.
    const proxy = await startProxy({ mode: 'record', cassetteDir: folder, cassette: 'inside/ok.cassette', upstream: upstream.url, credentials: randomCredentials(), log: false });
    cleanups.add(() => proxy.close());
    expect((await send(proxy.url, { path: '/restapis', headers: SIGNED })).status).toBe(200);
    await proxy.close();
    expect((await readCassette(join(folder, 'inside', 'ok.cassette'))).exchanges).toHaveLength(1);
  });
});
