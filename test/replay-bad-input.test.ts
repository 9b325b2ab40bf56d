/**
 * Bad input to the replay proxy. Cassettes that cannot be served are refused at startup
 * with the store's message; bad requests (malformed HTTP, bodies that are not JSON, bodies
 * over the limit) get an AWS-shaped answer and the proxy keeps serving the next request.
 */
import { request as httpRequest, Agent, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GetIntegrationResponseCommand } from '@aws-sdk/client-api-gateway';
import { UpdateIntegrationCommand } from '@aws-sdk/client-apigatewayv2';
import { encodePreamble } from '../cassettes/format/codec.js';
import { createHeader } from '../cassettes/format/format.js';
import { TapegateError } from '../core/errors.js';
import { startProxy, type TapegateProxy as ReplayProxy } from '../proxy/start.js';
import { exchange, json, request, sdkClients, seedExchanges, tempDir, thrown, V2_IR_COLLECTION, writeTempCassette } from './replay-fixtures.js';

let cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function refusal(start: Promise<unknown>): Promise<TapegateError> {
  const error = await start.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TapegateError);
  expect((error as TapegateError).exitCode).toBe(2);
  return error as TapegateError;
}

describe('cassettes refused at startup', () => {
  it('refuses a truncated cassette, naming the offset and the intact exchanges', async () => {
    const cassette = await writeTempCassette(seedExchanges());
    cleanups.push(cassette.remove);
    const bytes = await readFile(cassette.file);
    // Past the end record (46 bytes) into the last exchange.
    await writeFile(cassette.file, bytes.subarray(0, bytes.length - 60));
    const error = await refusal(startProxy({ mode: 'replay', cassette: cassette.file, log: false }));
    expect(error.message).toMatch(/^Failed to read cassette ".*replay\.cassette": truncated record at byte \d+/);
    expect(error.message).toContain('10 exchanges before it are intact');
  });

  it('refuses random bytes as not a cassette', async () => {
    const { dir, remove } = await tempDir();
    cleanups.push(remove);
    const file = join(dir, 'noise.cassette');
    await writeFile(file, randomBytes(4096));
    const error = await refusal(startProxy({ mode: 'replay', cassette: file, log: false }));
    expect(error.message).toContain('not a tapegate cassette (it does not start with the cassette signature)');
  });

  it('refuses a newer format version, asking for an upgrade', async () => {
    const { dir, remove } = await tempDir();
    cleanups.push(remove);
    const file = join(dir, 'future.cassette');
    const header = { ...createHeader({ toolVersion: '9.0.0', services: [] }), formatVersion: 6 };
    await writeFile(file, encodePreamble(header));
    const error = await refusal(startProxy({ mode: 'replay', cassette: file, log: false }));
    expect(error.message).toContain('format version 6 is newer than this tapegate understands (5); upgrade tapegate');
  });

  it('refuses a cassette name that escapes --cassette-dir, naming both', async () => {
    const cassette = await writeTempCassette(seedExchanges());
    cleanups.push(cassette.remove);
    const inner = join(cassette.dir, 'cassettes');
    const error = await refusal(startProxy({ mode: 'replay', cassette: '../replay.cassette', cassetteDir: inner, log: false }));
    expect(error.message).toContain('"../replay.cassette"');
    expect(error.message).toContain(`outside the cassette folder "${inner}"`);
    const absolute = await refusal(startProxy({ mode: 'replay', cassette: cassette.file, cassetteDir: inner, log: false }));
    expect(absolute.message).toContain(`"${cassette.file}"`);
  });

  it('serves a name inside --cassette-dir', async () => {
    const cassette = await writeTempCassette(seedExchanges());
    cleanups.push(cassette.remove);
    const proxy = await startProxy({ mode: 'replay', cassette: 'replay.cassette', cassetteDir: cassette.dir, log: false });
    cleanups.push(() => proxy.close().then(() => undefined));
    expect(proxy.cassette).toBe(cassette.file);
  });
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  reusedSocket: boolean;
}

/** One request with node's own client; `chunks` are written one by one (chunked encoding). */
function raw(
  url: string,
  options: { method: string; path: string; headers?: Record<string, string>; body?: Buffer | string; chunks?: Buffer[]; agent?: Agent },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url + options.path, { method: options.method, headers: options.headers, agent: options.agent }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8'), reusedSocket: req.reusedSocket }));
      res.on('error', reject);
    });
    req.on('error', reject);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end(options.body);
  });
}

