/**
 * Format version 3: an exchange may carry the SigV4 service of its request (`service`). It
 * survives the binary store and the JSON form, is optional, and is checked like every field.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleExchange, sampleHeader } from '../../test/support/samples/cassette-samples.js';
import { cassetteFromJson, cassetteToJson } from './json.js';
import { readCassette, writeCassette } from './store.js';
import { CASSETTE_FORMAT_VERSION } from './format.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapegate-service-field-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the exchange service field', () => {
  it('round-trips through the store and the JSON form, beside exchanges without it', async () => {
    const exchanges = [{ ...sampleExchange(0), operation: null, service: 'cognito-idp' }, sampleExchange(1)];
    const file = join(dir, 'svc.cassette');
    await writeCassette(file, sampleHeader(), exchanges);
    const read = await readCassette(file);
    expect(read.header.formatVersion).toBe(CASSETTE_FORMAT_VERSION);
    expect(read.exchanges.map((e) => e.service)).toEqual(['cognito-idp', undefined]);
    expect(cassetteFromJson(JSON.parse(JSON.stringify(cassetteToJson(read))), 'x.json').exchanges[0]!.service).toBe('cognito-idp');
  });

  it('keeps the unsigned mark of an emulator call, and refuses any other value for it', async () => {
    const file = join(dir, 'unsigned.cassette');
    await writeCassette(file, sampleHeader(), [{ ...sampleExchange(0), operation: null, unsigned: true }, sampleExchange(1)]);
    const read = await readCassette(file);
    expect(read.exchanges.map((e) => e.unsigned)).toEqual([true, undefined]);
    expect(cassetteFromJson(JSON.parse(JSON.stringify(cassetteToJson(read))), 'x.json').exchanges[0]!.unsigned).toBe(true);
    const json = cassetteToJson({ header: sampleHeader(), exchanges: [{ ...sampleExchange(0), unsigned: false as unknown as true }] });
    expect(() => cassetteFromJson(json, 'x.json')).toThrow(/\/unsigned must be true when present/);
  });

  it('is refused when it is not a service name', () => {
    const json = cassetteToJson({ header: sampleHeader(), exchanges: [{ ...sampleExchange(0), service: 'Not A Service' }] });
    expect(() => cassetteFromJson(json, 'x.json')).toThrow(/\/service must be a SigV4 service name/);
  });
});
