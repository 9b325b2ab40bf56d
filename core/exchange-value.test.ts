/** exchangeValueAt: the one reader of a JSON Pointer in a recorded exchange (verify and drift). */
import { describe, expect, it } from 'vitest';
import type { Exchange } from './exchange.js';
import { exchangeValueAt } from './exchange-value.js';
import { walkPointer } from './json-pointer.js';

const exchange: Pick<Exchange, 'request' | 'response'> = {
  request: {
    method: 'PATCH',
    path: '/restapis/a1',
    query: { limit: ['5'] },
    headers: { 'content-type': 'application/json' },
    body: { kind: 'json', value: { patchOperations: [{ op: 'replace', path: '/responseTemplates/application~1json' }], 'a/b': 1, nothing: null } },
  },
  response: {
    status: 502,
    headers: { 'x-amzn-errortype': 'BadGatewayException' },
    body: { kind: 'bytes', bytes: Buffer.from('<html>bad gateway</html>') },
  },
};

const value = (side: 'request' | 'response', pointer: string): unknown => exchangeValueAt(exchange, side, pointer)?.value;

describe('exchangeValueAt', () => {
  it('reads every part a finding points into', () => {
    expect(value('request', '/body/patchOperations/0/path')).toBe('/responseTemplates/application~1json');
    expect(value('request', '/body/a~1b')).toBe(1);
    expect(value('request', '/query/limit')).toEqual(['5']);
    expect(value('request', '/headers/content-type')).toBe('application/json');
    expect(value('response', '/status')).toBe(502);
    expect(value('response', '/headers/x-amzn-errortype')).toBe('BadGatewayException');
  });

  it('says where nothing is: a missing member is undefined, a null member null', () => {
    expect(exchangeValueAt(exchange, 'request', '/body/missing')).toMatchObject({ value: undefined });
    expect(value('request', '/body/nothing')).toBeNull();
    // Only own members and canonical indices: nothing inherited, no `length`, no `01`.
    expect(value('request', '/body/constructor')).toBeUndefined();
    expect(value('request', '/body/patchOperations/length')).toBeUndefined();
    expect(value('request', '/body/patchOperations/00')).toBeUndefined();
  });

  it('gives a body that is not JSON as its bytes, which have no members', () => {
    expect(Buffer.from(value('response', '/body') as Uint8Array).toString()).toBe('<html>bad gateway</html>');
    expect(value('response', '/body/0')).toBeUndefined();
  });

  it('returns null for a malformed pointer or a part the side does not have', () => {
    expect(exchangeValueAt(exchange, 'request', 'body')).toBeNull();
    expect(exchangeValueAt(exchange, 'request', '/status')).toBeNull();
    expect(exchangeValueAt(exchange, 'response', '/query/limit')).toBeNull();
    expect(exchangeValueAt(exchange, 'request', '/path/restapi_id')).toBeNull();
    expect(exchangeValueAt(exchange, 'request', '')).toBeNull();
  });

  it('marks the segments that indexed an array', () => {
    expect(exchangeValueAt(exchange, 'request', '/body/patchOperations/0/op')).toMatchObject({
      segments: ['body', 'patchOperations', '0', 'op'],
      throughArray: [false, false, true, false],
      value: 'replace',
    });
    expect(walkPointer([[1, 2]], ['0', '1'])).toEqual({ value: 2, throughArray: [true, true] });
  });
});
