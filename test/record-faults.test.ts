/**
 * The recorder when the upstream misbehaves: cut short, silent, refusing, slow and busy.
 * The client always gets an answer saying what happened (502/504 TapegateUpstreamError);
 * the cassette gets only whole exchanges, in arrival order, none lost.
 */
import { randomInt } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as v1 from '@aws-sdk/client-api-gateway';
import * as v2 from '@aws-sdk/client-apigatewayv2';
import { readCassette } from '../cassettes/format/store.js';
import { startProxy } from '../proxy/start.js';
import type { ProxyOptions as RecordingProxyOptions } from '../proxy/options.js';
import { failure, sdkClients, startFakeApiGateway, type FakeApiGateway } from './support/fake-apigateway/index.js';
import { startLoopbackServer } from './support/loopback-server.js';
import { Cleanups, randomCredentials, tempDir } from './record-fixtures.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

async function setUp(options: Partial<RecordingProxyOptions> & { upstream?: string } = {}) {
  const credentials = randomCredentials();
  const fake = await startFakeApiGateway({ credentials });
  cleanups.add(() => fake.close());
  const { dir, remove } = await tempDir();
  cleanups.add(remove);
  const file = join(dir, 'faults.cassette');
  const lines: string[] = [];
  const proxy = await startProxy({
    mode: 'record',
    cassette: file,
    upstream: fake.url,
    credentials,
    log: (line) => lines.push(line),
    ...options,
  });
  cleanups.add(() => proxy.close());
  const sdk = sdkClients(proxy.url, randomCredentials());
  cleanups.add(() => sdk.destroy());
  return { fake, proxy, sdk, file, lines };
}

/** A relay in front of the fake that holds each request a random few milliseconds, so answers come back out of order. */
async function jitterRelay(fake: FakeApiGateway): Promise<string> {
  const relay = await startLoopbackServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      setTimeout(
        () => {
          const out = httpRequest({ host: '127.0.0.1', port: fake.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          });
          out.on('error', () => res.destroy());
          out.end(Buffer.concat(chunks));
        },
        randomInt(0, 25),
      );
    });
  });
  cleanups.add(relay.close);
  return relay.url;
}

describe('upstream faults', () => {
  it('a response cut short is a 502 and is not recorded', async () => {
    const { fake, proxy, sdk, file, lines } = await setUp();
    fake.faults.closeMidResponse = 'apigatewayv2.CreateApi';
    const cut = await failure(sdk.v2.send(new v2.CreateApiCommand({ Name: 'cut', ProtocolType: 'HTTP' })));
    expect(cut).toMatchObject({ name: 'TapegateUpstreamError', status: 502 });
    expect(cut.message).toMatch(/^Failed to forward "POST \/v2\/apis" to http:\/\/127\.0\.0\.1:\d+: the response \(status 201\) was cut short after \d+ body bytes/);
    fake.faults.closeMidResponse = false;
    await sdk.v2.send(new v2.CreateApiCommand({ Name: 'whole', ProtocolType: 'HTTP' }));
    expect(await proxy.close()).toMatchObject({ forwarded: 2, recorded: 1, upstreamFailures: 1 });
    expect(lines.some((line) => line.startsWith('tapegate: upstream failure: Failed to forward "POST /v2/apis"'))).toBe(true);
    const { exchanges } = await readCassette(file);
    expect(exchanges.map((e) => e.response.status)).toEqual([201]);
    expect(exchanges[0]?.response.body).toMatchObject({ kind: 'json', value: { name: 'whole' } });
  });

  it('with recordFailures the cut-short exchange is recorded with the 502 the client got', async () => {
    const { fake, proxy, sdk, file } = await setUp({ recordFailures: true });
    fake.faults.closeMidResponse = true;
    expect(await failure(sdk.v1.send(new v1.CreateRestApiCommand({ name: 'cut' })))).toMatchObject({ name: 'TapegateUpstreamError', status: 502 });
    await proxy.close();
    const [exchange] = (await readCassette(file)).exchanges;
    expect(exchange).toMatchObject({ seq: 0, operation: 'apigateway.CreateRestApi', response: { status: 502, headers: { 'x-amzn-errortype': 'TapegateUpstreamError' } } });
    expect(exchange?.response.body).toMatchObject({ kind: 'json', value: { failure: 'cut-short' } });
  });

  it('an upstream that never answers is a 504 after --upstream-timeout', async () => {
    const { fake, proxy, sdk, file } = await setUp({ upstreamTimeoutMs: 200 });
    fake.faults.neverAnswer = 'apigateway.GetResources';
    const held = new Promise((resolve) => fake.events.once('held', resolve));
    const timedOut = await failure(sdk.v1.send(new v1.GetResourcesCommand({ restApiId: 'abcdef1234' })));
    await held;
    expect(timedOut).toMatchObject({ name: 'TapegateUpstreamError', status: 504 });
    expect(timedOut.message).toContain('did not answer within 0.2 s (--upstream-timeout)');
    expect(await proxy.close()).toMatchObject({ forwarded: 1, recorded: 0, upstreamFailures: 1 });
    expect((await readCassette(file)).exchanges).toEqual([]);
  });

  it('a refused connection is a 502 naming the upstream', async () => {
    // A port that was just free and is now closed: nothing listens there.
    const closed = await startLoopbackServer(createServer());
    const { port } = closed;
    await closed.close();
    const { sdk, proxy } = await setUp({ upstream: `http://127.0.0.1:${port}` });
    const refused = await failure(sdk.v2.send(new v2.GetApisCommand({})));
    expect(refused).toMatchObject({ name: 'TapegateUpstreamError', status: 502 });
    expect(refused.message).toBe(`Failed to forward "GET /v2/apis" to http://127.0.0.1:${port}: http://127.0.0.1:${port} refused the connection`);
    expect(await proxy.close()).toMatchObject({ recorded: 0, upstreamFailures: 1 });
  });

  it("AWS's own error answers are real behaviour and are recorded", async () => {
    const { proxy, sdk, file } = await setUp();
    expect(await failure(sdk.v1.send(new v1.GetResourcesCommand({ restApiId: 'nosuchapi0' })))).toMatchObject({ name: 'NotFoundException', status: 404 });
    expect(await proxy.close()).toMatchObject({ recorded: 1, upstreamFailures: 0 });
    const [exchange] = (await readCassette(file)).exchanges;
    expect(exchange).toMatchObject({
      operation: 'apigateway.GetResources',
      response: { status: 404, headers: { 'x-amzn-errortype': expect.stringMatching(/^NotFoundException/) as string } },
    });
  });
});

