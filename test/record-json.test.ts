/**
 * json-protocol services end to end through the proxy: recorded from a loopback upstream with
 * the real SDK clients (each exchange named by its X-Amz-Target, a sensitive member redacted
 * before the cassette), then replayed offline with identical SDK results. Every json call is
 * `POST /`: two body-less calls of two services must not share a remembered route or answer.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { readCassette } from '../cassettes/format/store.js';
import type { RecordedResponse } from '../core/exchange.js';
import { startProxy } from '../proxy/start.js';
import { Cleanups, randomCredentials, tempDir } from './record-fixtures.js';
import { startCaptureServer } from './support/capture-server.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

const SECRET = 'correct-horse-battery-staple-7431';

const ANSWERS: Record<string, unknown> = {
  'DynamoDB_20120810.ListTables': { TableNames: ['pets', 'owners'] },
  'AmazonSQS.ListQueues': { QueueUrls: ['https://sqs.us-east-1.amazonaws.com/123456789012/pets'] },
  'secretsmanager.GetSecretValue': {
    ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
    Name: 'db',
    VersionId: 'EXAMPLE1-90ab-cdef-fedc-ba987SECRET1',
    SecretString: SECRET,
  },
};

function upstreamAnswer(target: string | undefined): RecordedResponse {
  const body = target === undefined ? undefined : ANSWERS[target];
  if (body === undefined) return { status: 400, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: { kind: 'json', value: { __type: 'UnknownOperationException' } } };
  return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'req-1' }, body: { kind: 'json', value: body } };
}

const config = (endpoint: string) => ({ endpoint, region: 'us-east-1', credentials: randomCredentials(), maxAttempts: 1 });

async function scenario(endpoint: string): Promise<unknown[]> {
  const dynamodb = new DynamoDBClient(config(endpoint));
  const sqs = new SQSClient({ ...config(endpoint), useQueueUrlAsEndpoint: false });
  const secrets = new SecretsManagerClient(config(endpoint));
  cleanups.add(() => [dynamodb, sqs, secrets].forEach((client) => client.destroy()));
  const tables = await dynamodb.send(new ListTablesCommand({}));
  const queues = await sqs.send(new ListQueuesCommand({}));
  const secret = await secrets.send(new GetSecretValueCommand({ SecretId: 'db' }));
  return [tables.TableNames, queues.QueueUrls, [secret.Name, secret.SecretString]];
}

/** A json call with no body at all (the SDKs send `{}`; emulators and scripts may not). */
async function bodyless(url: string, target: string): Promise<{ status: number; body: string }> {
  const signed = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/${target.startsWith('Dynamo') ? 'dynamodb' : 'sqs'}/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;
  const response = await fetch(`${url}/`, { method: 'POST', headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.0', authorization: signed } });
  return { status: response.status, body: await response.text() };
}

describe('json services through the proxy', () => {
  it('records each call as its operation with the secret redacted, and replays the same SDK results offline', async () => {
    const upstream = await startCaptureServer((request) => upstreamAnswer(request.headers['x-amz-target']));
    cleanups.add(() => upstream.close());
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const file = join(dir, 'json.cassette');

    const recording = await startProxy({ mode: 'record', cassette: file, upstream: upstream.url, credentials: randomCredentials(), log: false });
    const recorded = await scenario(recording.url);
    const empties = [await bodyless(recording.url, 'DynamoDB_20120810.ListTables'), await bodyless(recording.url, 'AmazonSQS.ListQueues')];
    const stats = await recording.close();
    expect(stats).toMatchObject({ recorded: 5, findings: [] });
    expect(recorded).toEqual([['pets', 'owners'], ['https://sqs.us-east-1.amazonaws.com/123456789012/pets'], ['db', SECRET]]);
    expect(empties.map((e) => JSON.parse(e.body) as unknown)).toEqual([ANSWERS['DynamoDB_20120810.ListTables'], ANSWERS['AmazonSQS.ListQueues']]);

    const { exchanges } = await readCassette(file);
    expect(exchanges.map((e) => [e.operation, e.service])).toEqual([
      ['dynamodb.ListTables', 'dynamodb'],
      ['sqs.ListQueues', 'sqs'],
      ['secretsmanager.GetSecretValue', 'secretsmanager'],
      ['dynamodb.ListTables', 'dynamodb'],
      ['sqs.ListQueues', 'sqs'],
    ]);
    // The contract marks SecretString sensitive: it never reaches the disk.
    expect(exchanges[2]!.response.body).toMatchObject({ kind: 'json', value: { SecretString: '<redacted>', Name: 'db' } });
    expect((await readFile(file)).includes(Buffer.from(SECRET))).toBe(false);

    const replay = await startProxy({ mode: 'replay', cassette: file, log: false });
    cleanups.add(() => replay.close());
    expect(await scenario(replay.url)).toEqual([['pets', 'owners'], ['https://sqs.us-east-1.amazonaws.com/123456789012/pets'], ['db', '<redacted>']]);
    // Two body-less `POST /` calls of two services: each gets its own recorded answer.
    expect(await bodyless(replay.url, 'AmazonSQS.ListQueues')).toEqual(empties[1]);
    expect(await bodyless(replay.url, 'DynamoDB_20120810.ListTables')).toEqual(empties[0]);
    expect(replay.stats()).toMatchObject({ served: 5, missed: 0, findings: [] });
  });
});
