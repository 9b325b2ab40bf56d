/**
 * The three recording modes side by side: `record` protects an existing cassette, `auto`
 * replays what it has and appends what it lacks (a repeat beyond the recorded count is
 * new), `passthrough` validates and writes nothing.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as v1 from '@aws-sdk/client-api-gateway';
import { readCassette } from '../cassettes/format/store.js';
import { startProxy } from '../proxy/start.js';
import { failure, sdkClients, startFakeApiGateway, type FakeCredentials } from './support/fake-apigateway/index.js';
import { runSeedScenario } from '../harness/demo/seed-scenario.js';
import { Cleanups, randomCredentials, tempDir } from './record-fixtures.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

async function fakeWith(credentials: FakeCredentials) {
  const fake = await startFakeApiGateway({ credentials });
  cleanups.add(() => fake.close());
  return fake;
}

function clients(url: string) {
  const sdk = sdkClients(url, randomCredentials());
  cleanups.add(() => sdk.destroy());
  return sdk;
}

describe('record', () => {
  it('refuses an existing cassette unless force, and then replaces it', async () => {
    const credentials = randomCredentials();
    const fake = await fakeWith(credentials);
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const file = join(dir, 'kept.cassette');
    await writeFile(file, 'not touched');
    await expect(startProxy({ mode: 'record', cassette: file, upstream: fake.url, credentials, log: false })).rejects.toMatchObject({
      exitCode: 2,
      message: `Failed to record "${file}": the cassette exists; pass --force to overwrite it, or use another mode: auto adds to it, once replays it`,
    });
    expect(await readdir(dir)).toEqual(['kept.cassette']);

    const proxy = await startProxy({ mode: 'record', cassette: file, force: true, upstream: fake.url, credentials, log: false });
    cleanups.add(() => proxy.close());
    await clients(proxy.url).v1.send(new v1.CreateRestApiCommand({ name: 'new' }));
    await proxy.close();
    expect((await readCassette(file)).exchanges).toHaveLength(1);
  });
});

describe('auto', () => {
  it('records into a new cassette, replays it with the upstream gone, and appends what is new', async () => {
    const credentials = randomCredentials();
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const file = join(dir, 'nested', 'auto.cassette');

    const first = await fakeWith(credentials);
    const recording = await startProxy({ mode: 'auto', cassette: file, upstream: first.url, credentials, log: false });
    cleanups.add(() => recording.close());
    const recorded = await runSeedScenario(clients(recording.url));
    expect(await recording.close()).toMatchObject({ served: 0, forwarded: recorded.length, recorded: recorded.length, exchanges: recorded.length });
    await first.close();

    // Second run, against a fresh fake that knows none of the recorded ids: it must see nothing.
    const second = await fakeWith(credentials);
    const replaying = await startProxy({ mode: 'auto', cassette: file, upstream: second.url, credentials, log: false });
    cleanups.add(() => replaying.close());
    const sdk = clients(replaying.url);
    const replayed = await runSeedScenario(sdk);
    expect(replayed).toEqual(recorded);
    expect(second.requests).toBe(0);

    // A new request, asked twice: each is forwarded (a recorded exchange answers one request).
    const extra = [await sdk.v1.send(new v1.CreateRestApiCommand({ name: 'extra' })), await sdk.v1.send(new v1.CreateRestApiCommand({ name: 'extra' }))];
    expect(extra[0]?.id).not.toBe(extra[1]?.id);
    expect(await replaying.close()).toMatchObject({ served: recorded.length, forwarded: 2, recorded: 2, exchanges: recorded.length + 2 });
    expect(second.requests).toBe(2);
    await second.close();

    // Third run, its upstream closed (a forward would be a 502): both extras come back, in order.
    const third = await startProxy({ mode: 'auto', cassette: file, upstream: second.url, credentials, log: false });
    cleanups.add(() => third.close());
    const again = clients(third.url);
    expect((await again.v1.send(new v1.CreateRestApiCommand({ name: 'extra' }))).id).toBe(extra[0]?.id);
    expect((await again.v1.send(new v1.CreateRestApiCommand({ name: 'extra' }))).id).toBe(extra[1]?.id);
    expect(await third.close()).toMatchObject({ served: 2, forwarded: 0 });
    expect((await readCassette(file)).exchanges.map((e) => e.seq)).toEqual([...Array(recorded.length + 2).keys()]);
  });
});

describe('passthrough', () => {
  it('forwards and validates, logging each finding, and writes nothing', async () => {
    const credentials = randomCredentials();
    const fake = await fakeWith(credentials);
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const lines: string[] = [];
    // Run from an empty folder: nothing may appear in it.
    const cwd = process.cwd();
    process.chdir(dir);
    cleanups.add(() => process.chdir(cwd));
    const proxy = await startProxy({ mode: 'passthrough', upstream: fake.url, credentials, failOn: 'error', log: (line) => lines.push(line) });
    cleanups.add(() => proxy.close());
    expect(proxy.cassette).toBeNull();
    const sdk = clients(proxy.url);
    await sdk.v1.send(new v1.CreateRestApiCommand({ name: 'fine' }));
    expect(proxy.stats()).toMatchObject({ forwarded: 1, failOnReached: false });

    // The SDK sends what it is given: an enum value the contract does not have.
    const bad = await failure(sdk.v1.send(new v1.PutIntegrationCommand({ restApiId: 'abcdefghij', resourceId: 'abc123', httpMethod: 'GET', type: 'NOPE' as v1.IntegrationType })));
    expect(bad.status).toBeGreaterThanOrEqual(400);
    const stats = await proxy.close();
    expect(stats).toMatchObject({ mode: 'passthrough', cassette: null, forwarded: 2, recorded: 0, exchanges: 0, failOnReached: true });
    expect(stats.findings).toContainEqual(expect.objectContaining({ severity: 'error', operation: 'apigateway.PutIntegration', side: 'request', path: '/body/type', seq: 1 }));
    expect(lines).toContainEqual(expect.stringMatching(/^finding: error apigateway\.PutIntegration request \/body\/type /));
    expect(await readdir(dir)).toEqual([]);
  });
});
