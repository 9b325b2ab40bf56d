/**
 * Record modes as the ecosystem names them (issue 12): `once` records a missing cassette and
 * replays an existing one; VCR.py's `none`, `all` and `new_episodes` are replay, record and
 * auto; under CI=true the modes that record refuse to start unless told; a cassette older
 * than `expiresIn` warns, refuses, or is recorded again.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCassette, writeCassette } from '../cassettes/format/store.js';
import { startProxy, type ProxyOptions } from '../index.js';
import { formatSummary } from '../proxy/summary.js';
import { Cleanups, randomCredentials, tempDir } from './record-fixtures.js';
import { send, SIGNED } from './security/support/http.js';
import { startRawUpstream, type RawUpstream } from './security/support/upstream.js';

const cleanups = new Cleanups();
let savedCI: string | undefined;
beforeEach(() => {
  savedCI = process.env.CI;
});
afterEach(async () => {
  if (savedCI === undefined) delete process.env.CI;
  else process.env.CI = savedCI;
  await cleanups.run();
});

async function setUp(): Promise<{ upstream: RawUpstream; cassette: string }> {
  const upstream = await startRawUpstream({ status: 200, body: '{"item":[]}' });
  cleanups.add(() => upstream.close());
  const { dir, remove } = await tempDir();
  cleanups.add(remove);
  return { upstream, cassette: join(dir, 'vcr.cassette') };
}

/** One proxy run: start, one GET /restapis, close; the stats. */
async function runOnce(options: ProxyOptions) {
  const proxy = await startProxy({ log: false, ...options });
  const answer = await send(proxy.url, { path: '/restapis', headers: SIGNED });
  return { answer, stats: await proxy.close() };
}

describe('once', () => {
  it('records a missing cassette, then replays it without the upstream', async () => {
    const { upstream, cassette } = await setUp();
    const options = { mode: 'once', cassette, upstream: upstream.url, credentials: randomCredentials() } as const;
    const first = await runOnce(options);
    expect(first.stats).toMatchObject({ mode: 'record', recorded: 1 });
    expect(upstream.received).toHaveLength(1);

    const second = await runOnce(options);
    expect(second.answer.status).toBe(200);
    expect(second.stats).toMatchObject({ mode: 'replay', served: 1, missed: 0 });
    expect(upstream.received).toHaveLength(1);
  });
});

describe("VCR.py's names", () => {
  it('none is replay, all records over an existing cassette, new_episodes is auto', async () => {
    const { upstream, cassette } = await setUp();
    const forwarding = { cassette, upstream: upstream.url, credentials: randomCredentials() };
    expect((await runOnce({ mode: 'all', ...forwarding })).stats).toMatchObject({ mode: 'record', recorded: 1 });
    // `all` overwrites: no --force needed, and the cassette holds one exchange again.
    expect((await runOnce({ mode: 'all', ...forwarding })).stats).toMatchObject({ mode: 'record', exchanges: 1 });
    expect((await runOnce({ mode: 'new_episodes', ...forwarding })).stats).toMatchObject({ mode: 'auto', served: 1, forwarded: 0 });
    expect((await runOnce({ mode: 'none', cassette })).stats).toMatchObject({ mode: 'replay', served: 1 });
  });
});

describe('CI=true', () => {
  it('refuses the modes that record, unless recordInCI', async () => {
    const { upstream, cassette } = await setUp();
    process.env.CI = 'true';
    const forwarding = { cassette, upstream: upstream.url, credentials: randomCredentials() };
    for (const mode of ['record', 'auto', 'once', 'all', 'new_episodes'] as const) {
      await expect(startProxy({ mode, ...forwarding }), mode).rejects.toThrow(/CI is set, and CI replays what was recorded/);
    }
    expect(upstream.received).toHaveLength(0);
    const recorded = await runOnce({ mode: 'once', ...forwarding, recordInCI: true });
    expect(recorded.stats).toMatchObject({ mode: 'record', recorded: 1 });
    // An existing cassette under once is replayed: allowed in CI.
    expect((await runOnce({ mode: 'once', ...forwarding })).stats).toMatchObject({ mode: 'replay', served: 1 });
    // Passthrough writes nothing: allowed.
    expect((await runOnce({ mode: 'passthrough', upstream: upstream.url, credentials: randomCredentials() })).answer.status).toBe(200);
  });
});