describe('requests in flight', () => {
  it('close() lets them finish and records them before finishing the cassette', async () => {
    const { fake, proxy, sdk, file } = await setUp();
    fake.faults.delayMs = 150;
    const delayed = new Promise((resolve) => fake.events.once('delayed', resolve));
    const call = sdk.v1.send(new v1.CreateRestApiCommand({ name: 'late' }));
    await delayed;
    const closing = proxy.close();
    expect((await call).name).toBe('late');
    expect(await closing).toMatchObject({ forwarded: 1, recorded: 1 });
    expect((await readCassette(file)).exchanges).toHaveLength(1);
  });

  it('a client that gives up is not recorded and holds up nobody behind it', async () => {
    const { fake, proxy, sdk, file, lines } = await setUp();
    fake.faults.neverAnswer = (request) => request.path === '/restapis' && request.method === 'POST';
    const held = new Promise((resolve) => fake.events.once('held', resolve));
    const abort = new AbortController();
    const abandoned = sdk.v1.send(new v1.CreateRestApiCommand({ name: 'abandoned' }), { abortSignal: abort.signal });
    await held;
    abort.abort();
    await expect(abandoned).rejects.toThrow();
    // Arrived later than the abandoned one: its slot must not wait for it.
    const api = await sdk.v2.send(new v2.CreateApiCommand({ Name: 'after', ProtocolType: 'HTTP' }));
    expect(api.Name).toBe('after');
    expect(await proxy.close()).toMatchObject({ forwarded: 2, recorded: 1, rejected: 1 });
    expect(lines).toContainEqual(expect.stringMatching(/^tapegate: aborted POST \/restapis: the client closed the connection/));
    expect((await readCassette(file)).exchanges.map((e) => [e.seq, e.operation])).toEqual([[0, 'apigatewayv2.CreateApi']]);
  });
});

describe('concurrency', () => {
  it('256 parallel requests are all recorded whole, numbered in arrival order', async () => {
    const credentials = randomCredentials();
    const fake = await startFakeApiGateway({ credentials });
    cleanups.add(() => fake.close());
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const file = join(dir, 'parallel.cassette');
    const proxy = await startProxy({ mode: 'record', cassette: file, upstream: await jitterRelay(fake), credentials, log: false });
    cleanups.add(() => proxy.close());
    const sdk = sdkClients(proxy.url, randomCredentials());
    cleanups.add(() => sdk.destroy());

    const names = Array.from({ length: 256 }, (_, i) => `parallel-${i}`);
    const outputs = await Promise.all(names.map((Name) => sdk.v2.send(new v2.CreateApiCommand({ Name, ProtocolType: 'HTTP' }))));
    expect(outputs.map((output) => output.Name)).toEqual(names);
    expect(await proxy.close()).toMatchObject({ forwarded: 256, recorded: 256, upstreamFailures: 0, rejected: 0 });
    expect(fake.signatures).toEqual({ verified: 256, rejected: 0 });

    const { exchanges } = await readCassette(file);
    expect(exchanges.map((e) => e.seq)).toEqual(names.map((_, i) => i));
    const nameOf = (body: unknown) => (body as { kind: string; value?: { name?: string } }).value?.name;
    // Whole: each exchange's response belongs to its own request.
    for (const exchange of exchanges) expect(nameOf(exchange.response.body)).toBe(nameOf(exchange.request.body));
    expect(new Set(exchanges.map((e) => nameOf(e.request.body)))).toEqual(new Set(names));
    // Arrival order: start times never go backwards along the sequence...
    const starts = exchanges.map((e) => Date.parse(e.timing.startedAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // ...although the relay made the answers come back in another order.
    const answered = fake.exchanges.map((e) => (e.response.body as { value?: { name?: string } }).value?.name);
    expect(answered).not.toEqual(exchanges.map((e) => nameOf(e.request.body)));
  });
});
