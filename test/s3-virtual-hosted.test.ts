/**
 * Virtual-hosted S3 through the proxy, with the real S3 client of the AWS SDK for JavaScript v3
 * (endpoint `http://localhost:PORT`, `forcePathStyle: false`: it sends `GET /key` to
 * `bucket-a.localhost:PORT`). Two buckets holding the same key are recorded against the fake
 * AWS (which reads the bucket from the Host and checks every re-signed signature), then
 * replayed offline: each bucket gets its own object, a third bucket misses, and a client that
 * switched to path style still hits. The cassette keeps the bucket (the request path-style,
 * `addressing: virtual-hosted`), so verify routes it with its Bucket. A format 4 cassette
 * recorded path-style (test/fixtures/cassettes/) replays for virtual-hosted clients too.
 */
import { copyFile } from 'node:fs/promises';
import { Agent, type AgentOptions } from 'node:http';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { readCassette } from '../cassettes/format/store.js';
import { bundledContracts } from '../contracts/load.js';
import { Validator } from '../contracts/validator.js';
import { startProxy } from '../proxy/start.js';
import { verifyCassettes } from '../verify/run.js';
import { FAKE_AWS_CREDENTIALS, startFakeAws, type FakeAws } from './support/fake-aws/index.js';
import { Cleanups, PROJECT_ROOT, tempDir } from './record-fixtures.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

const KEY = 'same-key.txt';
const BUCKETS = ['bucket-a', 'bucket-b'];
const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'cassettes', 's3-path-style-format4.cassette');

/** `bucket-a.localhost` must reach the proxy whatever the resolver: every name is looked up as 127.0.0.1. */
function loopbackAgent(): Agent {
  const agent = new Agent({
    lookup: (_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
      options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4),
  } as AgentOptions);
  cleanups.add(() => agent.destroy());
  return agent;
}

/** The SDK pointed at `localhost:port`: virtual-hosted, unless `pathStyle`. */
function s3(port: number, pathStyle = false): S3Client {
  const client = new S3Client({
    endpoint: `http://localhost:${port}`,
    forcePathStyle: pathStyle,
    region: 'us-east-1',
    credentials: FAKE_AWS_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: { httpAgent: loopbackAgent() },
  });
  cleanups.add(() => client.destroy());
  return client;
}

async function getText(client: S3Client, bucket: string): Promise<string> {
  const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: KEY }));
  return answer.Body!.transformToString();
}

async function fakeAws(): Promise<FakeAws> {
  const fake = await startFakeAws();
  cleanups.add(() => fake.close());
  return fake;
}

/** Records two buckets with the same key through a recording proxy forwarding to `upstream`. */
async function recordTwoBuckets(upstream: string): Promise<string> {
  const { dir, remove } = await tempDir();
  cleanups.add(remove);
  const file = join(dir, 'buckets.cassette');
  const recording = await startProxy({ mode: 'record', cassette: file, upstream, credentials: FAKE_AWS_CREDENTIALS, log: false });
  cleanups.add(() => recording.close());
  const client = s3(recording.port);
  for (const bucket of BUCKETS) {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: KEY, Body: `object of ${bucket}`, ContentType: 'text/plain' }));
  }
  for (const bucket of BUCKETS) expect(await getText(client, bucket)).toBe(`object of ${bucket}`);
  await recording.close();
  return file;
}

/** Replays `file` offline; each bucket gets its own object, virtual-hosted and path-style alike; bucket-c misses. */
async function expectReplayKeepsBuckets(file: string): Promise<void> {
  const replay = await startProxy({ mode: 'replay', cassette: file, log: false });
  cleanups.add(() => replay.close());
  for (const pathStyle of [false, true]) {
    const client = s3(replay.port, pathStyle);
    // B before A: the answer follows the bucket, not the order of recording.
    expect(await getText(client, 'bucket-b')).toBe('object of bucket-b');
    expect(await getText(client, 'bucket-a')).toBe('object of bucket-a');
    const missed = await getText(client, 'bucket-c').catch((error: unknown) => error);
    expect(missed).toBeInstanceOf(S3ServiceException);
    expect((missed as S3ServiceException).name).toBe('TapegateNoMatch');
    expect((missed as S3ServiceException).$metadata.httpStatusCode).toBe(400);
    expect((missed as S3ServiceException).message).toMatch(/GET \/bucket-c\/same-key\.txt.*Differences: \/path/s);
  }
  expect(replay.stats().served).toBe(4);
}

