/**
 * The control surface of a proxy serving per-test sessions, through real HTTP and the real
 * SDK v3 client against the fake API Gateway: start and stop, names confined to the
 * cassette folder, unknown sessions, the session header kept out of cassettes, matching and
 * the upstream, concurrent sessions each served in their own cassette's order, the default
 * session, and the admit step in front of it all.
 */
import { mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CreateRestApiCommand, GetResourcesCommand } from '@aws-sdk/client-api-gateway';
import { readCassette } from '../cassettes/format/store.js';
import { startProxy } from '../proxy/start.js';
import type { TapegateProxy } from '../proxy/start.js';
import { startFakeApiGateway, type FakeApiGateway } from './support/fake-apigateway/index.js';
import { control, sessionClient, startSession } from './support/sessions-client.js';
import { Cleanups, randomCredentials, tempDir } from './record-fixtures.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

const credentials = randomCredentials();

async function setUp(mode = 'record'): Promise<{ proxy: TapegateProxy; fake: FakeApiGateway; dir: string }> {
  const fake = await startFakeApiGateway({ credentials });
  cleanups.add(() => fake.close());
  const { dir, remove } = await tempDir();
  cleanups.add(remove);
  const proxy = await startProxy({ sessions: true, cassetteDir: dir, mode: mode as 'record', upstream: fake.url, credentials, log: false });
  cleanups.add(() => proxy.close());
  return { proxy, fake, dir };
}

function client(proxy: TapegateProxy, session: string | null) {
  const sdk = sessionClient(proxy.url, credentials, session);
  cleanups.add(() => sdk.destroy());
  return sdk;
}

describe('starting and stopping a session', () => {
  it('records into its own cassette and answers its summary when stopped', async () => {
    const { proxy, fake, dir } = await setUp();
    expect(proxy.control).toBe(`${proxy.url}/__tapegate`);
    const started = await control(proxy.url, 'POST', '/__tapegate/sessions', { cassette: 'orders/test_create' });
    expect(started.status).toBe(201);
    expect(started.json).toMatchObject({ cassette: 'orders/test_create', file: join('orders', 'test_create.cassette'), mode: 'record', header: 'x-tapegate-session' });
    const id = started.json.id as string;

    const sdk = client(proxy, id);
    const api = await sdk.send(new CreateRestApiCommand({ name: 'orders' }));
    await sdk.send(new GetResourcesCommand({ restApiId: api.id }));

    const listed = await control(proxy.url, 'GET', '/__tapegate/sessions');
    expect(listed.json).toEqual({ default: id, sessions: [{ id, cassette: 'orders/test_create', file: join('orders', 'test_create.cassette'), mode: 'record' }] });

    const stopped = await control(proxy.url, 'DELETE', `/__tapegate/sessions/${id}`);
    expect(stopped.status).toBe(200);
    expect(stopped.json).toMatchObject({ id, mode: 'record', forwarded: 2, recorded: 2, exchanges: 2, missed: 0, findings: { error: 0 } });
    expect(stopped.json.summary).toMatch(/^tapegate record summary: 2 forwarded/);

    // Stopped means written: the cassette is whole, no journal is left beside it.
    expect(await readdir(join(dir, 'orders'))).toEqual(['test_create.cassette']);
    const { exchanges } = await readCassette(join(dir, 'orders', 'test_create.cassette'));
    expect(exchanges.map((e) => e.operation)).toEqual(['apigateway.CreateRestApi', 'apigateway.GetResources']);
    // The header went no further than the proxy: not in the cassette, not at the upstream.
    for (const exchange of exchanges) expect(Object.keys(exchange.request.headers)).not.toContain('x-tapegate-session');
    expect(fake.exchanges.length).toBe(2);
    for (const seen of fake.exchanges) expect(Object.keys(seen.request.headers)).not.toContain('x-tapegate-session');
    expect(fake.signatures.rejected).toBe(0);

    // Gone once stopped.
    expect((await control(proxy.url, 'DELETE', `/__tapegate/sessions/${id}`)).status).toBe(404);
  });

  it('writes the sessions still open when the proxy closes', async () => {
    const { proxy, dir } = await setUp();
    const id = await startSession(proxy.url, 'left-open');
    await client(proxy, id).send(new CreateRestApiCommand({ name: 'kept' }));
    await proxy.close();
    expect((await readCassette(join(dir, 'left-open.cassette'))).exchanges).toHaveLength(1);
    expect(proxy.sessions()).toMatchObject([{ name: 'left-open', stats: { recorded: 1, exchanges: 1 } }]);
  });
});