describe('expiresIn', () => {
  async function oldCassette(): Promise<{ upstream: RawUpstream; cassette: string }> {
    const { upstream, cassette } = await setUp();
    await runOnce({ mode: 'record', cassette, upstream: upstream.url, credentials: randomCredentials() });
    const { header, exchanges } = await readCassette(cassette);
    await writeCassette(cassette, { ...header, createdAt: '2020-01-01T00:00:00.000Z' }, exchanges);
    return { upstream, cassette };
  }

  it('warn: serves it, says so in a line and in the summary', async () => {
    const { cassette } = await oldCassette();
    const lines: string[] = [];
    const run = await runOnce({ mode: 'replay', cassette, expiresIn: '30d', log: (line) => lines.push(line) });
    expect(run.stats).toMatchObject({ served: 1, expired: { recordedAt: '2020-01-01T00:00:00.000Z', expiresIn: '30d' } });
    expect(lines.join('\n')).toContain('older than 30d (expiresIn)');
    expect(formatSummary(run.stats)).toContain('expired: recorded 2020-01-01T00:00:00.000Z, older than 30d (expiresIn): record it again');
  });

  it('error: refuses to start; a fresh cassette is not expired', async () => {
    const { cassette } = await oldCassette();
    await expect(startProxy({ mode: 'replay', cassette, expiresIn: '30d', onExpired: 'error' })).rejects.toThrow(/older than 30d \(expiresIn\); record it again/);
    const fresh = await setUp();
    await runOnce({ mode: 'record', cassette: fresh.cassette, upstream: fresh.upstream.url, credentials: randomCredentials() });
    expect((await runOnce({ mode: 'replay', cassette: fresh.cassette, expiresIn: '30d', onExpired: 'error' })).stats.expired).toBeNull();
  });

  it('record: once records it again', async () => {
    const { upstream, cassette } = await oldCassette();
    const run = await runOnce({ mode: 'once', cassette, upstream: upstream.url, credentials: randomCredentials(), expiresIn: '30d', onExpired: 'record' });
    expect(run.stats).toMatchObject({ mode: 'record', recorded: 1 });
    expect(upstream.received).toHaveLength(2);
    expect(Date.parse((await readCassette(cassette)).header.createdAt)).toBeGreaterThan(Date.parse('2025-01-01'));
  });

  it('rejects a bad duration and record for replay, naming the option', async () => {
    await expect(startProxy({ mode: 'replay', cassette: 'x.cassette', expiresIn: 'soon' })).rejects.toThrow('Failed to parse "expiresIn": expected a duration');
    await expect(startProxy({ mode: 'replay', cassette: 'x.cassette', onExpired: 'record' })).rejects.toThrow('Failed to parse "onExpired"');
  });
});

describe('the CLI', () => {
  it('tapegate record under CI=true exits 2 with the reason; --record-in-ci records', async () => {
    const { execFile } = await import('node:child_process');
    const { CLI, isolatedEnv } = await import('./record-fixtures.js');
    const { upstream, cassette } = await setUp();
    const env = isolatedEnv(join(cassette, '..'), { CI: 'true' });
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, [CLI, ...args], { env, timeout: 20_000 }, (error, _stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr });
        });
        child.stdin?.end();
      });
    const refused = await run(['record', '--cassette', cassette, '--upstream', upstream.url]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Failed to start record mode: CI is set');
    expect(refused.stderr).toContain('--record-in-ci');
    expect(upstream.received).toHaveLength(0);
    const help = await run(['exec', '--help']);
    expect(help.stderr + '').toBe('');
  });
});