describe('virtual-hosted S3 through the proxy', () => {
  it('records each bucket in the cassette, forwards virtual-hosted, and replays each bucket its own object offline', async () => {
    const fake = await fakeAws();
    // `localhost`, not 127.0.0.1: a bucket label goes in front of the upstream's host name.
    const upstreamPort = new URL(fake.url).port;
    const file = await recordTwoBuckets(`http://localhost:${upstreamPort}`);

    // The upstream got the requests virtual-hosted, re-signed for their Host, and checked every signature.
    expect(fake.signatures.rejected).toEqual([]);
    expect(fake.signatures.verified).toBe(6);
    expect(fake.requests.map((r) => `${r.method} ${r.host} ${r.path} ${r.status}`)).toEqual([
      `PUT bucket-a.localhost:${upstreamPort} / 200`,
      `PUT bucket-a.localhost:${upstreamPort} /${KEY} 200`,
      `PUT bucket-b.localhost:${upstreamPort} / 200`,
      `PUT bucket-b.localhost:${upstreamPort} /${KEY} 200`,
      `GET bucket-a.localhost:${upstreamPort} /${KEY} 200`,
      `GET bucket-b.localhost:${upstreamPort} /${KEY} 200`,
    ]);

    const { header, exchanges } = await readCassette(file);
    expect(header.formatVersion).toBe(5);
    expect(exchanges.map((e) => [e.operation, e.request.method, e.request.path, e.request.addressing])).toEqual([
      ['s3.CreateBucket', 'PUT', '/bucket-a', 'virtual-hosted'],
      ['s3.PutObject', 'PUT', `/bucket-a/${KEY}`, 'virtual-hosted'],
      ['s3.CreateBucket', 'PUT', '/bucket-b', 'virtual-hosted'],
      ['s3.PutObject', 'PUT', `/bucket-b/${KEY}`, 'virtual-hosted'],
      ['s3.GetObject', 'GET', `/bucket-a/${KEY}`, 'virtual-hosted'],
      ['s3.GetObject', 'GET', `/bucket-b/${KEY}`, 'virtual-hosted'],
    ]);
    // The Host (its port changes every run) is not what keeps the bucket.
    for (const exchange of exchanges) expect(exchange.request.headers.host).toBeUndefined();

    // The contracts see the bucket: the recorded GetObject routes with its Bucket, and verify finds no error.
    const validator = new Validator(bundledContracts());
    expect(validator.router.route(exchanges[5]!.request)).toEqual({ operation: 's3.GetObject', labels: { Bucket: 'bucket-b', Key: KEY } });
    const report = await verifyCassettes([file], { contracts: bundledContracts(), contractsLabel: 'the bundled contracts' });
    const errors = report.cassettes[0]!.exchanges.flatMap((e) => e.findings.filter((f) => f.severity === 'error').map((f) => `${e.operation} ${f.code} ${f.path}`));
    expect(errors).toEqual([]);
    expect(report.cassettes[0]!.exchanges.map((e) => e.operation)).toEqual(exchanges.map((e) => e.operation));

    await fake.close();
    await expectReplayKeepsBuckets(file);
  });

  it('forwards path-style to an upstream named by IP address, which cannot carry a bucket label, and records the same', async () => {
    const fake = await fakeAws();
    const file = await recordTwoBuckets(fake.url);
    expect(fake.signatures.rejected).toEqual([]);
    const host = new URL(fake.url).host;
    expect(fake.requests.map((r) => `${r.method} ${r.host} ${r.path}`)).toEqual([
      `PUT ${host} /bucket-a`,
      `PUT ${host} /bucket-a/${KEY}`,
      `PUT ${host} /bucket-b`,
      `PUT ${host} /bucket-b/${KEY}`,
      `GET ${host} /bucket-a/${KEY}`,
      `GET ${host} /bucket-b/${KEY}`,
    ]);
    const { exchanges } = await readCassette(file);
    expect(exchanges.map((e) => `${e.request.path} ${e.request.addressing}`)).toEqual(
      ['/bucket-a', `/bucket-a/${KEY}`, '/bucket-b', `/bucket-b/${KEY}`, `/bucket-a/${KEY}`, `/bucket-b/${KEY}`].map((path) => `${path} virtual-hosted`),
    );
    await fake.close();
    await expectReplayKeepsBuckets(file);
  });

  it('replays a format 4 cassette recorded path-style to virtual-hosted clients, bucket by bucket', async () => {
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    // A copy: replay never writes, but the fixture stays untouched whatever happens.
    const file = join(dir, 'path-style.cassette');
    await copyFile(FIXTURE, file);
    const { header, exchanges } = await readCassette(file);
    expect(header.formatVersion).toBe(4);
    expect(exchanges.map((e) => `${e.operation} ${e.request.path} ${e.request.addressing}`)).toContain(`s3.GetObject /bucket-b/${KEY} undefined`);
    await expectReplayKeepsBuckets(file);
  });
});