describe('names and ids', () => {
  it('refuses a cassette name outside the cassette folder with a 400 and a JSON error', async () => {
    const { proxy, dir } = await setUp();
    const escape = await control(proxy.url, 'POST', '/__tapegate/sessions', { cassette: '../x' });
    expect(escape.status).toBe(400);
    expect(escape.headers['x-amzn-errortype']).toBe('TapegateBadRequest');
    expect(escape.json.type).toBe('TapegateBadRequest');
    expect(escape.json.message).toBe(`Failed to resolve cassette "../x.cassette": it resolves to "${join(dir, '..', 'x.cassette')}", outside the cassette folder "${dir}"`);

    const absolute = await control(proxy.url, 'POST', '/__tapegate/sessions', { cassette: join(dir, 'inside') });
    expect(absolute.status).toBe(400);
    expect(absolute.json.message).toBe(`Failed to start a session: the cassette "${join(dir, 'inside')}" is an absolute path; give a name inside the cassette folder`);

    // A link out of the folder on the way, for a cassette that does not exist yet.
    const { dir: outside, remove } = await tempDir();
    cleanups.add(remove);
    await symlink(outside, join(dir, 'out'));
    const linked = await control(proxy.url, 'POST', '/__tapegate/sessions', { cassette: 'out/y' });
    expect(linked.status).toBe(400);
    expect(linked.json.message).toMatch(/^Failed to resolve cassette "out\/y.cassette": it is a link to .*, outside the cassette folder/);
    expect(await readdir(outside)).toEqual([]);

    for (const [body, message] of [
      [{}, 'Failed to start a session: "cassette" must be a non-empty name inside the cassette folder'],
      [{ cassette: 'a', mode: 'rewind' }, /^Failed to start a session: "mode" must be one of "replay", "record"/],
      [{ cassette: 'a', tape: 1 }, 'Failed to start a session: unknown member "tape" (it takes "cassette", "mode" and "force")'],
      ['not json', /^Failed to start a session: the body is not JSON/],
    ] as const) {
      const refused = await control(proxy.url, 'POST', '/__tapegate/sessions', body);
      expect(refused.status).toBe(400);
      expect(refused.json.message).toMatch(typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
    }
    // Replaying a cassette that is not there is bad input too, named.
    const missing = await control(proxy.url, 'POST', '/__tapegate/sessions', { cassette: 'never-recorded', mode: 'replay' });
    expect(missing.status).toBe(400);
    expect(missing.json.message).toContain('never-recorded.cassette');
    expect(await readdir(dir)).toEqual(['out']);
  });

  it('answers 404 with a JSON error for an unknown session, on the control surface and in the header', async () => {
    const { proxy, fake } = await setUp();
    const stop = await control(proxy.url, 'DELETE', '/__tapegate/sessions/0123456789abcdef');
    expect(stop.status).toBe(404);
    expect(stop.json).toEqual({
      type: 'TapegateUnknownSession',
      message: 'Failed to stop session "0123456789abcdef": no open session has this id (stopped already, or started on another proxy)',
    });
    expect((await control(proxy.url, 'GET', '/__tapegate/sessions/0123456789abcdef')).status).toBe(404);
    await expect(client(proxy, 'nope').send(new CreateRestApiCommand({ name: 'x' }))).rejects.toMatchObject({
      name: 'TapegateUnknownSession',
      message: 'Failed to find session "nope": no open session has this id (stopped already, or started on another proxy)',
      $metadata: { httpStatusCode: 404 },
    });
    expect(fake.requests).toBe(0);
    expect((await control(proxy.url, 'GET', '/__tapegate/nothing')).status).toBe(404);
    expect((await control(proxy.url, 'PUT', '/__tapegate/sessions')).status).toBe(405);
  });

  it('refuses a second session on a cassette that is in use (409)', async () => {
    const { proxy } = await setUp();
    const first = await startSession(proxy.url, 'shared');
    const second = await control(proxy.url, 'POST', '/__tapegate/sessions', { cassette: 'shared.cassette' });
    expect(second.status).toBe(409);
    expect(second.json.message).toBe(`Failed to start a session on "shared.cassette": its cassette is in use by session ${first}; stop that session first`);
  });
});

describe('concurrent sessions', () => {
  it('serve identical requests from each session’s own cassette, in its own order', async () => {
    const { proxy: recorder, dir } = await setUp();
    // Two tests send the same requests and get different answers (the fake makes new ids).
    const ids: Record<string, string[]> = {};
    for (const test of ['test_a', 'test_b']) {
      const session = await startSession(recorder.url, `suite/${test}`);
      const sdk = client(recorder, session);
      ids[test] = [(await sdk.send(new CreateRestApiCommand({ name: 'same' }))).id as string, (await sdk.send(new CreateRestApiCommand({ name: 'same' }))).id as string];
      expect((await control(recorder.url, 'DELETE', `/__tapegate/sessions/${session}`)).json.recorded).toBe(2);
    }
    await recorder.close();
    expect(new Set(Object.values(ids).flat()).size).toBe(4);

    // Replay, offline: both sessions open at once, their requests interleaved, b before a.
    const proxy = await startProxy({ sessions: true, cassetteDir: dir, log: false });
    cleanups.add(() => proxy.close());
    const a = await startSession(proxy.url, 'suite/test_a');
    const b = await startSession(proxy.url, 'suite/test_b');
    const sdkA = client(proxy, a);
    const sdkB = client(proxy, b);
    const served = [
      (await sdkB.send(new CreateRestApiCommand({ name: 'same' }))).id,
      (await sdkA.send(new CreateRestApiCommand({ name: 'same' }))).id,
      (await sdkA.send(new CreateRestApiCommand({ name: 'same' }))).id,
      (await sdkB.send(new CreateRestApiCommand({ name: 'same' }))).id,
    ];
    expect(served).toEqual([ids.test_b?.[0], ids.test_a?.[0], ids.test_a?.[1], ids.test_b?.[1]]);
    const stoppedA = await control(proxy.url, 'DELETE', `/__tapegate/sessions/${a}`);
    expect(stoppedA.json).toMatchObject({ mode: 'replay', served: 2, missed: 0, unused: 0, exchanges: 2 });
    expect((await control(proxy.url, 'DELETE', `/__tapegate/sessions/${b}`)).json).toMatchObject({ served: 2, missed: 0, unused: 0 });
  });
});

describe('what sessions share', () => {
  it('one connection pool upstream: sessions recorded one after another reuse the same keep-alive connection', async () => {
    const { proxy, fake } = await setUp();
    for (const test of ['test_a', 'test_b', 'test_c']) {
      const session = await startSession(proxy.url, `pool/${test}`);
      await client(proxy, session).send(new CreateRestApiCommand({ name: test }));
      expect((await control(proxy.url, 'DELETE', `/__tapegate/sessions/${session}`)).json.recorded).toBe(1);
    }
    expect(fake.requests).toBe(3);
    expect(fake.connections).toBe(1);
  });
});

describe('the default session', () => {
  it('is the last started session still open, else the proxy’s own cassette, else a clear 400', async () => {
    const { proxy: recorder, dir } = await setUp();
    for (const name of ['own', 'later']) {
      const session = await startSession(recorder.url, name);
      await client(recorder, session).send(new CreateRestApiCommand({ name }));
    }
    await recorder.close();

    const proxy = await startProxy({ sessions: true, cassetteDir: dir, cassette: 'own.cassette', log: false });
    cleanups.add(() => proxy.close());
    const plain = client(proxy, null);
    // No session started: the proxy's own cassette answers.
    expect((await plain.send(new CreateRestApiCommand({ name: 'own' }))).name).toBe('own');
    const later = await startSession(proxy.url, 'later', 'replay');
    // Now a header-less request goes to "later", which has only its own request.
    await expect(plain.send(new CreateRestApiCommand({ name: 'own' }))).rejects.toMatchObject({ name: 'TapegateNoMatch' });
    expect((await plain.send(new CreateRestApiCommand({ name: 'later' }))).name).toBe('later');
    expect((await control(proxy.url, 'DELETE', `/__tapegate/sessions/${later}`)).json).toMatchObject({ served: 1, missed: 1 });
    expect((await plain.send(new CreateRestApiCommand({ name: 'own' }))).name).toBe('own');
    expect(proxy.stats()).toMatchObject({ mode: 'replay', served: 2, missed: 0 });

    const bare = await startProxy({ sessions: true, cassetteDir: dir, log: false });
    cleanups.add(() => bare.close());
    await expect(client(bare, null).send(new CreateRestApiCommand({ name: 'own' }))).rejects.toMatchObject({
      name: 'TapegateBadRequest',
      message:
        'Failed to choose a session: no session is open and this proxy has no cassette of its own; start one with POST /__tapegate/sessions and send its id in x-tapegate-session',
    });
  });
});

describe('the way in', () => {
  it('admits control requests as it admits AWS requests: no Origin, only the proxy’s own Host names', async () => {
    const { proxy, dir } = await setUp();
    const fromBrowser = await control(proxy.url, 'POST', '/__tapegate/sessions', { cassette: 'x' }, { origin: 'https://attacker.example' });
    expect(fromBrowser.status).toBe(403);
    const rebound = await control(proxy.url, 'POST', '/__tapegate/sessions', { cassette: 'x' }, { host: `attacker.example:${proxy.port}` });
    expect(rebound.status).toBe(403);
    expect(fromBrowser.json.message).toMatch(/Origin/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('has no control surface, and no sessions, without `sessions`', async () => {
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    await mkdir(join(dir, 'c'));
    const proxy = await startProxy({ mode: 'record', cassette: join(dir, 'c', 'plain.cassette'), upstream: 'http://127.0.0.1:9', credentials, log: false });
    cleanups.add(() => proxy.close());
    expect(proxy.control).toBeNull();
    const answer = await control(proxy.url, 'POST', '/__tapegate/sessions', { cassette: 'x' });
    expect(answer.status).toBe(404);
    expect(answer.json.message).toMatch(/started without sessions/);
    await expect(client(proxy, 'abc').send(new CreateRestApiCommand({ name: 'x' }))).rejects.toMatchObject({ name: 'TapegateUnknownSession' });
  });
});
