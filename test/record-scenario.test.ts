/**
 * The seed scenario recorded through the proxy against the fake API Gateway, then replayed
 * offline with the fake gone: the SDK must not tell the difference. The SDK signs with one
 * set of credentials, the proxy re-signs with another (the only one the fake accepts), and
 * the fake verifies every signature with aws4, an implementation other than the proxy's.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCassette } from '../cassettes/format/store.js';
import { startProxy } from '../proxy/start.js';
import { sdkClients, startFakeApiGateway } from './support/fake-apigateway/index.js';
import { runSeedScenario } from '../harness/demo/seed-scenario.js';
import { Cleanups, randomCredentials, secretsOf, tempDir } from './record-fixtures.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

describe('record, then replay, the seed scenario', () => {
  it('re-signs every request for the upstream and replays identical SDK results', async () => {
    const upstreamCredentials = randomCredentials(true);
    const sdkCredentials = randomCredentials();
    const fake = await startFakeApiGateway({ credentials: upstreamCredentials });
    cleanups.add(() => fake.close());
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const file = join(dir, 'seed.cassette');
    const lines: string[] = [];

    const recorder = await startProxy({ mode: 'record', cassette: file, upstream: fake.url, credentials: upstreamCredentials, log: (line) => lines.push(line) });
    cleanups.add(() => recorder.close());
    const recording = sdkClients(recorder.url, sdkCredentials);
    cleanups.add(() => recording.destroy());
    const recorded = await runSeedScenario(recording);
    const stats = await recorder.close();

    expect(fake.signatures.rejected).toBe(0);
    expect(fake.signatures.verified).toBe(recorded.length);
    expect(stats).toMatchObject({
      mode: 'record',
      forwarded: recorded.length,
      recorded: recorded.length,
      upstreamFailures: 0,
      refused: 0,
      rejected: 0,
      exchanges: recorded.length,
    });
    expect(stats.findingCounts.error).toBe(0);
    expect(lines.filter((line) => line.startsWith('finding: error'))).toEqual([]);
    await fake.close();

    const cassette = await readCassette(file);
    expect(cassette.exchanges.map((e) => e.operation)).toEqual(recorded.map((s) => s.operation));
    expect(cassette.exchanges.map((e) => e.seq)).toEqual(recorded.map((_, i) => i));
    for (const exchange of cassette.exchanges) {
      for (const name of ['authorization', 'x-amz-security-token', 'x-amz-date', 'x-amz-content-sha256']) {
        expect(exchange.request.headers[name]).toBeUndefined();
      }
    }
    const bytes = (await readFile(file)).toString('latin1');
    for (const secret of secretsOf(upstreamCredentials, sdkCredentials)) expect(bytes).not.toContain(secret);
    for (const secret of secretsOf(upstreamCredentials, sdkCredentials)) expect(lines.join('\n')).not.toContain(secret);

    const replay = await startProxy({ mode: 'replay', cassette: file, log: false });
    cleanups.add(() => replay.close());
    const replaying = sdkClients(replay.url, sdkCredentials);
    cleanups.add(() => replaying.destroy());
    const replayed = await runSeedScenario(replaying);
    // Step results leave out $metadata (request ids), which a replay need not reproduce.
    expect(replayed).toEqual(recorded);
    expect((await replay.close()).missed).toBe(0);
  });
});
