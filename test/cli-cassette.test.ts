/**
 * `tapegate cassette <show|export|import|ls|recover|textconv>` through the built CLI, on
 * real files in a temp folder: success paths, --help, bad arguments (exit 2 naming the
 * file), import/export round trips, listing with a damaged cassette, recovery after a
 * crashed recording, and textconv both alone and as git's diff driver.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../core/exchange.js';
import { CASSETTE_MAGIC, journalPathFor } from '../cassettes/format/format.js';
import { sampleExchange, sampleHeader } from './support/samples/cassette-samples.js';
import { openJournal } from '../cassettes/format/journal.js';
import { readCassette, writeCassette } from '../cassettes/format/store.js';
import { CLI, PROJECT_ROOT, runCli } from './support/cli.js';

const SEED = join(PROJECT_ROOT, 'cassettes/examples/seed-operations.json');
const seedText = readFileSync(SEED, 'utf8');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tapegate-cassette-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]): ReturnType<typeof runCli> => runCli(args, { cwd: dir });

function bytesExchange(seq: number): Exchange {
  return {
    seq,
    operation: null,
    request: { method: 'GET', path: '/favicon.ico', query: { v: ['1', '2'] }, headers: {}, body: { kind: 'empty' } },
    response: { status: 200, headers: { 'content-type': 'image/x-icon' }, body: { kind: 'bytes', bytes: Buffer.from([0, 1, 254, 255]) } },
    timing: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 3 },
  };
}

async function sampleCassette(name: string, count: number): Promise<string> {
  const file = join(dir, name);
  mkdirSync(join(file, '..'), { recursive: true });
  await writeCassette(
    file,
    sampleHeader(),
    Array.from({ length: count }, (_, seq) => sampleExchange(seq)),
  );
  return file;
}

/** Flips a byte inside the last exchange record's payload (the one before the end record): its checksum no longer matches. */
function corruptLastRecord(file: string): void {
  const bytes = readFileSync(file);
  const starts: number[] = [];
  for (let start = CASSETTE_MAGIC.length; start < bytes.length; start += 8 + bytes.readUInt32LE(start)) starts.push(start);
  const last = starts.at(-2)!;
  bytes[last + 8 + 2]! ^= 0xff;
  writeFileSync(file, bytes);
}

