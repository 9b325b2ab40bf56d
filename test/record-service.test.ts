/**
 * Issue 11, items 2 and 5, end to end: a recording keeps each request's SigV4 service beside
 * the exchange (Authorization never reaches the cassette), and replay then tells apart
 * requests no contract names by that service and their X-Amz-Target: a request signed for
 * another service with the same body is a miss, not another service's answer.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as v1 from '@aws-sdk/client-api-gateway';
import { readCassette } from '../cassettes/format/store.js';
import { startProxy } from '../proxy/start.js';
import { sdkClients, startFakeApiGateway } from './support/fake-apigateway/index.js';
import { Cleanups, randomCredentials, tempDir } from './record-fixtures.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

const signedFor = (service: string): string =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=${'0'.repeat(64)}`;

function post(url: string, service: string, target: string): Promise<Response> {
  return fetch(`${url}/`, {
    method: 'POST',
    headers: { authorization: signedFor(service), 'x-amz-target': target, 'x-amz-date': '20260101T000000Z', 'content-type': 'application/x-amz-json-1.1' },
    body: JSON.stringify({ PoolName: 'p' }),
  });
}

describe('the SigV4 service of each exchange', () => {
  it('is recorded, and replay matches unrouted requests on it and on X-Amz-Target', async () => {
    const credentials = randomCredentials();
    const fake = await startFakeApiGateway({ credentials });
    cleanups.add(() => fake.close());
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const file = join(dir, 'mixed.cassette');

    const recording = await startProxy({ mode: 'record', cassette: file, upstream: fake.url, credentials, log: false });
    cleanups.add(() => recording.close());
    const sdk = sdkClients(recording.url, randomCredentials());
    cleanups.add(() => sdk.destroy());
    await sdk.v1.send(new v1.CreateRestApiCommand({ name: 'a' }));
    await (await post(recording.url, 'cognito-idp', 'AWSCognitoIdentityProviderService.CreateUserPool')).arrayBuffer();
    await recording.close();

    const { exchanges } = await readCassette(file);
    expect(exchanges.map((e) => [e.operation, e.service])).toEqual([
      ['apigateway.CreateRestApi', 'apigateway'],
      [null, 'cognito-idp'],
    ]);
    expect(exchanges[1]!.request.headers.authorization).toBeUndefined();

    const replay = await startProxy({ mode: 'replay', cassette: file, log: false });
    cleanups.add(() => replay.close());
    const same = await post(replay.url, 'cognito-idp', 'AWSCognitoIdentityProviderService.CreateUserPool');
    expect(same.headers.get('x-amzn-errortype')).not.toBe('TapegateNoMatch');
    await same.arrayBuffer();
    for (const [service, target] of [
      ['dynamodb', 'DynamoDB_20120810.DeleteTable'],
      ['dynamodb', 'AWSCognitoIdentityProviderService.CreateUserPool'],
      ['cognito-idp', 'AWSCognitoIdentityProviderService.DeleteUserPool'],
    ] as const) {
      const other = await post(replay.url, service, target);
      expect(other.status, `${service} ${target}`).toBe(400);
      expect(other.headers.get('x-amzn-errortype')).toBe('TapegateNoMatch');
      await other.arrayBuffer();
    }
  });
});
