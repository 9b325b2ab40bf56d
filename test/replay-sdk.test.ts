/**
 * The replay proxy driven by the real AWS SDK v3 clients: every answer the SDK parses must
 * be what the cassette holds (members, status, request id), errors must surface as the
 * recorded exception, and a miss as a TapegateNoMatch whose message says what differed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GetIntegrationResponseCommand, UpdateIntegrationResponseCommand } from '@aws-sdk/client-api-gateway';
import { CreateIntegrationResponseCommand, UpdateIntegrationCommand, UpdateIntegrationResponseCommand as UpdateIntegrationResponseV2Command } from '@aws-sdk/client-apigatewayv2';
import type { Exchange } from '../core/exchange.js';
import { startProxy, type TapegateProxy as ReplayProxy } from '../proxy/start.js';
import {
  exchange,
  json,
  request,
  sdkClients,
  sdkShapeV2,
  seedExchanges,
  thrown,
  V1_IR_PATH,
  v1IntegrationResponse,
  v2CreatedResponse,
  v2IntegrationResponseUpdated,
  v2IntegrationUpdated,
  writeTempCassette,
  type TempCassette,
} from './replay-fixtures.js';

const v1Key = { restApiId: 'a1b2c3d4e5', resourceId: 'r3s0urc3', httpMethod: 'GET', statusCode: '200' };
const v2Ids = { ApiId: 'api12345', IntegrationId: 'int6789' };

let cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function serve(exchanges: Exchange[], options: { repeat?: 'last' | 'error' } = {}) {
  const cassette: TempCassette = await writeTempCassette(exchanges);
  cleanups.push(cassette.remove);
  const misses: string[] = [];
  const proxy: ReplayProxy = await startProxy({ mode: 'replay', cassette: cassette.file, log: (line) => misses.push(line), ...options });
  cleanups.push(() => proxy.close().then(() => undefined));
  const clients = sdkClients(proxy.url);
  cleanups.push(clients.destroy);
  return { proxy, clients, misses };
}

describe('replay to the SDK: the five seed operations', () => {
  it('answers each with the recorded members, status and request id, and reports usage', async () => {
    const { proxy, clients } = await serve(seedExchanges());

    const got = await clients.v1.send(new GetIntegrationResponseCommand(v1Key));
    expect(got).toMatchObject(v1IntegrationResponse);
    expect(got.$metadata.httpStatusCode).toBe(200);
    expect(got.$metadata.requestId).toBe('req-0-0000-1111-2222');

    const updated = await clients.v1.send(
      new UpdateIntegrationResponseCommand({
        ...v1Key,
        patchOperations: [{ op: 'replace', path: '/responseTemplates/application~1json', value: '{"ok": false}' }],
      }),
    );
    expect(updated.responseTemplates).toEqual({ 'application/json': '{"ok": false}' });

    const created = await clients.v2.send(
      new CreateIntegrationResponseCommand({
        ...v2Ids,
        IntegrationResponseKey: '/200/',
        TemplateSelectionExpression: '$default',
      }),
    );
    expect(created).toMatchObject(sdkShapeV2(v2CreatedResponse));
    expect(created.$metadata.httpStatusCode).toBe(201);

    const irUpdated = await clients.v2.send(
      new UpdateIntegrationResponseV2Command({
        ...v2Ids,
        IntegrationResponseId: 'ir0001',
        ContentHandlingStrategy: 'CONVERT_TO_TEXT',
      }),
    );
    expect(irUpdated).toMatchObject(sdkShapeV2(v2IntegrationResponseUpdated));

    const integration = await clients.v2.send(new UpdateIntegrationCommand({ ...v2Ids, TimeoutInMillis: 29000 }));
    expect(integration).toMatchObject(sdkShapeV2(v2IntegrationUpdated));

    const stats = await proxy.close();
    expect(stats.served).toBe(5);
    expect(stats.missed).toBe(0);
    expect(stats.unused.map((u) => u.seq)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(stats.unused[5]).toEqual({ seq: 10, operation: 'apigatewayv2.UpdateIntegration' });
    // The hand-built exchanges fit their contracts: no error findings.
    expect(stats.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('raises the recorded errors as the SDK exceptions, 429s told apart by X-Amzn-ErrorType', async () => {
    const { clients } = await serve(seedExchanges());

    const notFound = await thrown(() => clients.v1.send(new GetIntegrationResponseCommand({ ...v1Key, statusCode: '504' })));
    expect([notFound.name, notFound.$metadata?.httpStatusCode, notFound.message]).toEqual(['NotFoundException', 404, 'Invalid Response status code specified']);

    const badRequest = await thrown(() => clients.v2.send(new UpdateIntegrationCommand({ ...v2Ids, TimeoutInMillis: 10 })));
    expect([badRequest.name, badRequest.$metadata?.httpStatusCode, badRequest.message]).toEqual(['BadRequestException', 400, 'Timeout must be between 50 ms and 30000 ms']);

    const limit = await thrown(() =>
      clients.v1.send(
        new UpdateIntegrationResponseCommand({
          ...v1Key,
          patchOperations: [{ op: 'add', path: '/responseParameters/x', value: "'1'" }],
        }),
      ),
    );
    expect([limit.name, limit.$metadata?.httpStatusCode, limit.message]).toEqual(['LimitExceededException', 429, 'Limit exceeded for response parameters']);

    const tooMany = await thrown(() =>
      clients.v1.send(
        new UpdateIntegrationResponseCommand({
          ...v1Key,
          patchOperations: [{ op: 'remove', path: '/responseTemplates/application~1json' }],
        }),
      ),
    );
    expect([tooMany.name, tooMany.$metadata?.httpStatusCode, tooMany.message]).toEqual(['TooManyRequestsException', 429, 'Too Many Requests']);

    const conflict = await thrown(() => clients.v2.send(new CreateIntegrationResponseCommand({ ...v2Ids, IntegrationResponseKey: '/409/' })));
    expect([conflict.name, conflict.$metadata?.httpStatusCode]).toEqual(['ConflictException', 409]);
    expect(conflict.message).toContain('concurrent modification');
  });
});

/** Three recordings of the same GET, each answering a different selectionPattern. */
function repeatedGets(): Exchange[] {
  return ['first', 'second', 'third'].map((pattern, seq) =>
    exchange(seq, 'apigateway.GetIntegrationResponse', request('GET', V1_IR_PATH), 200, json({ ...v1IntegrationResponse, selectionPattern: pattern })),
  );
}

