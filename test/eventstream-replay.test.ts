/**
 * Issue 13, item 5: `application/vnd.amazon.eventstream` answers, with the real Lambda client
 * of the AWS SDK for JavaScript v3. InvokeWithResponseStream against a loopback upstream that
 * streams PayloadChunk events and InvokeComplete is recorded, then replayed offline: the SDK's
 * async iterator yields the same events in the same order, the cassette holds each message's
 * bounds and arrival time, and replay writes each message as its own HTTP chunk. A stream that
 * ends in a cut or corrupt message is recorded as it came, said so, and never crashes the proxy.
 */
import { connect } from 'node:net';
import { join } from 'node:path';
import { InvokeWithResponseStreamCommand, LambdaClient, type InvokeWithResponseStreamResponseEvent } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { readCassette } from '../cassettes/format/store.js';
import { startProxy } from '../proxy/start.js';
import { eventMessage, startFakeLambdaStream, type StreamScript } from './support/fake-lambda-stream.js';
import { Cleanups, randomCredentials, tempDir } from './record-fixtures.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

const PATH = '/2021-11-15/functions/streamer/response-streaming-invocations';

function lambda(url: string): LambdaClient {
  const client = new LambdaClient({ endpoint: url, region: 'us-east-1', credentials: randomCredentials(), maxAttempts: 1 });
  cleanups.add(() => client.destroy());
  return client;
}

/** The events the SDK's iterator yields, as `Type:payload` lines. */
async function invoke(url: string): Promise<string[]> {
  const answer = await lambda(url).send(new InvokeWithResponseStreamCommand({ FunctionName: 'streamer', Payload: Buffer.from('{"n":3}') }));
  const events: string[] = [];
  for await (const event of answer.EventStream as AsyncIterable<InvokeWithResponseStreamResponseEvent>) {
    if (event.PayloadChunk) events.push(`PayloadChunk:${Buffer.from(event.PayloadChunk.Payload ?? []).toString('utf8')}`);
    else if (event.InvokeComplete) events.push(`InvokeComplete:${event.InvokeComplete.LogResult ?? ''}`);
    else events.push(`other:${Object.keys(event).join(',')}`);
  }
  return events;
}

/**
 * The answer to a POST read off the socket and its chunked framing taken apart by hand: the
 * size of each HTTP chunk, so the test sees the boundaries the proxy wrote (a Node client
 * may hand several chunks over in one `data` event).
 */
function rawChunks(url: string): Promise<{ head: string; chunks: Buffer[] }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      const body = '{"n":3}';
      socket.write(
        `POST ${PATH} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: ${signedForLambda()}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
    const parts: Buffer[] = [];
    socket.on('data', (part: Buffer) => parts.push(part));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(parts);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split).toString('latin1');
      const chunks: Buffer[] = [];
      let at = split + 4;
      for (;;) {
        const lineEnd = all.indexOf('\r\n', at);
        const size = parseInt(all.subarray(at, lineEnd).toString('latin1'), 16);
        if (!(size > 0)) break;
        chunks.push(all.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
      resolve({ head, chunks });
    });
  });
}

const signedForLambda = (): string => `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;

async function record(script: StreamScript) {
  const upstream = await startFakeLambdaStream(script);
  cleanups.add(() => upstream.close());
  const { dir, remove } = await tempDir();
  cleanups.add(remove);
  const file = join(dir, 'stream.cassette');
  const lines: string[] = [];
  const proxy = await startProxy({ mode: 'record', cassette: file, upstream: upstream.url, credentials: randomCredentials(), log: (line) => lines.push(line) });
  cleanups.add(() => proxy.close());
  return { upstream, file, proxy, lines };
}

describe('InvokeWithResponseStream', () => {
  it('is recorded with its messages and replayed event for event, one chunk per message', async () => {
    const payloads = ['{"part":1}', '{"part":2}', '', 'tail \u0000 bytes'].map((text) => Buffer.from(text));
    const { upstream, file, proxy } = await record({ payloads, gapMs: 20 });
    const expected = [...payloads.map((payload) => `PayloadChunk:${payload.toString('utf8')}`), 'InvokeComplete:'];
    expect(await invoke(proxy.url)).toEqual(expected);
    await proxy.close();

    const { exchanges } = await readCassette(file);
    const body = exchanges[0]!.response.body;
    expect(body.kind).toBe('bytes');
    if (body.kind !== 'bytes') return;
    expect(Buffer.from(body.bytes).equals(upstream.lastBody!)).toBe(true);
    const lengths = [...payloads.map((payload) => eventMessage('PayloadChunk', payload, 'application/octet-stream').length), upstream.lastBody!.length];
    lengths[lengths.length - 1]! -= lengths.slice(0, -1).reduce((a, b) => a + b, 0);
    expect(body.frames?.lengths).toEqual(lengths);
    expect(body.frames?.problem).toBeUndefined();
    // Arrival times rise with the upstream's 20 ms gaps.
    const atMs = body.frames!.atMs;
    expect(atMs).toHaveLength(5);
    expect(atMs[4]! - atMs[0]!).toBeGreaterThanOrEqual(60);

    const replay = await startProxy({ mode: 'replay', cassette: file, log: false });
    cleanups.add(() => replay.close());
    expect(await invoke(replay.url)).toEqual(expected);
    // Frame for frame on the wire: chunked, and each message is its own chunk.
    const raw = await rawChunks(replay.url);
    expect(raw.head).toMatch(/^content-type: application\/vnd\.amazon\.eventstream$/im);
    expect(raw.head).toMatch(/^transfer-encoding: chunked$/im);
    expect(raw.chunks.map((chunk) => chunk.length)).toEqual(lengths);
    expect(Buffer.concat(raw.chunks).equals(upstream.lastBody!)).toBe(true);
  });

  it.each([
    ['a message cut short', (message: Buffer) => message.subarray(0, message.length - 5), /message 3 \(at byte \d+\) is cut short: it declares \d+ bytes, \d+ are left/],
    [
      'a message with a bad checksum',
      (message: Buffer) => Buffer.concat([message.subarray(0, -1), Buffer.from([message.at(-1)! ^ 0xff])]),
      /message 3 \(at byte \d+\) is corrupt: The message checksum/,
    ],
  ])('ending in %s is recorded as it came, reported, and replayed the same', async (_, spoil, problem) => {
    const tail = spoil(eventMessage('PayloadChunk', Buffer.from('{"lost":true}'), 'application/octet-stream'));
    const { upstream, file, proxy, lines } = await record({ payloads: [Buffer.from('one')], tail, gapMs: 1 });
    // The SDK fails on the bad message, as it would against AWS; the proxy answered and goes on.
    await expect(invoke(proxy.url)).rejects.toThrow();
    expect(lines.join('\n')).toMatch(problem);
    await proxy.close();

    const { exchanges } = await readCassette(file);
    const body = exchanges[0]!.response.body;
    if (body.kind !== 'bytes') throw new Error(`expected bytes, got ${body.kind}`);
    expect(Buffer.from(body.bytes).equals(upstream.lastBody!)).toBe(true);
    expect(body.frames?.lengths).toHaveLength(2);
    expect(body.frames?.problem).toMatch(problem);

    const replay = await startProxy({ mode: 'replay', cassette: file, log: false });
    cleanups.add(() => replay.close());
    const raw = await rawChunks(replay.url);
    // The two whole messages, then the broken bytes as they came.
    expect(raw.chunks).toHaveLength(3);
    expect(Buffer.concat(raw.chunks).equals(upstream.lastBody!)).toBe(true);
  });
});
