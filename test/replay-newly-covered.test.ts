/**
 * A cassette recorded before Lambda was bundled holds its Lambda calls without an operation
 * (the SigV4 service kept beside each). Lambda requests now route to Lambda operations, and
 * the cassette must still replay them: the proxy routes such exchanges again when it opens it.
 */
import { GetFunctionCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../core/exchange.js';
import { startProxy } from '../proxy/start.js';
import { exchange, json, request, writeTempCassette } from './replay-fixtures.js';
import { FAKE_CREDENTIALS } from './support/sdk-clients.js';

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** As the recorder wrote an uncovered service's exchange: no operation, the scope's service kept. */
function unrouted(seq: number, path: string, body: unknown): Exchange {
  return { ...exchange(seq, null, request('GET', path), 200, json(body)), service: 'lambda' };
}

describe('replaying a cassette recorded before its service had contracts', () => {
  it("serves the SDK's Lambda calls from exchanges recorded without an operation", async () => {
    const cassette = await writeTempCassette([
      unrouted(0, '/2015-03-31/functions', { Functions: [{ FunctionName: 'orders-api' }] }),
      unrouted(1, '/2015-03-31/functions/orders-api', { Configuration: { FunctionName: 'orders-api', Runtime: 'nodejs20.x' } }),
    ]);
    cleanups.push(cassette.remove);
    const log: string[] = [];
    const proxy = await startProxy({ mode: 'replay', cassette: cassette.file, log: (line) => log.push(line) });
    cleanups.push(() => proxy.close().then(() => undefined));
    const client = new LambdaClient({ endpoint: proxy.url, region: 'us-east-1', credentials: { ...FAKE_CREDENTIALS }, maxAttempts: 1 });
    cleanups.push(() => client.destroy());

    expect((await client.send(new ListFunctionsCommand({}))).Functions).toEqual([{ FunctionName: 'orders-api' }]);
    expect((await client.send(new GetFunctionCommand({ FunctionName: 'orders-api' }))).Configuration?.Runtime).toBe('nodejs20.x');
    const stats = await proxy.close();
    expect(stats).toMatchObject({ served: 2, missed: 0 });
    expect(log.filter((line) => line.includes('miss'))).toEqual([]);
  });
});