async function started(options: { maxBodyBytes?: number } = {}) {
  const bytesBody = exchange(
    11,
    'apigatewayv2.CreateIntegrationResponse',
    request('POST', V2_IR_COLLECTION, { kind: 'bytes', bytes: Buffer.from('plain text, not JSON') }),
    201,
    json({ integrationResponseId: 'bytes' }),
  );
  const cassette = await writeTempCassette([...seedExchanges(), bytesBody]);
  cleanups.push(cassette.remove);
  const lines: string[] = [];
  let waiting: (() => void) | undefined;
  /** Resolves when the proxy logs its next line. */
  const nextLine = (): Promise<void> => new Promise((resolve) => (waiting = resolve));
  const log = (line: string): void => {
    lines.push(line);
    waiting?.();
  };
  const proxy: ReplayProxy = await startProxy({ mode: 'replay', cassette: cassette.file, log, ...options });
  cleanups.push(() => proxy.close().then(() => undefined));
  const clients = sdkClients(proxy.url);
  cleanups.push(clients.destroy);
  /** A normal SDK request, to show the proxy still serves. */
  const stillServes = async (): Promise<void> => {
    const got = await clients.v1.send(new GetIntegrationResponseCommand({ restApiId: 'a1b2c3d4e5', resourceId: 'r3s0urc3', httpMethod: 'GET', statusCode: '200' }));
    expect(got.statusCode).toBe('200');
  };
  return { proxy, clients, lines, nextLine, stillServes };
}

