import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { awsError, rawAwsError } from './aws-error.js';
import { prepareResponse } from './wire-response.js';

function headerMap(flat: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) map[flat[i]!] = flat[i + 1]!;
  return map;
}

describe('prepareResponse', () => {
  it('keeps status and headers, drops hop-by-hop ones and sets the true content-length', () => {
    const wire = prepareResponse({
      status: 201,
      headers: {
        'content-type': 'application/json',
        'content-length': '1',
        'transfer-encoding': 'chunked',
        connection: 'close',
        'keep-alive': 'timeout=5',
        'x-amzn-requestid': 'r1',
      },
      body: { kind: 'json', value: { a: 'é' } },
    });
    expect(wire.status).toBe(201);
    expect(wire.body.toString('utf8')).toBe('{"a":"é"}');
    expect(headerMap(wire.headers)).toEqual({ 'content-type': 'application/json', 'x-amzn-requestid': 'r1', 'content-length': String(wire.body.length) });
    expect(wire.body.length).toBe(10);
  });

  it('replays raw JSON text byte for byte, and an empty body as zero bytes', () => {
    expect(prepareResponse({ status: 200, headers: {}, body: { kind: 'json', value: { a: 1 }, raw: '{ "a" : 1.0 }' } }).body.toString()).toBe('{ "a" : 1.0 }');
    const empty = prepareResponse({ status: 204, headers: {}, body: { kind: 'empty' } });
    expect([empty.body.length, headerMap(empty.headers)['content-length']]).toEqual([0, '0']);
  });

  it('compresses again a body recorded with content-encoding, and keeps the header', () => {
    const wire = prepareResponse({ status: 200, headers: { 'content-encoding': 'gzip' }, body: { kind: 'json', value: { big: 'x'.repeat(100) }, encoding: 'gzip' } });
    expect(headerMap(wire.headers)['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(wire.body).toString('utf8'))).toEqual({ big: 'x'.repeat(100) });
    expect(headerMap(wire.headers)['content-length']).toBe(String(wire.body.length));
  });
});

describe('awsError', () => {
  it('is a JSON body with message last and the error type header', () => {
    const wire = awsError(400, 'TapegateNoMatch', 'why', { operation: 'x.Y' });
    expect(JSON.parse(wire.body.toString())).toEqual({ operation: 'x.Y', message: 'why' });
    expect(headerMap(wire.headers)).toEqual({ 'content-type': 'application/json', 'x-amzn-errortype': 'TapegateNoMatch', 'content-length': String(wire.body.length) });
  });

  it('has a raw HTTP form that closes the connection', () => {
    const text = rawAwsError(400, 'TapegateBadRequest', 'bad').toString('latin1');
    expect(text).toBe(
      'HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\nx-amzn-errortype: TapegateBadRequest\r\n' + 'content-length: 17\r\nconnection: close\r\n\r\n{"message":"bad"}',
    );
  });
});
