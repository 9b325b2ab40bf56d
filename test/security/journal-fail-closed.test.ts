/**
 * Issue 10, item 8: when the journal could not be written, every request was still
 * forwarded and executed upstream, then answered 500 (80 APIs created upstream while the
 * client saw 37 failures); a journal deleted mid-run went unnoticed until shutdown. Now an
 * append notices a deleted or replaced journal, and once the journal has failed the proxy
 * forwards nothing more: 503, naming why.
 */
import { rename, unlink, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startProxy } from '../../index.js';
import { Cleanups, randomCredentials, tempDir } from '../record-fixtures.js';
import { V2_IR_COLLECTION } from '../replay-fixtures.js';
import { send, SIGNED } from './support/http.js';
import { startRawUpstream } from './support/upstream.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

describe('a journal that cannot be written', () => {
  it.each([
    ['deleted', async (journal: string) => unlink(journal), 'deleted'],
    [
      'replaced',
      async (journal: string) => {
        await writeFile(journal + '.other', 'not ours');
        await rename(journal + '.other', journal);
      },
      'replaced',
    ],
  ] as const)('%s mid-run: the next append fails, and nothing more is forwarded', async (_, spoil, word) => {
    const upstream = await startRawUpstream();
    cleanups.add(() => upstream.close());
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const cassette = join(dir, 'fail-closed.cassette');
    const lines: string[] = [];
    // Not closed by a cleanup: closing is part of the test (it must fail, naming the journal).
    const proxy = await startProxy({ mode: 'record', cassette, upstream: upstream.url, credentials: randomCredentials(), log: (line) => lines.push(line) });
    expect((await send(proxy.url, { path: V2_IR_COLLECTION, headers: SIGNED })).status).toBe(200);
    await spoil(cassette + '.journal');

    // This one was forwarded before the append could tell: the client must not get an answer the cassette lacks.
    const failed = await send(proxy.url, { path: V2_IR_COLLECTION, headers: SIGNED });
    expect(failed.status).toBe(500);
    expect(JSON.stringify(failed.json)).toContain(word);
    const seen = upstream.received.length;

    for (let i = 0; i < 3; i++) {
      const refused = await send(proxy.url, { method: 'POST', path: '/restapis', headers: { ...SIGNED, 'content-type': 'application/json' }, body: '{"name":"x"}' });
      expect(refused.status).toBe(503);
      expect(JSON.stringify(refused.json)).toContain('nothing more is forwarded');
    }
    expect(upstream.received.length).toBe(seen);
    expect(lines.some((line) => line.includes(word))).toBe(true);
    await expect(proxy.close()).rejects.toThrow(/Failed to finish journal/);
  });
});
