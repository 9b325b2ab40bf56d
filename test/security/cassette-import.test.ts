/**
 * Issue 10, item 10 (import): `cassette import` accepted what no HTTP peer may send and Node
 * refuses to write (header names with spaces, values with CR LF, statuses 100 and 101,
 * methods like `GET /x`, duplicate `seq`), so a hand-written fixture could break the replay
 * proxy mid-request or forge a second header. Each is refused now, naming its JSON Pointer;
 * a clean fixture still imports, and the binary reader holds cassettes to the same rules.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cassetteFromJson, cassetteToJson, type CassetteJson } from '../../cassettes/format/json.js';
import { writeCassette } from '../../cassettes/format/store.js';
import { startProxy } from '../../index.js';
import { Cleanups } from '../record-fixtures.js';
import { seedExchanges, V1_IR_PATH } from '../replay-fixtures.js';
import { assertBuilt } from '../record-fixtures.js';
import { runCli } from '../support/cli.js';
import { sampleHeader } from '../support/samples/cassette-samples.js';
import { send } from './support/http.js';

const cleanups = new Cleanups();
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapegate-import-'));
  cleanups.add(() => rm(dir, { recursive: true, force: true }));
});
afterEach(() => cleanups.run());

const fixture = (): CassetteJson => cassetteToJson({ header: sampleHeader(), exchanges: seedExchanges().slice(0, 3) });

function importError(edit: (json: CassetteJson) => void): string {
  const json = fixture();
  edit(json);
  try {
    cassetteFromJson(JSON.parse(JSON.stringify(json)), 'fixture.json');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the import to be refused');
}

const TOKEN = "an HTTP token (letters, digits and !#$%&'*+-.^_`|~)";
const CONTROL = 'must hold no CR, LF, NUL or other control character but tab, and nothing beyond Latin-1';

describe('cassette import refuses what HTTP cannot carry, by JSON Pointer', () => {
  it.each<[string, (json: CassetteJson) => void, string]>([
    ['a header name with a space', (j) => (j.exchanges[1]!.response.headers['x bad'] = 'v'), `/exchanges/1/response/headers/x bad is not a valid header name: it must be ${TOKEN}`],
    ['a header name with a colon', (j) => (j.exchanges[0]!.request.headers['x:y'] = 'v'), `/exchanges/0/request/headers/x:y is not a valid header name: it must be ${TOKEN}`],
    ['an empty header name', (j) => (j.exchanges[0]!.response.headers[''] = 'v'), `/exchanges/0/response/headers/ is not a valid header name: it must be ${TOKEN}`],
    [
      'a header value with CR LF (a forged header)',
      (j) => (j.exchanges[2]!.response.headers['x-note'] = 'a\r\nset-cookie: x=1'),
      `/exchanges/2/response/headers/x-note ${CONTROL}`,
    ],
    ['a header value with a lone LF', (j) => (j.exchanges[0]!.response.headers['x-note'] = 'a\nb'), `/exchanges/0/response/headers/x-note ${CONTROL}`],
    ['a header value with NUL', (j) => (j.exchanges[0]!.request.headers['x-note'] = 'a\u0000b'), `/exchanges/0/request/headers/x-note ${CONTROL}`],
    ['a header value beyond Latin-1', (j) => (j.exchanges[0]!.response.headers['x-note'] = 'caf\u00e9 \u2603'), `/exchanges/0/response/headers/x-note ${CONTROL}`],
    ['status 100', (j) => (j.exchanges[0]!.response.status = 100), '/exchanges/0/response/status must be an integer from 200 to 599'],
    ['status 101', (j) => (j.exchanges[1]!.response.status = 101), '/exchanges/1/response/status must be an integer from 200 to 599'],
    ['status 999', (j) => (j.exchanges[1]!.response.status = 999), '/exchanges/1/response/status must be an integer from 200 to 599'],
    ['method "GET /x"', (j) => (j.exchanges[0]!.request.method = 'GET /x'), `/exchanges/0/request/method must be an HTTP method: ${TOKEN}`],
    ['method with CR LF', (j) => (j.exchanges[0]!.request.method = 'GET\r\n'), `/exchanges/0/request/method must be an HTTP method: ${TOKEN}`],
    ['a path without the leading /', (j) => (j.exchanges[0]!.request.path = 'restapis'), '/exchanges/0/request/path must start with "/" and hold no spaces or control characters'],
    ['a path with a space', (j) => (j.exchanges[0]!.request.path = '/restapis /x'), '/exchanges/0/request/path must start with "/" and hold no spaces or control characters'],
    ['a path with CR LF', (j) => (j.exchanges[0]!.request.path = '/x\r\nHost: evil'), '/exchanges/0/request/path must start with "/" and hold no spaces or control characters'],
    ['a duplicate seq', (j) => (j.exchanges[2]!.seq = 0), '/exchanges/2/seq is 0, the seq of /exchanges/0 already; each exchange needs its own'],
    ['a negative seq', (j) => (j.exchanges[1]!.seq = -1), '/exchanges/1/seq must be an integer >= 0'],
    ['a fractional seq', (j) => (j.exchanges[1]!.seq = 1.5), '/exchanges/1/seq must be an integer >= 0'],
  ])('%s', (_, edit, reason) => {
    expect(importError(edit)).toBe(`Failed to import cassette "fixture.json": ${reason}`);
  });

  it('the CLI refuses with exit 2 and writes nothing; the clean fixture imports and replays', async () => {
    assertBuilt(['cassettes/format/check.ts', 'cassettes/format/json.ts']);
    const bad = fixture();
    bad.exchanges[0]!.response.headers['x-note'] = 'a\r\nset-cookie: x=1';
    await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
    const refused = runCli(['cassette', 'import', 'bad.json'], { cwd: dir });
    expect(refused).toMatchObject({ status: 2, stderr: `tapegate: Failed to import cassette "bad.json": /exchanges/0/response/headers/x-note ${CONTROL}\n` });
    expect(existsSync(join(dir, 'bad.cassette'))).toBe(false);

    await writeFile(join(dir, 'good.json'), JSON.stringify(fixture()));
    expect(runCli(['cassette', 'import', 'good.json'], { cwd: dir })).toMatchObject({ status: 0, stdout: 'wrote good.cassette: 3 exchanges\n' });
    const proxy = await startProxy({ mode: 'replay', cassette: join(dir, 'good.cassette'), log: false });
    cleanups.add(() => proxy.close());
    expect((await send(proxy.url, { path: V1_IR_PATH })).status).toBe(200);
  });

  it('the writer refuses such an exchange too, so no binary cassette holds one', async () => {
    const exchange = seedExchanges()[0]!;
    const forged = { ...exchange, response: { ...exchange.response, headers: { ...exchange.response.headers, 'x-note': 'a\r\nb' } } };
    await expect(writeCassette(join(dir, 'w.cassette'), sampleHeader(), [forged])).rejects.toThrow(`exchange 0 is invalid: /response/headers/x-note ${CONTROL}`);
    expect(existsSync(join(dir, 'w.cassette'))).toBe(false);
    expect(await readFile(join(dir, 'w.cassette')).catch(() => null)).toBeNull();
  });
});
