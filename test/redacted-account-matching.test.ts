/**
 * A cassette recorded with --redact-account-ids holds placeholders where the account ids
 * were; a test replaying it still sends its real account id. Replay and auto prepare a
 * request for matching in exactly the same way (proxy/steps/match.ts), following the
 * cassette's header, so the same request hits in both.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as v2 from '@aws-sdk/client-apigatewayv2';
import { readCassette } from '../cassettes/format/store.js';
import { startProxy } from '../proxy/start.js';
import { sdkClients, startFakeApiGateway } from './support/fake-apigateway/index.js';
import { Cleanups, randomCredentials, tempDir } from './record-fixtures.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

async function scenario(url: string, account: string, apiId?: string): Promise<{ apiId: string; arn: string | undefined }> {
  const sdk = sdkClients(url, randomCredentials());
  try {
    const api = await sdk.v2.send(new v2.CreateApiCommand({ Name: 'arns', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }));
    const id = apiId ?? api.ApiId!;
    const made = await sdk.v2.send(new v2.CreateIntegrationCommand({ ApiId: id, IntegrationType: 'MOCK', CredentialsArn: `arn:aws:iam::${account}:role/apigw` }));
    return { apiId: id, arn: made.CredentialsArn };
  } finally {
    sdk.destroy();
  }
}

describe('a cassette recorded with redactAccountIds', () => {
  it('is hit by the same request carrying the real account id, in replay and in auto', async () => {
    const credentials = randomCredentials();
    const fake = await startFakeApiGateway({ credentials });
    cleanups.add(() => fake.close());
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const file = join(dir, 'accounts.cassette');
    const account = String(100_000_000_000 + randomBytes(4).readUInt32BE());

    const recording = await startProxy({ mode: 'record', cassette: file, upstream: fake.url, credentials, redactAccountIds: true, log: false });
    const recorded = await scenario(recording.url, account);
    await recording.close();
    expect((await readFile(file)).toString('latin1')).not.toContain(account);
    expect((await readCassette(file)).header.redaction).toEqual({ accountIds: true });

    const replay = await startProxy({ mode: 'replay', cassette: file, log: false });
    cleanups.add(() => replay.close());
    const replayed = await scenario(replay.url, account, recorded.apiId);
    const replayStats = await replay.close();
    expect(replayStats).toMatchObject({ served: 2, missed: 0 });
    // The client is served what the cassette holds: the placeholder.
    expect(replayed.arn).toBe('arn:aws:iam::000000000001:role/apigw');

    const auto = await startProxy({ mode: 'auto', cassette: file, upstream: fake.url, credentials, log: false });
    cleanups.add(() => auto.close());
    await scenario(auto.url, account, recorded.apiId);
    const autoStats = await auto.close();
    expect(autoStats).toMatchObject({ served: 2, forwarded: 0, recorded: 0 });
  });
});
