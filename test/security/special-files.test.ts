/**
 * Issue 10, minor: a cassette that is not a regular file. One linked to `/dev/zero` made
 * every command that opens it read forever while memory grew; a named pipe waited for a
 * writer. They are refused before a byte is read, naming what the file is; a proper
 * cassette beside them is served.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCassette } from '../../cassettes/format/store.js';
import { TapegateError } from '../../core/errors.js';
import { startProxy } from '../../index.js';
import { assertBuilt, Cleanups, randomCredentials } from '../record-fixtures.js';
import { seedExchanges, V1_IR_PATH, writeTempCassette } from '../replay-fixtures.js';
import { runCli } from '../support/cli.js';
import { send } from './support/http.js';
import { startRawUpstream } from './support/upstream.js';

const cleanups = new Cleanups();
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapegate-special-'));
  cleanups.add(() => rm(dir, { recursive: true, force: true }));
});
afterEach(() => cleanups.run());

async function specialFiles(): Promise<[string, string, string][]> {
  const zero = join(dir, 'zero.cassette');
  await symlink('/dev/zero', zero);
  const fifo = join(dir, 'fifo.cassette');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  const folder = join(dir, 'folder.cassette');
  await mkdir(folder);
  return [
    [zero, 'it is a character device, not a regular file', 'zero.cassette'],
    [fifo, 'it is a named pipe, not a regular file', 'fifo.cassette'],
    [folder, 'it is a directory', 'folder.cassette'],
  ];
}

async function refusal(start: Promise<unknown>): Promise<TapegateError> {
  const error = await start.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TapegateError);
  return error as TapegateError;
}

describe('a cassette that is not a regular file', () => {
  it('is refused at once by the proxies and the store, naming what it is; a real cassette is served', async () => {
    const upstream = await startRawUpstream();
    cleanups.add(() => upstream.close());
    for (const [file, reason] of await specialFiles()) {
      const replay = await refusal(startProxy({ mode: 'replay', cassette: file, log: false }));
      expect(replay.message).toBe(`Failed to read cassette "${file}": ${reason}`);
      expect(replay.exitCode).toBe(2);
      const auto = await refusal(startProxy({ mode: 'auto', cassette: file, upstream: upstream.url, credentials: randomCredentials(), log: false }));
      expect(auto.message).toContain(reason);
      expect((await refusal(readCassette(file))).message).toContain(reason);
    }
    const real = await writeTempCassette(seedExchanges());
    cleanups.add(real.remove);
    const proxy = await startProxy({ mode: 'replay', cassette: real.file, log: false });
    cleanups.add(() => proxy.close());
    expect((await send(proxy.url, { path: V1_IR_PATH })).status).toBe(200);
  });

  it('every cassette command refuses it with exit 2 and returns promptly', async () => {
    assertBuilt(['cassettes/format/store-files.ts', 'harness/commands/cassette/import.ts', 'harness/commands/cassette/textconv.ts']);
    for (const [, reason, name] of await specialFiles()) {
      for (const command of [
        ['show', name],
        ['export', name, '--json'],
        ['recover', name],
        ['textconv', name],
        ['import', name, '--output', 'out.cassette'],
      ]) {
        const started = performance.now();
        const result = runCli(['cassette', ...command], { cwd: dir });
        expect(result.status, `${command.join(' ')}: ${result.stderr}`).toBe(2);
        expect(result.stderr).toContain(reason);
        expect(performance.now() - started).toBeLessThan(20_000);
      }
    }
  });
});
