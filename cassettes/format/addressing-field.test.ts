/**
 * Format version 5: a request may carry `addressing: 'virtual-hosted'` (an S3 request whose
 * bucket came in the Host, kept path-style). It survives the binary store and the JSON form,
 * is optional, and is checked like every field.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../core/exchange.js';
import { sampleExchange, sampleHeader } from '../../test/support/samples/cassette-samples.js';
import { cassetteFromJson, cassetteToJson } from './json.js';
import { readCassette, writeCassette } from './store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapegate-addressing-field-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function hosted(seq: number, path = '/bucket-a/key.txt'): Exchange {
  const exchange = sampleExchange(seq);
  return { ...exchange, operation: 's3.GetObject', service: 's3', request: { ...exchange.request, path, addressing: 'virtual-hosted' } };
}

describe('the request addressing field', () => {
  it('round-trips through the store and the JSON form, beside requests without it', async () => {
    const file = join(dir, 'hosted.cassette');
    await writeCassette(file, sampleHeader(), [hosted(0), sampleExchange(1)]);
    const read = await readCassette(file);
    expect(read.header.formatVersion).toBe(5);
    expect(read.exchanges.map((e) => e.request.addressing)).toEqual(['virtual-hosted', undefined]);
    const imported = cassetteFromJson(JSON.parse(JSON.stringify(cassetteToJson(read))), 'x.json');
    expect(imported.exchanges[0]!.request).toMatchObject({ path: '/bucket-a/key.txt', addressing: 'virtual-hosted' });
  });

  it('is refused with any other value', () => {
    const json = cassetteToJson({ header: sampleHeader(), exchanges: [{ ...hosted(0), request: { ...hosted(0).request, addressing: 'path' as 'virtual-hosted' } }] });
    expect(() => cassetteFromJson(json, 'x.json')).toThrow(/\/exchanges\/0\/request\/addressing must be "virtual-hosted" when present/);
  });

  it('needs a path that starts with the bucket', () => {
    for (const path of ['/', '//key']) {
      const json = cassetteToJson({ header: sampleHeader(), exchanges: [hosted(0, path)] });
      expect(() => cassetteFromJson(json, 'x.json'), path).toThrow(/\/exchanges\/0\/request\/path must start with the bucket/);
    }
  });
});
