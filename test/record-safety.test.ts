/**
 * What the recorder refuses to do: act as an open proxy, forward what it cannot place, sign
 * without credentials, or write anything secret-shaped. Where no --upstream is given, the
 * credentials provider is a tripwire: it is asked only after the upstream was decided, so a
 * refusal that works never reaches it (and nothing ever leaves 127.0.0.1).
 */
import { randomBytes } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { connect } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as v1 from '@aws-sdk/client-api-gateway';
import * as v2 from '@aws-sdk/client-apigatewayv2';
import { readCassette } from '../cassettes/format/store.js';
import { startProxy } from '../proxy/start.js';
import type { ProxyOptions as RecordingProxyOptions } from '../proxy/options.js';
import { failure, sdkClients, startFakeApiGateway } from './support/fake-apigateway/index.js';
import { Cleanups, randomCredentials, tempDir } from './record-fixtures.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

async function proxyWith(options: Partial<RecordingProxyOptions>) {
  const { dir, remove } = await tempDir();
  cleanups.add(remove);
  const file = join(dir, 'safety.cassette');
  const lines: string[] = [];
  const proxy = await startProxy({ mode: 'record', cassette: file, log: (line) => lines.push(line), ...options });
  cleanups.add(() => proxy.close());
  return { proxy, file, lines };
}

/**
 * Sends raw bytes and resolves with the raw answer. The request says `Connection: close`, so
 * the server ends the connection after answering; the client side stays open until then (a
 * half-close would read as a client gone before its answer).
 */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

const scoped = (region: string, service: string) =>
  `Authorization: AWS4-HMAC-SHA256 Credential=AKIDCLIENT/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=00\r\n`;

