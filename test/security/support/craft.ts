/**
 * Cassettes no tapegate writes, for tests of what the reader does with them: an exchange
 * whose response body value is arbitrary msgpack bytes (say, arrays nested 100,000 deep,
 * which msgpackr itself could not encode). The exchange is encoded normally around a
 * marker string, the marker's bytes are swapped for the given ones, and the record is
 * framed again with its length and checksum, so only the content is wrong.
 */
import { writeFile } from 'node:fs/promises';
import { createExchangeEncoder, encodePreamble, frameRecord, RECORD_PREFIX_BYTES } from '../../../cassettes/format/codec.js';
import { createHeader } from '../../../cassettes/format/format.js';
import type { Exchange } from '../../../core/exchange.js';

const MARKER = 'TAPEGATE-MARKER!';

export function exchangeWithBody(value: unknown): Exchange {
  return {
    seq: 0,
    operation: 'apigateway.GetRestApis',
    request: { method: 'GET', path: '/restapis', query: {}, headers: {}, body: { kind: 'empty' } },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: { kind: 'json', value } },
    timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
  };
}

/** msgpack for `[[[…[]…]]]`, `depth` arrays inside each other. */
export function nestedMsgpack(depth: number): Buffer {
  return Buffer.concat([Buffer.alloc(depth - 1, 0x91), Buffer.from([0x90])]);
}

export async function writeCassetteWithBodyBytes(file: string, msgpackValue: Buffer): Promise<void> {
  const record = createExchangeEncoder()(exchangeWithBody(MARKER)).at(-1)!;
  const payload = record.subarray(RECORD_PREFIX_BYTES);
  const marker = Buffer.concat([Buffer.from([0xa0 | MARKER.length]), Buffer.from(MARKER)]);
  const at = payload.indexOf(marker);
  if (at < 0) throw new Error('the marker is not in the encoded exchange');
  const swapped = Buffer.concat([payload.subarray(0, at), msgpackValue, payload.subarray(at + marker.length)]);
  const header = createHeader({ toolVersion: '0.1.0', services: [{ service: 'apigateway', apiVersion: '2015-07-09' }] });
  await writeFile(file, Buffer.concat([encodePreamble(header), frameRecord(swapped)]));
}