describe('cassette import / export / show', () => {
  it('imports the seed fixture and exports it back to the same JSON, text included', async () => {
    writeFileSync(join(dir, 'seed.json'), seedText);
    const imported = cli('cassette', 'import', 'seed.json');
    expect(imported).toMatchObject({ status: 0, stdout: 'wrote seed.cassette: 6 exchanges\n' });
    expect((await readCassette(join(dir, 'seed.cassette'))).exchanges.map((e) => e.operation)).toContain('apigatewayv2.UpdateIntegration');
    // Into a folder that does not exist yet: made, as record makes a cassette's folder.
    expect(cli('cassette', 'import', 'seed.json', '--output', 'new/folder/seed.cassette')).toMatchObject({ status: 0, stdout: 'wrote new/folder/seed.cassette: 6 exchanges\n' });
    expect((await readCassette(join(dir, 'new', 'folder', 'seed.cassette'))).exchanges).toHaveLength(6);

    const exported = cli('cassette', 'export', 'seed.cassette', '--json');
    expect(exported.status).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(JSON.parse(seedText));
    expect(exported.stdout).toBe(`${seedText.trimEnd()}\n`);
    expect(cli('cassette', 'export', 'seed.cassette', '--json', '--output', 'out.json')).toMatchObject({ status: 0, stdout: '' });
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(exported.stdout);
    expect(cli('cassette', 'show', 'seed.cassette')).toMatchObject({ status: 0, stdout: exported.stdout, stderr: '' });
  });

  it('export --help says --json is required and what it does, not that it defaults to false', () => {
    const help = cli('cassette', 'export', '--help');
    const json = help.stdout.split('\n').find((line) => line.trimStart().startsWith('--json'));
    expect(json).toMatch(/Write the JSON form\. Required: JSON is the only export format for now/);
    expect(json).not.toContain('default');
  });

  it('shows bytes bodies as base64 and round-trips them through import', async () => {
    await writeCassette(join(dir, 'bin.cassette'), sampleHeader(), [sampleExchange(0), bytesExchange(1)]);
    const shown = cli('cassette', 'show', 'bin.cassette');
    expect(shown.status).toBe(0);
    const json = JSON.parse(shown.stdout) as { exchanges: { response: { body: unknown } }[] };
    expect(json.exchanges[1]?.response.body).toEqual({ kind: 'bytes', base64: 'AAH+/w==' });
    writeFileSync(join(dir, 'bin.json'), shown.stdout);
    expect(cli('cassette', 'import', 'bin.json', '--output', 'again.cassette').status).toBe(0);
    const [again, original] = await Promise.all(['again', 'bin'].map((name) => readCassette(join(dir, `${name}.cassette`))));
    expect(again?.exchanges).toEqual(original?.exchanges);
  });

  it('refuses to replace a cassette without --force, and replaces it with --force', async () => {
    await sampleCassette('seed.cassette', 2);
    writeFileSync(join(dir, 'seed.json'), seedText);
    expect(cli('cassette', 'import', 'seed.json')).toMatchObject({
      status: 2,
      stderr: 'tapegate: Failed to import cassette "seed.json": "seed.cassette" already exists; pass --force to replace it\n',
    });
    expect((await readCassette(join(dir, 'seed.cassette'))).exchanges).toHaveLength(2);
    expect(cli('cassette', 'import', 'seed.json', '--force').status).toBe(0);
    expect((await readCassette(join(dir, 'seed.cassette'))).exchanges).toHaveLength(6);
  });

  it('names the JSON Pointer of the first bad field and writes nothing', () => {
    const fixture = JSON.parse(seedText) as { header: Record<string, unknown>; exchanges: { response: { status: unknown } }[] };
    fixture.exchanges[3]!.response.status = 700;
    writeFileSync(join(dir, 'status.json'), JSON.stringify(fixture));
    expect(cli('cassette', 'import', 'status.json')).toMatchObject({
      status: 2,
      stderr: 'tapegate: Failed to import cassette "status.json": /exchanges/3/response/status must be an integer from 200 to 599\n',
    });
    // Strict on purpose: a fixture must say what wrote it and when; nothing is filled in.
    delete fixture.header.toolVersion;
    writeFileSync(join(dir, 'header.json'), JSON.stringify(fixture));
    expect(cli('cassette', 'import', 'header.json').stderr).toMatch(/"header.json": \/header\/toolVersion must be a string/);
    writeFileSync(join(dir, 'broken.json'), '{"header": ');
    expect(cli('cassette', 'import', 'broken.json')).toMatchObject({ status: 2, stderr: expect.stringMatching(/"broken.json": not valid JSON/) as string });
    expect(existsSync(join(dir, 'status.cassette')) || existsSync(join(dir, 'header.cassette'))).toBe(false);
  });

  it('reports a journal beside the cassette on show and leaves it alone', async () => {
    await sampleCassette('rec.cassette', 1);
    const writer = await openJournal(join(dir, 'rec.cassette'), sampleHeader(), [sampleExchange(0)]);
    try {
      await writer.append(sampleExchange(1));
      const shown = cli('cassette', 'show', 'rec.cassette');
      expect(shown.status).toBe(0);
      expect((JSON.parse(shown.stdout) as { exchanges: unknown[] }).exchanges).toHaveLength(1);
      expect(shown.stderr).toMatch(/journal "rec.cassette.journal" is beside the cassette: a recording is in progress or crashed/);
      expect(shown.stderr).toMatch(/`tapegate cassette recover rec.cassette`/);
      expect(existsSync(writer.journalFile)).toBe(true);
    } finally {
      await writer.abort();
    }
  });
});

