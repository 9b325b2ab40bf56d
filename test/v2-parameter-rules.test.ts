/**
 * The v2 parameter-key rules of the overlays (issue 11, item 8) on real traffic: the AWS SDK for
 * JavaScript v3 talks through the recording proxy to the fake API Gateway (which stores and
 * answers whatever keys it is given, as an emulator would), so every rule is checked on the
 * request and on each answer that carries the member (Create, Update, Get, the Get list).
 * Valid calls give no finding; each invalid one gives its finding at the JSON Pointer of the
 * bad key or value, on the request and on the answers. Which form applies on which API comes
 * from what the session recorded: CreateApi/GetApi's protocol type, the integration's subtype.
 */
import { join } from 'node:path';
import * as v2 from '@aws-sdk/client-apigatewayv2';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../core/findings.js';
import { bundledContracts } from '../contracts/load.js';
import { startProxy, type TapegateProxy } from '../proxy/start.js';
import { verifyCassettes } from '../verify/run.js';
import type { FakeCredentials } from './support/fake-apigateway/sigv4-verify.js';
import { sdkClients, startFakeApiGateway, type FakeApiGateway } from './support/fake-apigateway/index.js';
import { Cleanups, randomCredentials, tempDir } from './record-fixtures.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

/** `#seq side pointer`, every one a `pattern-mismatch` error. */
type Expected = string;

const both = (seq: number, ...pointers: string[]): Expected[] => pointers.flatMap((p) => [`#${seq} request ${p}`, `#${seq} response ${p}`]);
const answer = (seq: number, ...pointers: string[]): Expected[] => pointers.map((p) => `#${seq} response ${p}`);

/** The findings that are not plain information, as `#seq side pointer` (and every one must be a pattern-mismatch error). */
function keysOf(findings: readonly (Finding & { seq: number })[]): string[] {
  const serious = findings.filter((f) => f.severity !== 'info');
  for (const finding of serious) expect(finding, `${finding.path}: ${finding.message}`).toMatchObject({ code: 'pattern-mismatch', severity: 'error' });
  return serious.map((f) => `#${f.seq} ${f.side} ${f.path}`).sort();
}

/** The fake, answering only `upstream`'s signatures (the proxy re-signs with them). */
async function fakeApiGateway(): Promise<{ fake: FakeApiGateway; upstream: FakeCredentials }> {
  const upstream = randomCredentials(true);
  const fake = await startFakeApiGateway({ credentials: upstream });
  cleanups.add(() => fake.close());
  return { fake, upstream };
}

async function recordingSession(fake: FakeApiGateway, upstream: FakeCredentials, file: string): Promise<{ proxy: TapegateProxy; client: v2.ApiGatewayV2Client }> {
  const credentials = randomCredentials();
  const proxy = await startProxy({ mode: 'record', cassette: file, upstream: fake.url, credentials: upstream, log: false });
  cleanups.add(() => proxy.close());
  const clients = sdkClients(proxy.url, credentials);
  cleanups.add(() => clients.destroy());
  return { proxy, client: clients.v2 };
}

