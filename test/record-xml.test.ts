/**
 * query and rest-xml services end to end through the proxy: STS AssumeRole, SNS Publish and
 * S3 ListObjectsV2 recorded from a loopback upstream with the real SDK v3 clients, each
 * exchange named by its operation (the Action of a form body, S3's `?list-type=2`), the
 * credentials of the AssumeRole answer replaced in the stored XML before the cassette is
 * written (a real-looking key id, secret and session token: the cassette holds none), then
 * replayed offline with the same SDK results, and verified without an error.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { readCassette } from '../cassettes/format/store.js';
import { bundledContracts } from '../contracts/load.js';
import { wireMessagesOf } from '../contracts/wire-messages.js';
import { encodeQueryResponse } from '../contracts/wire/query-response.js';
import { encodeRestXmlResponse } from '../contracts/wire/rest-xml-response.js';
import { queryCallOf } from '../core/query-call.js';
import type { RecordedRequest, RecordedResponse } from '../core/exchange.js';
import { startProxy } from '../proxy/start.js';
import { verifyCassettes } from '../verify/run.js';
import { Cleanups, randomCredentials, tempDir } from './record-fixtures.js';
import { startCaptureServer } from './support/capture-server.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

// Real-looking temporary credentials, as AWS answers an AssumeRole (made up, not a real key).
const KEY_ID = 'ASIAQ3EGQ7XKZ4EXAMPL';
const SECRET = 'gT7rW2xQ9vL4mN8pK3jH6fD1sA5zX0cV2bN4mQ7e';
const TOKEN = `IQoJb3JpZ2luX2VjEJr${'Z2x0b2tlbnRhcGVnYXRl'.repeat(8)}`;

const contracts = bundledContracts();
const shapes = (service: string) => wireMessagesOf(contracts.service(service)!)!.shapes;

function xml(body: string, status = 200): RecordedResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': 'req-1' }, body: { kind: 'bytes', bytes: Buffer.from(body) } };
}

function upstreamAnswer(request: RecordedRequest): RecordedResponse {
  const call = queryCallOf(request);
  if (call?.action === 'AssumeRole') {
    return xml(
      encodeQueryResponse(shapes('sts'), 'AssumeRole', {
        Credentials: { AccessKeyId: KEY_ID, SecretAccessKey: SECRET, SessionToken: TOKEN, Expiration: '2030-01-01T00:00:00Z' },
        AssumedRoleUser: { AssumedRoleId: 'AROAEXAMPLEROLEID:ci-run', Arn: 'arn:aws:sts::123456789012:assumed-role/deploy/ci-run' },
      }),
    );
  }
  if (call?.action === 'GetCallerIdentity') {
    return xml(encodeQueryResponse(shapes('sts'), 'GetCallerIdentity', { UserId: 'AIDAEXAMPLEUSERID', Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/ci' }));
  }
  if (call?.action === 'Publish') return xml(encodeQueryResponse(shapes('sns'), 'Publish', { MessageId: '5b1f2c1e-0000-4000-8000-000000000001' }));
  if (request.method === 'GET' && /^\/photos\/?$/.test(request.path) && request.query['list-type']?.[0] === '2') {
    const answer = encodeRestXmlResponse(shapes('s3'), 'ListObjectsV2', {
      Name: 'photos',
      Prefix: 'cats/',
      KeyCount: 2,
      MaxKeys: 1000,
      IsTruncated: false,
      Contents: [
        { Key: 'cats/a.jpg', Size: 1024, ETag: '"a1"', LastModified: '2024-05-06T07:08:09Z', StorageClass: 'STANDARD' },
        { Key: 'cats/b c.jpg', Size: 2048, ETag: '"b2"', LastModified: '2024-05-06T07:08:10Z', StorageClass: 'STANDARD' },
      ],
    });
    return { status: answer.status, headers: answer.headers, body: { kind: 'bytes', bytes: Buffer.from(answer.body!) } };
  }
  return xml('<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>not scripted</Message></Error></ErrorResponse>', 400);
}

const config = (endpoint: string) => ({ endpoint, region: 'us-east-1', credentials: randomCredentials(), maxAttempts: 1 });

async function scenario(endpoint: string): Promise<unknown[]> {
  const sts = new STSClient(config(endpoint));
  const sns = new SNSClient(config(endpoint));
  const s3 = new S3Client({ ...config(endpoint), forcePathStyle: true });
  cleanups.add(() => [sts, sns, s3].forEach((client) => client.destroy()));
  const role = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/deploy', RoleSessionName: 'ci-run' }));
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  const published = await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders', Message: 'order 42 & <shipped>' }));
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'photos', Prefix: 'cats/' }));
  return [
    [role.Credentials?.AccessKeyId, role.Credentials?.SecretAccessKey, role.Credentials?.SessionToken, role.AssumedRoleUser?.Arn],
    identity.Account,
    published.MessageId,
    listed.Contents?.map((object) => [object.Key, object.Size, object.LastModified?.toISOString()]),
  ];
}

describe('query and rest-xml services through the proxy', () => {
  it('records each call as its operation with the AssumeRole credentials redacted in the stored XML, replays the same SDK results offline, and verifies clean', async () => {
    const upstream = await startCaptureServer(upstreamAnswer);
    cleanups.add(() => upstream.close());
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const file = join(dir, 'xml.cassette');

    const recording = await startProxy({ mode: 'record', cassette: file, upstream: upstream.url, credentials: randomCredentials(), log: false });
    const recorded = await scenario(recording.url);
    const stats = await recording.close();
    expect(stats).toMatchObject({ recorded: 4, refused: 0, findings: [] });
    const objects = [
      ['cats/a.jpg', 1024, '2024-05-06T07:08:09.000Z'],
      ['cats/b c.jpg', 2048, '2024-05-06T07:08:10.000Z'],
    ];
    expect(recorded).toEqual([[KEY_ID, SECRET, TOKEN, 'arn:aws:sts::123456789012:assumed-role/deploy/ci-run'], '123456789012', '5b1f2c1e-0000-4000-8000-000000000001', objects]);

    const { exchanges } = await readCassette(file);
    expect(exchanges.map((e) => [e.operation, e.service])).toEqual([
      ['sts.AssumeRole', 'sts'],
      ['sts.GetCallerIdentity', 'sts'],
      ['sns.Publish', 'sns'],
      ['s3.ListObjectsV2', 's3'],
    ]);
    const bytes = await readFile(file);
    for (const secret of [KEY_ID, SECRET, TOKEN]) expect(bytes.includes(Buffer.from(secret)), 'the cassette holds a credential').toBe(false);

    const replay = await startProxy({ mode: 'replay', cassette: file, log: false });
    cleanups.add(() => replay.close());
    expect(await scenario(replay.url)).toEqual([
      ['<redacted>', '<redacted>', '<redacted>', 'arn:aws:sts::123456789012:assumed-role/deploy/ci-run'],
      '123456789012',
      '5b1f2c1e-0000-4000-8000-000000000001',
      objects,
    ]);
    expect(replay.stats()).toMatchObject({ served: 4, missed: 0, findings: [] });

    const report = await verifyCassettes([file], { contracts, contractsLabel: 'bundled' });
    expect(report.cassettes.flatMap((cassette) => cassette.exchanges.flatMap((exchange) => exchange.findings))).toEqual([]);
  });
});