describe('cassette ls', () => {
  it('lists cassettes recursively, keeps going past a damaged one and exits 1', async () => {
    await sampleCassette('b.cassette', 4);
    await sampleCassette('nested/deeper/a.cassette', 1);
    corruptLastRecord(await sampleCassette('nested/broken.cassette', 3));
    writeFileSync(join(dir, 'notes.txt'), 'not a cassette');
    const listed = cli('cassette', 'ls', '.');
    expect(listed.status).toBe(1);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^b\.cassette +4 exchanges +created 2025-01-01T00:00:00\.000Z +4 operations: apigateway\.GetIntegrationResponse, apigateway\.UpdateIntegrationResponse, apigatewayv2\.CreateIntegrationResponse, \+1 more$/,
    );
    expect(lines[1]).toMatch(
      /^nested\/broken\.cassette +unreadable: Failed to read cassette ".*broken\.cassette": corrupt record at byte \d+ \(bad checksum\); 2 exchanges before it are intact/,
    );
    expect(lines[2]).toMatch(/^nested\/deeper\/a\.cassette +1 exchange +created 2025-01-01T00:00:00\.000Z +1 operation: apigateway\.GetIntegrationResponse$/);
    expect(lines[3]).toBe('3 cassettes, 1 unreadable');

    const json = cli('cassette', 'ls', '--json', dir);
    expect(json.status).toBe(1);
    const rows = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(rows.map((row) => [row.path, row.status])).toEqual([
      ['b.cassette', 'ok'],
      ['nested/broken.cassette', 'unreadable'],
      ['nested/deeper/a.cassette', 'ok'],
    ]);
    expect(rows[0]).toMatchObject({ exchanges: 4, unrouted: 0, createdAt: '2025-01-01T00:00:00.000Z', toolVersion: '0.1.0', journal: false });
    expect((rows[0]?.operations as string[]).length).toBe(4);
  });

  it('notes journals, exits 0 when every cassette reads, says when there are none, refuses a missing folder', async () => {
    await sampleCassette('ok.cassette', 2);
    const writers = [await openJournal(join(dir, 'ok.cassette'), sampleHeader()), await openJournal(join(dir, 'new.cassette'), sampleHeader())];
    try {
      expect(cli('cassette', 'ls')).toMatchObject({
        status: 0,
        stdout:
          'new.cassette  only a journal: a first recording in progress or crashed; after a crash, `tapegate cassette recover new.cassette` makes the cassette\n' +
          'ok.cassette   2 exchanges  created 2025-01-01T00:00:00.000Z  2 operations: apigateway.GetIntegrationResponse, apigateway.UpdateIntegrationResponse  (journal beside it: recording in progress or crashed)\n' +
          '2 cassettes\n',
      });
    } finally {
      for (const writer of writers) await writer.abort();
    }
    expect(cli('cassette', 'ls')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^ok\.cassette +2 exchanges .*UpdateIntegrationResponse\n1 cassette\n$/) as string });
    mkdirSync(join(dir, 'empty'));
    expect(cli('cassette', 'ls', 'empty')).toMatchObject({ status: 0, stdout: 'no cassettes under empty\n' });
    expect(cli('cassette', 'ls', 'missing')).toMatchObject({ status: 2, stderr: 'tapegate: Failed to list cassettes in "missing": no such file\n' });
  });
});

describe('cassette recover', () => {
  it('turns the journal of a crashed recording into the cassette, then finds nothing to do', async () => {
    const file = join(dir, 'crash.cassette');
    const writer = await openJournal(file, sampleHeader());
    try {
      for (let seq = 0; seq < 3; seq++) await writer.append(sampleExchange(seq));
      // The recorder died in the middle of its fourth append: half a record at the end.
      appendFileSync(writer.journalFile, Buffer.from([200, 0, 0, 0, 1, 2]));
      const journal = readFileSync(writer.journalFile);
      const result = cli('cassette', 'recover', 'crash.cassette');
      // A half-written last append was never answered: nothing recorded is lost, exit 0.
      expect(result).toMatchObject({
        status: 0,
        stdout:
          `recovered 3 exchanges from the journal; dropped 1 exchange record (6 bytes) from byte ${journal.length - 6}: ` +
          'truncated record (6 bytes left, a record prefix needs 8); the damaged file is kept as crash.cassette.journal.bak\n',
      });
      expect(readFileSync(join(dir, 'crash.cassette.journal.bak')).equals(journal)).toBe(true);
      expect(existsSync(journalPathFor(file))).toBe(false);
      expect((await readCassette(file)).exchanges).toEqual([0, 1, 2].map(sampleExchange));
      expect(cli('cassette', 'recover', 'crash.cassette').stdout).toBe('nothing to recover: the cassette is intact (3 exchanges)\n');
    } finally {
      await writer.abort();
    }
  });

  it('cuts a damaged cassette after its last intact exchange', async () => {
    const file = await sampleCassette('torn.cassette', 3);
    corruptLastRecord(file);
    const damaged = readFileSync(file);
    const result = cli('cassette', 'recover', 'torn.cassette');
    // Exchanges were lost: exit 1, and the damaged file is kept beside it.
    expect(result).toMatchObject({
      status: 1,
      stdout: expect.stringMatching(
        /^kept 2 exchanges; dropped 1 exchange record \(\d+ bytes\) from byte \d+: corrupt record \(bad checksum\); the damaged file is kept as torn\.cassette\.bak\n$/,
      ) as string,
    });
    expect(readFileSync(join(dir, 'torn.cassette.bak')).equals(damaged)).toBe(true);
    expect((await readCassette(file)).exchanges).toHaveLength(2);
  });
});

