/**
 * Issue 13, item 5: S3 object bodies through the proxy with the real S3 client of the AWS SDK
 * for JavaScript v3 (path-style, endpoint at the proxy). PutObject and GetObject of random
 * bytes (zeros included) are recorded against a loopback S3 that checks every re-signed
 * signature as S3 does, then replayed offline: GetObject gives back the same bytes, the
 * cassette holds the PutObject body exactly and the object's bytes once. Bodies over the
 * limits are refused with a clear message, nothing is recorded of them, and the proxy goes on.
 */
import { createHash, randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { readCassette } from '../cassettes/format/store.js';
import type { Body } from '../core/exchange.js';
import { startProxy } from '../proxy/start.js';
import { startFakeS3 } from './support/fake-s3.js';
import { Cleanups, randomCredentials, tempDir } from './record-fixtures.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (body: Body): Buffer => (body.kind === 'bytes' ? Buffer.from(body.bytes) : Buffer.alloc(0));

/** Random bytes with runs of zeros in them: nothing that could pass for text or JSON. */
function object(size: number): Buffer {
  const bytes = randomBytes(size);
  for (let at = 0; at + 64 < size; at += 4096) bytes.fill(0, at, at + 64);
  return bytes;
}

function s3(url: string): S3Client {
  const client = new S3Client({ endpoint: url, forcePathStyle: true, region: 'us-east-1', credentials: randomCredentials(), maxAttempts: 1 });
  cleanups.add(() => client.destroy());
  return client;
}

async function setUp(options: { maxBodyBytes?: string; maxResponseBytes?: string } = {}) {
  const credentials = randomCredentials();
  const upstream = await startFakeS3(credentials);
  cleanups.add(() => upstream.close());
  const { dir, remove } = await tempDir();
  cleanups.add(remove);
  const file = join(dir, 'objects.cassette');
  const lines: string[] = [];
  const recording = await startProxy({ mode: 'record', cassette: file, upstream: upstream.url, credentials, log: (line) => lines.push(line), ...options });
  cleanups.add(() => recording.close());
  return { upstream, file, recording, lines };
}

describe('S3 object bodies', () => {
  it('are recorded byte for byte in both directions, stored once, and replayed offline', async () => {
    const { upstream, file, recording } = await setUp();
    const body = object(3 * MiB + 17);
    const key = 'reports/2026 q1+final.bin';
    const client = s3(recording.url);
    await client.send(new PutObjectCommand({ Bucket: 'tapegate-test', Key: key, Body: body, ContentType: 'application/octet-stream' }));
    const got = await (await client.send(new GetObjectCommand({ Bucket: 'tapegate-test', Key: key }))).Body!.transformToByteArray();
    expect(sha256(got)).toBe(sha256(body));
    // Both requests were re-signed the S3 way: the loopback S3 checked them and stored the object.
    expect(upstream.rejected).toEqual([]);
    expect(sha256(upstream.objects.get('/tapegate-test/reports/2026%20q1%2Bfinal.bin')!.body)).toBe(sha256(body));
    await recording.close();

    const { exchanges } = await readCassette(file);
    expect(exchanges.map((e) => [e.service, e.request.method, e.response.status])).toEqual([
      ['s3', 'PUT', 200],
      ['s3', 'GET', 200],
    ]);
    expect(sha256(bytesOf(exchanges[0]!.request.body))).toBe(sha256(body));
    expect(sha256(bytesOf(exchanges[1]!.response.body))).toBe(sha256(body));
    // The object is in the cassette once, though it went up and came back.
    expect((await stat(file)).size).toBeLessThan(body.length + 64 * 1024);

    const replay = await startProxy({ mode: 'replay', cassette: file, log: false });
    cleanups.add(() => replay.close());
    const offline = s3(replay.url);
    await offline.send(new PutObjectCommand({ Bucket: 'tapegate-test', Key: key, Body: body, ContentType: 'application/octet-stream' }));
    const again = await (await offline.send(new GetObjectCommand({ Bucket: 'tapegate-test', Key: key }))).Body!.transformToByteArray();
    expect(sha256(again)).toBe(sha256(body));
    // Other bytes under the same key are another request: a miss, not the recorded answer.
    const other = await offline.send(new PutObjectCommand({ Bucket: 'tapegate-test', Key: key, Body: object(1024) })).catch((error: unknown) => error);
    expect(other).toBeInstanceOf(S3ServiceException);
    // In S3's own XML error shape, so the SDK names tapegate's reason (proxy/protocol-error.ts).
    expect((other as S3ServiceException).$metadata.httpStatusCode).toBe(400);
    expect((other as S3ServiceException).name).toBe('TapegateNoMatch');
    expect((other as S3ServiceException).message).toMatch(/^No recorded exchange matches .*PUT \/tapegate-test\/.*Differences: \/body/s);
  });

  it('answered in chunks without a length are recorded byte for byte and replayed', async () => {
    const { upstream, file, recording } = await setUp();
    // Past the size up to which a body of unknown length is kept in chunks (proxy/body-collector.ts).
    const body = object(3 * MiB + 5);
    upstream.objects.set('/b/streamed.bin', { body, contentType: 'application/octet-stream', chunked: true });
    const got = await (await s3(recording.url).send(new GetObjectCommand({ Bucket: 'b', Key: 'streamed.bin' }))).Body!.transformToByteArray();
    expect(sha256(got)).toBe(sha256(body));
    await recording.close();
    const { exchanges } = await readCassette(file);
    expect(exchanges[0]!.response.headers['transfer-encoding']).toBe('chunked');
    expect(sha256(bytesOf(exchanges[0]!.response.body))).toBe(sha256(body));
    const replay = await startProxy({ mode: 'replay', cassette: file, log: false });
    cleanups.add(() => replay.close());
    const again = await (await s3(replay.url).send(new GetObjectCommand({ Bucket: 'b', Key: 'streamed.bin' }))).Body!.transformToByteArray();
    expect(sha256(again)).toBe(sha256(body));
  });

  it('over --max-body or --max-response are refused clearly, not recorded, and the proxy keeps serving', async () => {
    const { upstream, file, recording, lines } = await setUp({ maxBodyBytes: '1MiB', maxResponseBytes: '2MiB' });
    const client = s3(recording.url);
    // Recorded before the refusals: they must not cost the journal what it holds.
    await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'first.bin', Body: object(64 * 1024) }));
    const tooBig = await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'big.bin', Body: object(MiB + 1) })).catch((error: unknown) => error);
    expect(tooBig).toBeInstanceOf(S3ServiceException);
    expect((tooBig as S3ServiceException).$metadata.httpStatusCode).toBe(413);
    expect((tooBig as S3ServiceException).name).toBe('TapegateRequestTooLarge');
    expect(lines.join('\n')).toMatch(/Failed to read "PUT \/b\/big\.bin": the request body declares 1048577 bytes, over the limit of 1048576 bytes \(--max-body\)/);

    // An object put beside the proxy, bigger than --max-response: the answer is refused.
    upstream.objects.set('/b/huge.bin', { body: object(2 * MiB + 1), contentType: 'application/octet-stream' });
    const huge = await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'huge.bin' })).catch((error: unknown) => error);
    expect((huge as S3ServiceException).$metadata.httpStatusCode).toBe(502);
    expect((huge as S3ServiceException).name).toBe('TapegateUpstreamError');
    expect(lines.join('\n')).toMatch(/the response declares 2097153 bytes, over the limit of 2097152 bytes \(--max-response\)/);
    // The same without a length: refused once the chunks pass the limit.
    upstream.objects.set('/b/streamed.bin', { body: object(2 * MiB + 1), contentType: 'application/octet-stream', chunked: true });
    const streamed = await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'streamed.bin' })).catch((error: unknown) => error);
    expect((streamed as S3ServiceException).$metadata.httpStatusCode).toBe(502);
    expect(lines.join('\n')).toMatch(/the response passed the limit of 2097152 bytes \(--max-response\)/);

    // The next object within the limits goes through and is recorded.
    const small = object(MiB);
    await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'small.bin', Body: small }));
    const got = await (await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'small.bin' }))).Body!.transformToByteArray();
    expect(sha256(got)).toBe(sha256(small));
    await recording.close();
    const { exchanges } = await readCassette(file);
    expect(exchanges.map((e) => `${e.request.method} ${e.request.path}`)).toEqual(['PUT /b/first.bin', 'PUT /b/small.bin', 'GET /b/small.bin']);
  });
});
