import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TapegateError } from '../../core/errors.js';
import { bodyFromWire } from './body.js';
import type { Exchange } from '../../core/exchange.js';
import { cassetteFromJson, cassetteToJson } from './json.js';
import { sampleExchange, sampleHeader } from '../../test/support/samples/cassette-samples.js';
import { readCassette, writeCassette } from './store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapegate-json-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function withBinaryBodies(): Exchange[] {
  const binary = sampleExchange(0);
  binary.response.body = bodyFromWire(Buffer.from([0, 1, 2, 255]), {});
  const gzipped = sampleExchange(1);
  gzipped.request.body = bodyFromWire(gzipSync(Buffer.from([9, 8, 7])), { 'content-encoding': 'gzip' });
  gzipped.response.body = bodyFromWire(Buffer.from('{ "spaced": true }'), {});
  return [binary, gzipped, sampleExchange(2), sampleExchange(4)];
}

function importError(json: unknown): string {
  try {
    cassetteFromJson(json, 'fixture.json');
  } catch (error) {
    expect(error).toBeInstanceOf(TapegateError);
    expect((error as TapegateError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('expected the import to fail');
}

const REMOVED = Symbol('removed');

/** Puts `value` at `pointer` (plain keys only, no ~ escapes) in parsed JSON, or deletes the field for REMOVED. */
function spoil(json: unknown, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1);
  const last = keys.pop();
  let parent = json;
  for (const key of keys) parent = (parent as Record<string, unknown>)[key];
  if (last === undefined || typeof parent !== 'object' || parent === null) throw new Error(`no field at ${pointer}`);
  const fields = parent as Record<string, unknown>;
  if (value === REMOVED) delete fields[last];
  else fields[last] = value;
}

describe('cassetteToJson / cassetteFromJson', () => {
  it('exports bytes as base64 and round-trips through JSON text and a cassette file', async () => {
    const cassette = { header: sampleHeader(), exchanges: withBinaryBodies() };
    const json = cassetteToJson(cassette);
    expect(json.exchanges[0]?.response.body).toEqual({ kind: 'bytes', base64: 'AAEC/w==' });
    expect(json.exchanges[1]?.request.body).toEqual({ kind: 'bytes', base64: 'CQgH', encoding: 'gzip' });
    expect(json.exchanges[1]?.response.body).toEqual({ kind: 'json', value: { spaced: true }, raw: '{ "spaced": true }' });

    const imported = cassetteFromJson(JSON.parse(JSON.stringify(json)), 'export.json');
    const file = join(dir, 'imported.cassette');
    await writeCassette(file, imported.header, imported.exchanges);
    const loaded = await readCassette(file);
    expect(cassetteToJson(loaded)).toEqual(json);
    const bytes = loaded.exchanges[0]?.response.body;
    expect(bytes?.kind === 'bytes' && Buffer.from(bytes.bytes).equals(Buffer.from([0, 1, 2, 255]))).toBe(true);
  });

  it('names the JSON Pointer of the first bad field', () => {
    const good = (): unknown => JSON.parse(JSON.stringify(cassetteToJson({ header: sampleHeader(), exchanges: withBinaryBodies() })));
    // [where, the value put there (REMOVED: the field deleted), the reason given]
    const cases: [string, unknown, string][] = [
      ['/exchanges/2/response/status', '200', '/exchanges/2/response/status must be an integer from 200 to 599'],
      ['/exchanges/0/response/body/base64', 'not base64!', '/exchanges/0/response/body/base64 must be base64 text'],
      ['/exchanges/0/response/body', { kind: 'bytes', bytes: [1, 2] }, '/exchanges/0/response/body/bytes is not a known field'],
      ['/exchanges/1/request/body/encoding', 'zstd', '/exchanges/1/request/body/encoding must be one of "gzip", "deflate", "br"'],
      ['/exchanges/3/request/query', { 'a/b': 'x' }, '/exchanges/3/request/query/a~1b must be an array of strings'],
      ['/exchanges/3/request/headers/x-n', 5, '/exchanges/3/request/headers/x-n must be a string'],
      ['/exchanges/3/respones', {}, '/exchanges/3/respones is not a known field'],
      ['/exchanges/3/response/body/value', REMOVED, '/exchanges/3/response/body/value is required for a json body'],
      ['/exchanges/3/timing/durationMs', -1, '/exchanges/3/timing/durationMs must be a number >= 0'],
      ['/exchanges/3/seq', 1.5, '/exchanges/3/seq must be an integer >= 0'],
      ['/header/services/1/contractSha256', 'ABC', '/header/services/1/contractSha256 must be 64 lower-case hex digits'],
      ['/header/toolVersion', REMOVED, '/header/toolVersion must be a string'],
      ['/exchanges', {}, '/exchanges must be an array'],
      ['/extra', 1, '/extra is not a known field'],
    ];
    for (const [where, value, reason] of cases) {
      const json = good();
      spoil(json, where, value);
      expect(importError(json)).toBe(`Failed to import cassette "fixture.json": ${reason}`);
    }
    expect(importError([])).toBe('Failed to import cassette "fixture.json": the value must be an object');
  });

  it('refuses a newer format version by name', () => {
    const json = cassetteToJson({ header: sampleHeader(), exchanges: [] });
    expect(importError({ ...json, header: { ...json.header, formatVersion: 6, somethingNew: true } })).toBe(
      'Failed to import cassette "fixture.json": format version 6 is newer than this tapegate understands (5); upgrade tapegate',
    );
  });
});