describe('bad requests: answered, logged, and the proxy keeps serving', () => {
  it('answers malformed HTTP with an AWS-shaped 400 and closes only that connection', async () => {
    const { proxy, lines, stillServes } = await started();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(proxy.port, '127.0.0.1', () => socket.write('GARBAGE \x01\x02 nonsense\r\n\r\n'));
      const parts: Buffer[] = [];
      socket.on('data', (part: Buffer) => parts.push(part));
      socket.on('end', () => resolve(Buffer.concat(parts).toString('latin1')));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('x-amzn-errortype: TapegateBadRequest\r\n');
    expect(answer).toContain('connection: close\r\n');
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { message: string };
    expect(body.message).toMatch(/^Failed to parse the HTTP request: HPE_/);
    expect(lines).toEqual([expect.stringContaining('Failed to parse the HTTP request')]);
    await stillServes();
    expect(proxy.stats()).toMatchObject({ rejected: 1, served: 1 });
  });

  it('lets a client go away in the middle of a body and keeps serving', async () => {
    const { proxy, lines, nextLine, stillServes } = await started();
    const logged = nextLine();
    const socket = connect(proxy.port, '127.0.0.1', () => {
      socket.write(`POST ${V2_IR_COLLECTION} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 100\r\n\r\n{"half":`, () => socket.destroy());
    });
    await logged;
    expect(lines).toEqual([expect.stringMatching(/^tapegate: aborted POST \/v2\/apis\/.*: aborted$/)]);
    await stillServes();
    expect(proxy.stats()).toMatchObject({ rejected: 1, served: 1, missed: 0 });
  });

  it('matches a body that is not JSON on its bytes, and explains a non-JSON miss', async () => {
    const { proxy, stillServes } = await started();
    const hit = await raw(proxy.url, { method: 'POST', path: V2_IR_COLLECTION, headers: { 'content-type': 'application/json' }, body: 'plain text, not JSON' });
    expect(hit.status).toBe(201);
    expect(JSON.parse(hit.body)).toEqual({ integrationResponseId: 'bytes' });

    const miss = await raw(proxy.url, { method: 'POST', path: V2_IR_COLLECTION, headers: { 'content-type': 'application/json' }, body: '{"broken": ' });
    expect(miss.status).toBe(400);
    expect(miss.headers['x-amzn-errortype']).toBe('TapegateNoMatch');
    expect(miss.headers['content-type']).toBe('application/json');
    const message = (JSON.parse(miss.body) as { message: string }).message;
    expect(message).toContain('apigatewayv2.CreateIntegrationResponse POST');
    expect(message).toContain('/body: recorded');
    expect(message).toContain('received "{\\"broken\\": "');
    await stillServes();
  });

  it('refuses a declared body over the limit with 413 TapegateRequestTooLarge', async () => {
    const { proxy, clients, lines, stillServes } = await started({ maxBodyBytes: 1024 });
    const tooBig = await raw(proxy.url, { method: 'POST', path: V2_IR_COLLECTION, headers: { 'content-type': 'application/json' }, body: Buffer.alloc(4096, 0x61) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers['x-amzn-errortype']).toBe('TapegateRequestTooLarge');
    expect((JSON.parse(tooBig.body) as { message: string }).message).toBe(
      `Failed to read "POST ${V2_IR_COLLECTION}": the request body declares 4096 bytes, over the limit of 1024 bytes (--max-body)`,
    );
    expect(lines).toHaveLength(1);

    // Through the SDK: the same refusal as a service exception.
    const error = await thrown(() => clients.v2.send(new UpdateIntegrationCommand({ ApiId: 'api12345', IntegrationId: 'int6789', Description: 'x'.repeat(2000) })));
    expect([error.name, error.$metadata?.httpStatusCode]).toEqual(['TapegateRequestTooLarge', 413]);
    await stillServes();
    expect(proxy.stats()).toMatchObject({ rejected: 2, missed: 0, served: 1 });
  });

  it('stops reading a chunked body at the limit and keeps the connection usable', async () => {
    const { proxy } = await started({ maxBodyBytes: 1024 });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    cleanups.push(() => agent.destroy());
    const chunks = [Buffer.alloc(800, 0x61), Buffer.alloc(800, 0x62), Buffer.alloc(800, 0x63)];
    const tooBig = await raw(proxy.url, { method: 'POST', path: V2_IR_COLLECTION, chunks, agent });
    expect(tooBig.status).toBe(413);
    expect((JSON.parse(tooBig.body) as { message: string }).message).toMatch(/the request body passed \d+ bytes, over the limit of 1024 bytes/);
    const next = await raw(proxy.url, { method: 'POST', path: V2_IR_COLLECTION, headers: { 'content-type': 'application/json' }, body: 'plain text, not JSON', agent });
    expect(next.status).toBe(201);
    expect(next.reusedSocket).toBe(true);
  });

  it('serves recorded headers exactly, without the recorded hop-by-hop ones, with a true content-length', async () => {
    const recorded = exchange(0, 'apigatewayv2.UpdateIntegration', request('PATCH', '/v2/apis/a/integrations/b', json({})), 200, json({ integrationId: 'b' }), {
      'content-length': '9999',
      'transfer-encoding': 'chunked',
      connection: 'close',
      'x-amz-apigw-id': 'Abc123=',
    });
    const cassette = await writeTempCassette([recorded]);
    cleanups.push(cassette.remove);
    const proxy = await startProxy({ mode: 'replay', cassette: cassette.file, log: false });
    cleanups.push(() => proxy.close().then(() => undefined));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    cleanups.push(() => agent.destroy());
    const answers = [];
    for (let i = 0; i < 2; i++) {
      answers.push(await raw(proxy.url, { method: 'PATCH', path: '/v2/apis/a/integrations/b', headers: { 'content-type': 'application/json' }, body: '{}', agent }));
    }
    const [first, second] = answers;
    expect(first?.body).toBe('{"integrationId":"b"}');
    expect(first?.headers).toMatchObject({
      'content-length': '21',
      'x-amz-apigw-id': 'Abc123=',
      'x-amzn-requestid': 'req-0-0000-1111-2222',
      date: 'Wed, 01 Jan 2025 00:00:00 GMT',
      connection: 'keep-alive',
    });
    expect(first?.headers['transfer-encoding']).toBeUndefined();
    expect(second?.reusedSocket).toBe(true);
  });
});