describe('v2 requestParameters / responseParameters keys, SDK v3 through the recording proxy', () => {
  it('reports each bad key or value at its pointer, on the request and every answer that carries it, and nothing else', async () => {
    const { fake, upstream } = await fakeApiGateway();
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const file = join(dir, 'rules.cassette');
    const { proxy, client } = await recordingSession(fake, upstream, file);
    const expected: Expected[] = [];
    let seq = -1;
    /** One SDK call, one exchange: `findings` are what it must give, from its position in the cassette. */
    const send = async <T>(call: (c: v2.ApiGatewayV2Client) => Promise<T>, ...findings: ((at: number) => Expected[])[]): Promise<T> => {
      seq += 1;
      const at = seq;
      for (const f of findings) expected.push(...f(at));
      return call(client);
    };

    const http = await send((c) => c.send(new v2.CreateApiCommand({ Name: 'rules-http', ProtocolType: 'HTTP' })));
    const ws = await send((c) => c.send(new v2.CreateApiCommand({ Name: 'rules-ws', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' })));
    const onHttp = {
      ApiId: http.ApiId!,
      IntegrationType: 'HTTP_PROXY' as const,
      IntegrationMethod: 'GET',
      IntegrationUri: 'https://example.com/pets',
      PayloadFormatVersion: '1.0',
    };

    // HTTP API, no subtype: <action>:header|querystring.<name>, overwrite:path; selection keys 200-599 with <action>:header.<name> or overwrite:statuscode.
    const good = await send((c) =>
      c.send(
        new v2.CreateIntegrationCommand({
          ...onHttp,
          RequestParameters: { 'append:header.x-request-id': '$context.requestId', 'overwrite:path': '/pets/$request.path.id', 'remove:querystring.debug': "'x'" },
          ResponseParameters: { '200': { 'overwrite:statuscode': '204', 'append:header.x-env': 'prod' }, '599': { 'remove:header.x-internal': "'x'" } },
        }),
      ),
    );
    // The WebSocket form on an HTTP API, a selection key outside 200-599, and the seed prose's `overwrite.statuscode`.
    await send(
      (c) =>
        c.send(
          new v2.CreateIntegrationCommand({
            ...onHttp,
            RequestParameters: { 'integration.request.header.x-id': '$context.requestId' },
            ResponseParameters: { '600': { 'overwrite:statuscode': '500' }, '200': { 'overwrite.statuscode': '403' } },
          }),
        ),
      (at) => both(at, '/body/requestParameters/integration.request.header.x-id', '/body/responseParameters/600', '/body/responseParameters/200/overwrite.statuscode'),
    );
    // With a subtype, the action's parameter names; an update that does not send the subtype keeps the recorded one.
    const sqs = await send((c) =>
      c.send(
        new v2.CreateIntegrationCommand({
          ApiId: http.ApiId!,
          IntegrationType: 'AWS_PROXY',
          IntegrationSubtype: 'SQS-SendMessage',
          CredentialsArn: 'arn:aws:iam::123456789012:role/apigw-sqs',
          PayloadFormatVersion: '1.0',
          RequestParameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders', MessageBody: '$request.body.message' },
        }),
      ),
    );
    const queue = { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders', MessageBody: '$request.body' };
    await send((c) =>
      c.send(
        new v2.UpdateIntegrationCommand({ ApiId: http.ApiId!, IntegrationId: sqs.IntegrationId!, RequestParameters: { ...queue, MessageGroupId: '$request.header.x-group' } }),
      ),
    );
    await send(
      (c) => c.send(new v2.UpdateIntegrationCommand({ ApiId: http.ApiId!, IntegrationId: sqs.IntegrationId!, RequestParameters: { ...queue, 'overwrite:header.x-group': 'g' } })),
      (at) => both(at, '/body/requestParameters/overwrite:header.x-group'),
    );
    await send((c) => c.send(new v2.GetIntegrationCommand({ ApiId: http.ApiId!, IntegrationId: good.IntegrationId! })));
    await send(
      (c) => c.send(new v2.GetIntegrationCommand({ ApiId: http.ApiId!, IntegrationId: sqs.IntegrationId! })),
      (at) => answer(at, '/body/requestParameters/overwrite:header.x-group'),
    );
    await send(
      (c) => c.send(new v2.GetIntegrationsCommand({ ApiId: http.ApiId! })),
      (at) =>
        answer(
          at,
          '/body/items/1/requestParameters/integration.request.header.x-id',
          '/body/items/1/responseParameters/600',
          '/body/items/1/responseParameters/200/overwrite.statuscode',
          '/body/items/2/requestParameters/overwrite:header.x-group',
        ),
    );

    // WebSocket API: integration.request.{header|querystring|path}.{name}.
    const mock = await send((c) =>
      c.send(
        new v2.CreateIntegrationCommand({
          ApiId: ws.ApiId!,
          IntegrationType: 'MOCK',
          RequestParameters: { 'integration.request.header.connectionId': 'context.connectionId', 'integration.request.querystring.stage': 'stageVariables.stage' },
        }),
      ),
    );
    const onMock = { ApiId: ws.ApiId!, IntegrationId: mock.IntegrationId! };
    await send(
      (c) => c.send(new v2.UpdateIntegrationCommand({ ...onMock, RequestParameters: { 'append:header.connectionId': 'context.connectionId' } })),
      (at) => both(at, '/body/requestParameters/append:header.connectionId'),
    );

    // Integration responses (WebSocket): keys method.response.header.{name}; values 'static', integration.response.header.{name}, integration.response.body.{JSON-expression}.
    const fine = await send((c) =>
      c.send(
        new v2.CreateIntegrationResponseCommand({
          ...onMock,
          IntegrationResponseKey: '$default',
          ResponseParameters: {
            'method.response.header.x-request-id': 'integration.response.header.x-amzn-requestid',
            'method.response.header.x-static': "'static'",
            'method.response.header.x-order': 'integration.response.body.order.id',
          },
        }),
      ),
    );
    const bad = await send(
      (c) =>
        c.send(
          new v2.CreateIntegrationResponseCommand({
            ...onMock,
            IntegrationResponseKey: '/5\\d\\d/',
            ResponseParameters: { 'x-request-id': "'abc'", 'method.response.header.x-a': 'static', 'method/response~header': "'s'" },
          }),
        ),
      (at) => both(at, '/body/responseParameters/x-request-id', '/body/responseParameters/method.response.header.x-a', '/body/responseParameters/method~1response~0header'),
    );
    await send(
      (c) =>
        c.send(
          new v2.UpdateIntegrationResponseCommand({
            ...onMock,
            IntegrationResponseId: fine.IntegrationResponseId!,
            ResponseParameters: { 'method.response.header.x-b': 'integration.request.header.b' },
          }),
        ),
      (at) => both(at, '/body/responseParameters/method.response.header.x-b'),
    );
    await send(
      (c) => c.send(new v2.GetIntegrationResponseCommand({ ...onMock, IntegrationResponseId: bad.IntegrationResponseId! })),
      (at) => answer(at, '/body/responseParameters/x-request-id', '/body/responseParameters/method.response.header.x-a', '/body/responseParameters/method~1response~0header'),
    );
    await send(
      (c) => c.send(new v2.GetIntegrationResponsesCommand(onMock)),
      (at) =>
        answer(
          at,
          '/body/items/0/responseParameters/method.response.header.x-b',
          '/body/items/1/responseParameters/x-request-id',
          '/body/items/1/responseParameters/method.response.header.x-a',
          '/body/items/1/responseParameters/method~1response~0header',
        ),
    );

    const stats = await proxy.close();
    expect(stats.recorded).toBe(seq + 1);
    expect(keysOf(stats.findings)).toEqual(expected.sort());
    const messages = new Map(stats.findings.map((f) => [`#${f.seq} ${f.side} ${f.path}`, f.message]));
    expect(messages.get('#3 request /body/responseParameters/200/overwrite.statuscode')).toBe(
      'key "overwrite.statuscode" is not a form AWS accepts here; expected append|overwrite|remove:header.{name} or overwrite:statuscode',
    );
    expect(messages.get('#3 request /body/requestParameters/integration.request.header.x-id')).toContain('overwrite:path (an HTTP API integration without integrationSubtype)');
    expect(messages.get('#6 request /body/requestParameters/overwrite:header.x-group')).toContain('a parameter of the SQS-SendMessage integration subtype: QueueUrl, MessageBody');
    expect(messages.get('#11 request /body/requestParameters/append:header.connectionId')).toContain(
      'integration.request.{header|querystring|path}.{name} (a WebSocket API integration)',
    );

    // verify reads the cassette the session wrote: the same findings.
    const report = await verifyCassettes([file], { contracts: bundledContracts(), contractsLabel: 'bundled' });
    const verified = report.cassettes[0]!.exchanges.flatMap((exchange) => exchange.findings.map((finding) => ({ ...finding, seq: exchange.seq })));
    expect(keysOf(verified)).toEqual(expected.sort());
  });

  it('a session that has not seen the API accepts either protocol form; once GetApi says HTTP, the WebSocket form is reported', async () => {
    const { fake, upstream } = await fakeApiGateway();
    const { dir, remove } = await tempDir();
    cleanups.add(remove);

    // Made without the proxy: no recording knows this API.
    const direct = sdkClients(fake.url, upstream);
    cleanups.add(() => direct.destroy());
    const http = await direct.v2.send(new v2.CreateApiCommand({ Name: 'unseen', ProtocolType: 'HTTP' }));
    const integration = await direct.v2.send(
      new v2.CreateIntegrationCommand({
        ApiId: http.ApiId!,
        IntegrationType: 'HTTP_PROXY',
        IntegrationMethod: 'GET',
        IntegrationUri: 'https://example.com',
        PayloadFormatVersion: '1.0',
      }),
    );

    const file = join(dir, 'unseen.cassette');
    const { proxy, client } = await recordingSession(fake, upstream, file);
    const update = new v2.UpdateIntegrationCommand({
      ApiId: http.ApiId!,
      IntegrationId: integration.IntegrationId!,
      RequestParameters: { 'integration.request.header.x-id': 'context.requestId' },
    });
    await client.send(update); // #0: protocol unknown, both forms accepted
    await client.send(new v2.GetApiCommand({ ApiId: http.ApiId! })); // #1: HTTP
    await client.send(update); // #2: now the HTTP form is required
    const stats = await proxy.close();
    const pointer = '/body/requestParameters/integration.request.header.x-id';
    expect(keysOf(stats.findings)).toEqual([`#2 request ${pointer}`, `#2 response ${pointer}`]);

    // verify learns from the whole cassette first: the GetApi recorded later decides for #0 too.
    const report = await verifyCassettes([file], { contracts: bundledContracts(), contractsLabel: 'bundled' });
    const verified = report.cassettes[0]!.exchanges.flatMap((exchange) => exchange.findings.map((finding) => ({ ...finding, seq: exchange.seq })));
    expect(keysOf(verified)).toEqual([`#0 request ${pointer}`, `#0 response ${pointer}`, `#2 request ${pointer}`, `#2 response ${pointer}`]);
  });
});
