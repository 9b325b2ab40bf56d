import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TapegateError } from '../../core/errors.js';
import { bodyFromWire, bodyToWire } from './body.js';
import { encodePreamble, frameRecord } from './codec.js';
import type { Body, Exchange } from '../../core/exchange.js';
import { CASSETTE_MAGIC, createHeader } from './format.js';
import { sampleExchange, sampleHeader } from '../../test/support/samples/cassette-samples.js';
import { readCassette, writeCassette } from './store.js';
import { Packr } from 'msgpackr';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapegate-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function withBodies(seq: number, request: Body, response: Body): Exchange {
  const exchange = sampleExchange(seq);
  return { ...exchange, request: { ...exchange.request, body: request }, response: { ...exchange.response, body: response } };
}

async function failure(promise: Promise<unknown>): Promise<TapegateError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TapegateError);
  return error as TapegateError;
}

describe('writeCassette / readCassette', () => {
  it('round-trips every body kind, byte for byte on the wire', async () => {
    const plain = Buffer.from('{"id":"abc","n":[1,2,3]}');
    const wires: [Buffer, Record<string, string>][] = [
      [Buffer.alloc(0), {}],
      [plain, { 'content-type': 'application/json' }],
      [Buffer.from('{ "id" : "abc" }\n'), { 'content-type': 'application/json' }],
      [Buffer.from([0, 159, 146, 150, 255]), { 'content-type': 'application/octet-stream' }],
      [gzipSync(plain), { 'content-encoding': 'gzip' }],
      [deflateSync(plain), { 'content-encoding': 'deflate' }],
      [brotliCompressSync(plain), { 'content-encoding': 'br' }],
      [gzipSync(Buffer.from([1, 2, 3])), { 'content-encoding': 'gzip' }],
    ];
    const bodies = wires.map(([bytes, headers]) => bodyFromWire(bytes, headers));
    expect(bodies.map((body) => `${body.kind}${'raw' in body ? '+raw' : ''}${'encoding' in body ? `+${body.encoding}` : ''}`)).toEqual([
      'empty',
      'json',
      'json+raw',
      'bytes',
      'json+gzip',
      'json+deflate',
      'json+br',
      'bytes+gzip',
    ]);
    const exchanges = bodies.map((body, seq) => withBodies(seq, body, bodies[bodies.length - 1 - seq]!));
    const file = join(dir, 'bodies.cassette');
    await writeCassette(file, sampleHeader(), exchanges);

    const loaded = await readCassette(file);
    expect(loaded.header).toEqual(sampleHeader());
    expect(loaded.recovered).toBeNull();
    expect(loaded.exchanges).toHaveLength(exchanges.length);
    loaded.exchanges.forEach((exchange, index) => {
      const original = exchanges[index]!;
      expect(bodyToWire(exchange.request.body).equals(bodyToWire(original.request.body))).toBe(true);
      expect(bodyToWire(exchange.response.body).equals(bodyToWire(original.response.body))).toBe(true);
      expect({ ...exchange, request: { ...exchange.request, body: null }, response: { ...exchange.response, body: null } }).toEqual({
        ...original,
        request: { ...original.request, body: null },
        response: { ...original.response, body: null },
      });
    });
  });

  it('round-trips many exchanges and an empty cassette', async () => {
    const file = join(dir, 'many.cassette');
    const exchanges = Array.from({ length: 500 }, (_, seq) => sampleExchange(seq));
    await writeCassette(file, sampleHeader(), exchanges);
    expect((await readCassette(file)).exchanges).toEqual(exchanges);
    await writeCassette(file, sampleHeader(), []);
    expect((await readCassette(file)).exchanges).toEqual([]);
  });

  it('is decodable by a fresh process with only msgpackr and the documented layout', async () => {
    const file = join(dir, 'fresh.cassette');
    const exchanges = Array.from({ length: 40 }, (_, seq) => sampleExchange(seq));
    await writeCassette(file, sampleHeader(), exchanges);
    // The recipe of docs/cassette-format.md, in a process that never saw our encoder.
    const script = `
      import { readFileSync } from 'node:fs';
      import { crc32 } from 'node:zlib';
      import { Unpackr } from 'msgpackr';
      const buffer = readFileSync(process.argv[1]);
      const plain = new Unpackr({ useRecords: false, mapsAsObjects: true });
      const records = new Unpackr({ sequential: true, useRecords: true, mapsAsObjects: true });
      const values = [];
      for (let offset = 8; offset < buffer.length; ) {
        const length = buffer.readUInt32LE(offset);
        const payload = buffer.subarray(offset + 8, offset + 8 + length);
        if (crc32(payload) !== buffer.readUInt32LE(offset + 4)) throw new Error('crc at ' + offset);
        values.push((values.length === 0 ? plain : records).unpack(payload));
        offset += 8 + length;
      }
      process.stdout.write(JSON.stringify(values));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, file], { cwd: process.cwd() });
    const [header, ...decoded] = JSON.parse(stdout) as unknown[];
    expect(header).toEqual(sampleHeader());
    // The last record is the end record, a plain map either decoder reads.
    expect(decoded.pop()).toEqual({ end: 'tapegate-cassette', exchanges: 40 });
    expect(decoded).toEqual(JSON.parse(JSON.stringify(exchanges)));
  });

  it('round-trips more distinct object shapes than msgpackr has record ids (ids are reused)', async () => {
    const file = join(dir, 'shapes.cassette');
    const exchanges = Array.from({ length: 300 }, (_, seq) =>
      withBodies(seq, { kind: 'json', value: { [`key${seq}`]: seq, nested: { [`n${seq % 90}`]: [seq] } } }, { kind: 'json', value: { [`k${seq % 70}`]: { a: seq } } }),
    );
    await writeCassette(file, sampleHeader(), exchanges);
    expect((await readCassette(file)).exchanges).toEqual(exchanges);
  });

  it('refuses to write an exchange the reader would refuse, and leaves the old file', async () => {
    const file = join(dir, 'bad.cassette');
    await writeCassette(file, sampleHeader(), [sampleExchange(0)]);
    const bad = { ...sampleExchange(1), response: { ...sampleExchange(1).response, status: 99 } };
    const error = await failure(writeCassette(file, sampleHeader(), [sampleExchange(0), bad]));
    expect(error.message).toBe(`Failed to write cassette "${file}": exchange 1 is invalid: /response/status must be an integer from 200 to 599`);
    expect((await readCassette(file)).exchanges).toHaveLength(1);
  });

  it('names the offset of a corrupt byte and how many exchanges before it are intact', async () => {
    const file = join(dir, 'x.cassette');
    const exchanges = Array.from({ length: 30 }, (_, seq) => sampleExchange(seq));
    await writeCassette(file, sampleHeader(), exchanges);
    const bytes = await readFile(file);
    // Find where record 18 (exchange 17) starts by walking the framing.
    let offset = CASSETTE_MAGIC.length;
    for (let record = 0; record < 18; record++) offset += 8 + bytes.readUInt32LE(offset);
    bytes[offset + 8 + 20] = bytes[offset + 8 + 20]! ^ 0xff;
    await writeFile(file, bytes);
    const error = await failure(readCassette(file));
    expect(error.message).toBe(
      `Failed to read cassette "${file}": corrupt record at byte ${offset} (bad checksum); 17 exchanges before it are intact. ` +
        `Run \`tapegate cassette recover ${file}\` to keep them.`,
    );
    expect(error.exitCode).toBe(2);
  });

  it('says a cut-off file is truncated', async () => {
    const file = join(dir, 'cut.cassette');
    await writeCassette(file, sampleHeader(), [sampleExchange(0), sampleExchange(1)]);
    const bytes = await readFile(file);
    // 50 bytes: past the end record (46) into the last exchange.
    await writeFile(file, bytes.subarray(0, bytes.length - 50));
    const error = await failure(readCassette(file));
    expect(error.message).toMatch(/: truncated record at byte \d+ \(the record claims \d+ payload bytes, \d+ are left\); 1 exchange before it is intact\. Run/);
  });

  it('says a file cut exactly after a whole record lacks its end record, at every record boundary', async () => {
    const file = join(dir, 'cut.cassette');
    await writeCassette(file, sampleHeader(), [sampleExchange(0), sampleExchange(1)]);
    const bytes = await readFile(file);
    const starts: number[] = [];
    for (let at = CASSETTE_MAGIC.length; at < bytes.length; at += 8 + bytes.readUInt32LE(at)) starts.push(at);
    // After the header, after exchange 0, after exchange 1 (the end record's start).
    for (const [index, cut] of starts.slice(1).entries()) {
      await writeFile(file, bytes.subarray(0, cut));
      expect((await failure(readCassette(file))).message).toContain(
        `truncated record at byte ${cut} (the cassette ends without its end record: it was cut after a whole record, and how many exchanges followed is unknown); ${index === 1 ? '1 exchange before it is' : `${index} exchanges before it are`} intact`,
      );
    }
  });

  it('refuses random bytes, an empty file and JSON with a message naming the file', async () => {
    const random = join(dir, 'random.cassette');
    await writeFile(random, Buffer.from('5d1f9a0c7e3b4a2f90aa1c4e7f2b8d36', 'hex'));
    expect((await failure(readCassette(random))).message).toBe(`Failed to read cassette "${random}": not a tapegate cassette (it does not start with the cassette signature)`);
    const empty = join(dir, 'empty.cassette');
    await writeFile(empty, '');
    expect((await failure(readCassette(empty))).message).toBe(`Failed to read cassette "${empty}": the file is empty, not a tapegate cassette`);
    const json = join(dir, 'json.cassette');
    await writeFile(json, '{"header":{}}');
    expect((await failure(readCassette(json))).message).toContain('it looks like JSON: `tapegate cassette import` reads the JSON form');
    const missing = join(dir, 'missing.cassette');
    expect((await failure(readCassette(missing))).message).toBe(`Failed to read cassette "${missing}": no such file`);
  });

  it('refuses a magic-bearing file whose header is not ours', async () => {
    const file = join(dir, 'other.cassette');
    const payload = new Packr({ useRecords: false }).pack({ format: 'something-else', formatVersion: 1 });
    await writeFile(file, Buffer.concat([CASSETTE_MAGIC, frameRecord(payload)]));
    expect((await failure(readCassette(file))).message).toBe(`Failed to read cassette "${file}": not a tapegate cassette (the header names format "something-else")`);
  });

  it('refuses a newer format version by name, whatever else the header holds', async () => {
    const file = join(dir, 'future.cassette');
    const header = { ...createHeader({ toolVersion: '9.0.0', services: [] }), formatVersion: 6, newField: { x: 1 } };
    const payload = new Packr({ useRecords: false }).pack(header);
    await writeFile(file, Buffer.concat([CASSETTE_MAGIC, frameRecord(payload), frameRecord(Buffer.from([0xc1]))]));
    const error = await failure(readCassette(file));
    expect(error.message).toBe(`Failed to read cassette "${file}": format version 6 is newer than this tapegate understands (5); upgrade tapegate`);
  });

  it('names the bad field of a header that is ours but malformed', async () => {
    const file = join(dir, 'header.cassette');
    const header = { ...sampleHeader(), services: [{ service: 'apigateway', apiVersion: 20150709 }] };
    await writeFile(file, encodePreamble(header as never));
    expect((await failure(readCassette(file))).message).toBe(`Failed to read cassette "${file}": invalid header record: /services/0/apiVersion must be a string`);
  });
});