describe('cassette textconv', () => {
  it('prints sorted JSON with a comment line before each exchange', async () => {
    await writeCassette(join(dir, 'a.cassette'), sampleHeader(), [sampleExchange(0), bytesExchange(1)]);
    const result = cli('cassette', 'textconv', 'a.cassette');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('# tapegate cassette, format version 5, 2 exchanges');
    expect(lines.filter((line) => line.startsWith('# exchange'))).toEqual(['# exchange 0 apigateway.GetIntegrationResponse', '# exchange 1 (no operation)']);
    const text = result.stdout;
    const exchange = text.slice(text.indexOf('\n', text.indexOf('# exchange 0')) + 1, text.indexOf('# exchange 1'));
    expect(Object.keys(JSON.parse(exchange) as object)).toEqual(['operation', 'request', 'response', 'seq', 'timing']);
    expect(result.stdout).toContain('"base64": "AAH+/w=="');
  });

  it('shows the intact exchanges of a damaged file and names the damage, exit 0', async () => {
    const file = await sampleCassette('torn.cassette', 3);
    // Past the end record (46 bytes) into the last exchange.
    writeFileSync(file, readFileSync(file).subarray(0, -60));
    const result = cli('cassette', 'textconv', 'torn.cassette');
    expect(result.status).toBe(0);
    expect(result.stdout.match(/^# exchange \d/gm)).toHaveLength(2);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^# damaged: truncated record at byte \d+ \(the record claims \d+ payload bytes, \d+ are left\); the 2 exchanges above are intact, the rest of the file is not shown$/,
    );
    writeFileSync(join(dir, 'text.cassette'), 'version https://git-lfs.github.com/spec/v1\n');
    const text = cli('cassette', 'textconv', 'text.cassette');
    expect(text).toMatchObject({ status: 0, stdout: expect.stringMatching(/^# not readable as a tapegate cassette: not a tapegate cassette .*\nversion https:/) as string });
  });

  it('makes git diff of a cassette readable through the documented set-up', async () => {
    const git = (...args: string[]): string => {
      const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(dir, 'no-global-config') },
      });
      expect(result.status, result.stderr).toBe(0);
      return result.stdout;
    };
    git('init', '-q');
    writeFileSync(join(dir, '.gitattributes'), '*.cassette binary diff=tapegate\n');
    git('config', 'diff.tapegate.textconv', `"${process.execPath}" "${CLI}" cassette textconv`);
    await sampleCassette('apis.cassette', 2);
    git('add', '.');
    git('commit', '-q', '-m', 'two exchanges');
    await writeCassette(join(dir, 'apis.cassette'), sampleHeader(), [sampleExchange(0), { ...sampleExchange(1), seq: 7 }]);
    const diff = git('diff', 'apis.cassette');
    expect(diff).toMatch(/^- {2}"seq": 1,$/m);
    expect(diff).toMatch(/^\+ {2}"seq": 7,$/m);
    expect(diff).not.toMatch(/Binary files/);
  });
});

describe('cassette: help and bad arguments', () => {
  it.each([
    ['show', 'read cassette'],
    ['export', 'read cassette'],
    ['import', 'import cassette'],
    ['recover', 'recover cassette'],
    ['textconv', 'read cassette'],
    ['ls', ''],
  ])('%s: --help with an example; without FILE or with a missing one, exit 2', (command, verb) => {
    const help = cli('cassette', command, '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^tapegate cassette ${command}[\\s\\S]*Examples:[\\s\\S]*tapegate cassette ${command} `));
    if (command === 'ls') return; // DIR defaults to the current folder; a missing one is tested above.
    expect(cli('cassette', command)).toMatchObject({ status: 2, stderr: expect.stringMatching(/Not enough non-option arguments: got 0, need at least 1/) as string });
    const missing = cli('cassette', command, 'nope.cassette', ...(command === 'export' ? ['--json'] : []));
    expect(missing).toMatchObject({ status: 2, stderr: expect.stringMatching(new RegExp(`^tapegate: Failed to ${verb} "nope.cassette": no such file`)) as string });
  });

  it('refuses with exit 2: a file that is not a cassette, a cassette given to import, export without --json', async () => {
    writeFileSync(join(dir, 'seed.json'), seedText);
    for (const args of [
      ['show', 'seed.json'],
      ['export', 'seed.json', '--json'],
      ['recover', 'seed.json'],
    ]) {
      const result = cli('cassette', ...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/"seed\.json": not a tapegate cassette .*`tapegate cassette import` reads the JSON form/);
    }
    expect(readFileSync(join(dir, 'seed.json'), 'utf8')).toBe(seedText);
    await sampleCassette('a.cassette', 1);
    const result = cli('cassette', 'import', 'a.cassette', '--output', 'b.cassette');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/"a\.cassette": it is a cassette already, not the JSON form; `tapegate cassette export a\.cassette --json` gives the JSON/);
    expect(cli('cassette', 'export', 'a.cassette')).toMatchObject({
      status: 2,
      stderr: 'tapegate: Failed to export cassette "a.cassette": say which format: --json (the only export format for now)\n',
    });
  });
});
