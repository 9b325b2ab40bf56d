/**
 * Issue 10, item 1: JSON nested deeper than anything recursive can walk. One ~20 KB body
 * used to throw `RangeError: Maximum call stack size exceeded` out of the request's `end`
 * handler and end the process, in every mode; deeply nested upstream answers were not
 * recorded or became a 500. Each test sends its attack, then a normal request that must be
 * served. Bodies beyond `MAX_JSON_DEPTH` are kept as bytes, exactly as they came.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GetIntegrationResponseCommand } from '@aws-sdk/client-api-gateway';
import { createHeader } from '../../cassettes/format/format.js';
import { cassetteFromJson } from '../../cassettes/format/json.js';
import { readCassette, writeCassette } from '../../cassettes/format/store.js';
import { TapegateError } from '../../core/errors.js';
import { MAX_JSON_DEPTH } from '../../core/json-depth.js';
import type { Body } from '../../core/exchange.js';
import { startProxy, Validator } from '../../index.js';
import { Cleanups, tempDir } from '../record-fixtures.js';
import { sdkClients, seedExchanges, V1_IR_PATH, V2_IR_COLLECTION, writeTempCassette } from '../replay-fixtures.js';
import { exchangeWithBody, nestedMsgpack, writeCassetteWithBodyBytes } from './support/craft.js';
import { nestedJson, send, SIGNED } from './support/http.js';
import { MODES, startMode } from './support/proxies.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

const JSON_HEADERS = { ...SIGNED, 'content-type': 'application/json' };

function bytesOf(body: Body): string {
  expect(body.kind).toBe('bytes');
  return Buffer.from((body as { bytes: Uint8Array }).bytes).toString('utf8');
}

describe('a request body nested 10,000 deep', () => {
  it.each(MODES)('%s: is answered, and the proxy serves the next request', async (mode) => {
    const { proxy, upstream, cassette } = await startMode(mode, cleanups);
    const deep = nestedJson(10_000);

    const attacked = await send(proxy.url, { method: 'POST', path: V2_IR_COLLECTION, headers: JSON_HEADERS, body: deep });
    if (mode === 'replay') {
      expect(attacked.status).toBe(400);
      expect(attacked.headers['x-amzn-errortype']).toBe('TapegateNoMatch');
    } else {
      expect(attacked.status).toBe(200);
      expect(upstream?.received[0]?.toString('utf8')).toBe(deep);
    }

    if (mode === 'replay') {
      const sdk = sdkClients(proxy.url);
      cleanups.add(() => sdk.destroy());
      const served = await sdk.v1.send(new GetIntegrationResponseCommand({ restApiId: 'a1b2c3d4e5', resourceId: 'r3s0urc3', httpMethod: 'GET', statusCode: '200' }));
      expect(served.statusCode).toBe('200');
      return;
    }
    const normal = await send(proxy.url, { method: 'POST', path: V2_IR_COLLECTION, headers: JSON_HEADERS, body: '{"integrationResponseKey":"/200/"}' });
    expect(normal.status).toBe(200);
    await proxy.close();
    if (cassette === null) return;
    const { exchanges } = await readCassette(cassette);
    const recorded = exchanges.slice(-2);
    // Beyond the depth limit the body is kept as the bytes that came; within it, parsed.
    expect(bytesOf(recorded[0]!.request.body)).toBe(deep);
    expect(recorded[1]!.request.body).toEqual({ kind: 'json', value: { integrationResponseKey: '/200/' } });
  });

  it('an object nested just within the limit is still parsed; one level more is kept as bytes', async () => {
    const { proxy, cassette } = await startMode('record', cleanups);
    for (const depth of [MAX_JSON_DEPTH, MAX_JSON_DEPTH + 1]) {
      const answered = await send(proxy.url, { method: 'POST', path: V2_IR_COLLECTION, headers: JSON_HEADERS, body: nestedJson(depth, 'object') });
      expect(answered.status).toBe(200);
    }
    await proxy.close();
    const { exchanges } = await readCassette(cassette!);
    expect(exchanges.map((e) => e.request.body.kind)).toEqual(['json', 'bytes']);
  });
});

describe('an upstream answer nested deeply', () => {
  it.each([3_000, 10_000])('depth %i: the client gets the bytes, the cassette holds them, replay serves them', async (depth) => {
    const { proxy, upstream, cassette } = await startMode('record', cleanups);
    const deep = nestedJson(depth, 'object');
    upstream!.answer = { status: 200, body: deep };
    const first = await send(proxy.url, { path: V1_IR_PATH, headers: SIGNED });
    expect(first.status).toBe(200);
    expect(first.body.toString('utf8')).toBe(deep);

    upstream!.answer = { status: 200, body: '{"statusCode":"200"}' };
    const normal = await send(proxy.url, { path: `${V1_IR_PATH}?again=1`, headers: SIGNED });
    expect(normal.status).toBe(200);
    const stats = await proxy.close();
    expect(stats).toMatchObject({ forwarded: 2, recorded: 2 });

    const { exchanges } = await readCassette(cassette!);
    expect(bytesOf(exchanges[0]!.response.body)).toBe(deep);
    const replay = await startProxy({ mode: 'replay', cassette: cassette!, log: false });
    cleanups.add(() => replay.close());
    const replayed = await send(replay.url, { path: V1_IR_PATH, headers: SIGNED });
    expect(replayed.status).toBe(200);
    expect(replayed.body.toString('utf8')).toBe(deep);
    // The contract check says why it did not look inside, naming the limit.
    const findings = (await replay.close()).findings;
    expect(findings.some((f) => f.code === 'invalid-json' && f.message.includes(`deeper than ${MAX_JSON_DEPTH} levels`))).toBe(true);
  });
});

describe('values nested beyond the limit that arrive already parsed', () => {
  it.each([2_000, 100_000])('a cassette holding a body value %i deep is refused at start, and the next proxy starts', async (depth) => {
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const file = join(dir, 'deep.cassette');
    await writeCassetteWithBodyBytes(file, nestedMsgpack(depth));
    const error = await startProxy({ mode: 'replay', cassette: file, log: false }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TapegateError);
    expect((error as TapegateError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(
      depth === 2_000 ? /not an exchange: \/response\/body\/value is nested deeper than 512 levels/ : /undecodable payload: nested too deeply to decode/,
    );
    const normal = await writeTempCassette(seedExchanges());
    cleanups.add(normal.remove);
    const proxy = await startProxy({ mode: 'replay', cassette: normal.file, log: false });
    cleanups.add(() => proxy.close());
    expect((await send(proxy.url, { path: V1_IR_PATH })).status).toBe(200);
  });

  it('the JSON form with such a body is refused on import, by JSON Pointer', () => {
    const json = {
      header: createHeader({ toolVersion: '0.1.0', services: [] }),
      exchanges: [exchangeWithBody(JSON.parse(nestedJson(100_000)) as unknown)],
    };
    expect(() => cassetteFromJson(json, 'deep.json')).toThrow(
      'Failed to import cassette "deep.json": /exchanges/0/response/body/value is nested deeper than 512 levels; store a body that deep as bytes',
    );
  });

  it('writing such an exchange is refused before anything is encoded', async () => {
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const deep = exchangeWithBody(JSON.parse(nestedJson(100_000)) as unknown);
    await expect(writeCassette(join(dir, 'w.cassette'), createHeader({ toolVersion: '0.1.0', services: [] }), [deep])).rejects.toThrow(
      /exchange 0 is invalid: \/response\/body\/value is nested deeper than 512 levels/,
    );
  });

  it('the public Validator reports such a value as a finding instead of overflowing', () => {
    const findings = new Validator().validate(exchangeWithBody(JSON.parse(nestedJson(100_000, 'object')) as unknown), 'apigateway.GetRestApis');
    expect(findings).toContainEqual(expect.objectContaining({ code: 'invalid-json', path: '/body', side: 'response' }));
  });
});