describe('not an open proxy', () => {
  it('an absolute-form target goes to --upstream, and only there; a foreign Host is refused before anything is forwarded', async () => {
    const credentials = randomCredentials();
    const fake = await startFakeApiGateway({ credentials });
    cleanups.add(() => fake.close());
    const outgoing: string[] = [];
    const onRequest = (message: unknown) => {
      const request = (message as { request: ClientRequest }).request;
      outgoing.push(`${request.host} ${request.method} ${request.path} host=${String(request.getHeader('host'))}`);
    };
    subscribe('http.client.request.start', onRequest);
    cleanups.add(() => unsubscribe('http.client.request.start', onRequest));
    const { proxy, lines } = await proxyWith({ upstream: fake.url, credentials });
    const own = `127.0.0.1:${proxy.port}`;

    // As an HTTP proxy client sends it: the target names a host, Host names the proxy or an AWS endpoint.
    const absolute = await rawExchange(proxy.port, `GET http://evil.example/v2/apis HTTP/1.1\r\nHost: ${own}\r\n${scoped('us-east-1', 'apigateway')}Connection: close\r\n\r\n`);
    const endpointHost = await rawExchange(
      proxy.port,
      `GET /v2/apis HTTP/1.1\r\nHost: apigateway.us-east-1.amazonaws.com:443\r\n${scoped('us-east-1', 'apigateway')}Connection: close\r\n\r\n`,
    );
    const bare = await rawExchange(proxy.port, `GET http://evil.example/ HTTP/1.1\r\nHost: ${own}\r\n${scoped('us-east-1', 'apigateway')}Connection: close\r\n\r\n`);
    // A Host naming another site (DNS rebinding): refused, never forwarded.
    const foreignHost = await rawExchange(proxy.port, `GET /v2/apis HTTP/1.1\r\nHost: evil.example:443\r\n${scoped('us-east-1', 'apigateway')}Connection: close\r\n\r\n`);
    // The fake implements no GetApis (501) and no operation at / (404): either proves the
    // request reached it, re-signed (it checks the signature first).
    expect(absolute).toMatch(/^HTTP\/1\.1 501 /);
    expect(endpointHost).toMatch(/^HTTP\/1\.1 501 /);
    expect(bare).toMatch(/^HTTP\/1\.1 404 /);
    expect(foreignHost).toMatch(/^HTTP\/1\.1 403 /);
    expect(fake.signatures).toEqual({ verified: 3, rejected: 0 });
    expect(fake.exchanges.map((e) => `${e.request.method} ${e.request.path} ${e.request.headers.host}`)).toEqual([
      `GET /v2/apis 127.0.0.1:${fake.port}`,
      `GET /v2/apis 127.0.0.1:${fake.port}`,
      `GET / 127.0.0.1:${fake.port}`,
    ]);
    expect(outgoing).toEqual([
      `127.0.0.1 GET /v2/apis host=127.0.0.1:${fake.port}`,
      `127.0.0.1 GET /v2/apis host=127.0.0.1:${fake.port}`,
      `127.0.0.1 GET / host=127.0.0.1:${fake.port}`,
    ]);
    expect(lines).toContain('tapegate: ignored the host "evil.example" in the request target: tapegate forwards only to the upstream it decides itself');
  });

  it.each([
    ['no credential scope', '', /no SigV4 credential scope/],
    ['an unknown service', scoped('us-east-1', 'kinesis'), /the service "kinesis", which tapegate has no contracts for/],
    ['a region no partition of the AWS SDK lists', scoped('xx-moon-1', 'apigateway'), /the region "xx-moon-1" is not one the AWS SDK's partition data lists/],
  ])('without --upstream, %s is a 400 and nothing is forwarded', async (_, authorization, reason) => {
    let asked = 0;
    const { proxy } = await proxyWith({ credentials: async () => (asked++, Promise.reject(new Error('tripwire: the proxy tried to forward'))) });
    const answer = await rawExchange(proxy.port, `GET /restapis HTTP/1.1\r\nHost: apigateway.us-east-1.amazonaws.com\r\n${authorization}Connection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer.toLowerCase()).toContain('x-amzn-errortype: tapegatebadrequest');
    expect((JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { message: string }).message).toMatch(reason);
    expect(asked).toBe(0);
    expect(await proxy.close()).toMatchObject({ forwarded: 0, rejected: 1 });
  });
});

describe('credentials', () => {
  it('a provider failure is a 500 TapegateCredentialsError that shows no secret', async () => {
    const leaked = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
    const fake = await startFakeApiGateway();
    cleanups.add(() => fake.close());
    const { proxy, lines } = await proxyWith({ upstream: fake.url, credentials: async () => Promise.reject(new Error(`SSO session expired for ${leaked}`)) });
    const sdk = sdkClients(proxy.url, randomCredentials());
    cleanups.add(() => sdk.destroy());
    const error = await failure(sdk.v1.send(new v1.GetResourcesCommand({ restApiId: 'abcdefghij' })));
    expect(error).toMatchObject({ name: 'TapegateCredentialsError', status: 500 });
    expect(error.message).toBe('Failed to sign "GET /restapis/abcdefghij/resources": Failed to get AWS credentials from the credentials option: SSO session expired for <hidden>');
    expect(lines.join('\n')).not.toContain(leaked);
    expect(fake.requests).toBe(0);
  });

  it('--region signs for that region instead of the one the SDK used', async () => {
    const credentials = randomCredentials();
    const fake = await startFakeApiGateway({ credentials, region: 'eu-west-1' });
    cleanups.add(() => fake.close());
    const { proxy } = await proxyWith({ upstream: fake.url, credentials, region: 'eu-west-1' });
    const sdk = sdkClients(proxy.url, randomCredentials(), 'us-east-1');
    cleanups.add(() => sdk.destroy());
    await sdk.v2.send(new v2.CreateApiCommand({ Name: 'elsewhere', ProtocolType: 'HTTP' }));
    expect(fake.signatures).toEqual({ verified: 1, rejected: 0 });
  });
});

describe('what reaches the cassette', () => {
  it('an exchange holding a key-shaped value is answered but not written, the field named and the key not', async () => {
    const credentials = randomCredentials();
    const fake = await startFakeApiGateway({ credentials });
    cleanups.add(() => fake.close());
    const { proxy, file, lines } = await proxyWith({ upstream: fake.url, credentials });
    const sdk = sdkClients(proxy.url, randomCredentials());
    cleanups.add(() => sdk.destroy());
    const key = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;

    const answered = await sdk.v1.send(new v1.CreateRestApiCommand({ name: 'leaky', description: `deployed with ${key}` }));
    expect(answered.description).toBe(`deployed with ${key}`);
    await sdk.v1.send(new v1.CreateRestApiCommand({ name: 'clean' }));
    expect(await proxy.close()).toMatchObject({ forwarded: 2, recorded: 1, refused: 1 });

    const refusal = lines.find((line) => line.startsWith('tapegate: Failed to record'));
    expect(refusal).toContain('/request/body/description');
    expect(lines.join('\n')).not.toContain(key);
    const { exchanges } = await readCassette(file);
    expect(exchanges.map((e) => [e.seq, (e.request.body as { value: { name: string } }).value.name])).toEqual([[0, 'clean']]);
    expect((await readFile(file)).toString('latin1')).not.toContain(key);
  });

  it('redactAccountIds replaces account ids in requests and responses with one placeholder', async () => {
    const credentials = randomCredentials();
    const fake = await startFakeApiGateway({ credentials });
    cleanups.add(() => fake.close());
    const { proxy, file } = await proxyWith({ upstream: fake.url, credentials, redactAccountIds: true });
    const sdk = sdkClients(proxy.url, randomCredentials());
    cleanups.add(() => sdk.destroy());
    const account = String(100_000_000_000 + randomBytes(4).readUInt32BE());
    const api = await sdk.v2.send(new v2.CreateApiCommand({ Name: 'arns', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }));
    const made = await sdk.v2.send(new v2.CreateIntegrationCommand({ ApiId: api.ApiId!, IntegrationType: 'MOCK', CredentialsArn: `arn:aws:iam::${account}:role/apigw` }));
    expect(made.CredentialsArn).toBe(`arn:aws:iam::${account}:role/apigw`);
    await proxy.close();
    const bytes = (await readFile(file)).toString('latin1');
    expect(bytes).not.toContain(account);
    const integration = (await readCassette(file)).exchanges[1];
    expect(integration?.request.body).toMatchObject({ value: { credentialsArn: 'arn:aws:iam::000000000001:role/apigw' } });
    expect(integration?.response.body).toMatchObject({ value: { credentialsArn: 'arn:aws:iam::000000000001:role/apigw' } });
  });
});