describe('replay to the SDK: ordered playback and misses', () => {
  it('serves repeated requests in recorded order, then the last again (repeat: last)', async () => {
    const { clients, proxy } = await serve(repeatedGets());
    const patterns: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) patterns.push((await clients.v1.send(new GetIntegrationResponseCommand(v1Key))).selectionPattern);
    expect(patterns).toEqual(['first', 'second', 'third', 'third', 'third']);
    expect(proxy.stats()).toMatchObject({ served: 5, missed: 0, unused: [] });
  });

  it('answers TapegateNoMatch once the recordings are used up (repeat: error)', async () => {
    const { clients, proxy, misses } = await serve(repeatedGets(), { repeat: 'error' });
    for (const expected of ['first', 'second', 'third']) {
      expect((await clients.v1.send(new GetIntegrationResponseCommand(v1Key))).selectionPattern).toBe(expected);
    }
    const error = await thrown(() => clients.v1.send(new GetIntegrationResponseCommand(v1Key)));
    expect(error.name).toBe('TapegateNoMatch');
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.message).toContain('the 3 recorded exchanges for this request were all used');
    expect(error.message).toContain(`apigateway.GetIntegrationResponse GET ${V1_IR_PATH}`);
    expect(misses).toHaveLength(1);
    expect(proxy.stats()).toMatchObject({ served: 3, missed: 1 });
  });

  it('explains a miss to the SDK: operation, closest exchange, the differing JSON Pointer and both values', async () => {
    const { clients, proxy, misses } = await serve(seedExchanges());
    const error = await thrown(() => clients.v2.send(new UpdateIntegrationCommand({ ...v2Ids, TimeoutInMillis: 15000 })));
    expect(error.name).toBe('TapegateNoMatch');
    expect(error.$fault).toBe('client');
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.message).toContain('apigatewayv2.UpdateIntegration PATCH /v2/apis/api12345/integrations/int6789');
    expect(error.message).toMatch(/Closest: #\d+ \(same operation\)/);
    expect(error.message).toContain('/body/timeoutInMillis: recorded 29000, received 15000');
    expect(misses).toEqual([expect.stringMatching(/^tapegate: miss: .*Differences at \/body\/timeoutInMillis\.$/)]);
    expect(misses.join('\n')).not.toContain('15000');
    expect(proxy.stats().missed).toBe(1);
    // The proxy keeps serving after a miss.
    const integration = await clients.v2.send(new UpdateIntegrationCommand({ ...v2Ids, TimeoutInMillis: 29000 }));
    expect(integration.TimeoutInMillis).toBe(29000);
  });
});
