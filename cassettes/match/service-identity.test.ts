/**
 * Issue 11, items 5 and 7: the identity of requests no contract names (other services in the
 * same cassette) includes the SigV4 service and X-Amz-Target, so one service's recorded
 * answer is never served to another's request; and `{}` and an empty body are one body.
 */
import { describe, expect, it } from 'vitest';
import type { Body, Exchange, RecordedRequest } from '../../core/exchange.js';
import { keyOf } from './key.js';
import { Matcher, type MatchResult } from './matcher.js';

const json = (value: unknown): Body => ({ kind: 'json', value });
const form = (text: string): Body => ({ kind: 'bytes', bytes: new TextEncoder().encode(text) });

function auth(service: string): string {
  return `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc`;
}

/** A live request, as the proxy reads it: Authorization still on it. */
function live(service: string, headers: Record<string, string>, body: Body): RecordedRequest {
  return { method: 'POST', path: '/', query: {}, headers: { ...headers, authorization: auth(service) }, body };
}

/** A recorded exchange: no Authorization, the service kept beside the request. */
function recorded(seq: number, service: string | undefined, headers: Record<string, string>, body: Body): Exchange {
  return {
    seq,
    operation: null,
    ...(service === undefined ? {} : { service }),
    request: { method: 'POST', path: '/', query: {}, headers, body },
    response: { status: 200, headers: {}, body: json({ answer: seq }) },
    timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
  };
}

function seqOf(result: MatchResult): number | null {
  return result.hit ? result.exchange.seq : null;
}

const USER_POOL = { 'x-amz-target': 'AWSCognitoIdentityProviderService.CreateUserPool', 'content-type': 'application/x-amz-json-1.1' };
const DELETE_TABLE = { 'x-amz-target': 'DynamoDB_20120810.DeleteTable', 'content-type': 'application/x-amz-json-1.0' };

describe('identity of requests without an operation', () => {
  it('a DynamoDB DeleteTable with the same body is not served a recorded cognito CreateUserPool', () => {
    const matcher = new Matcher([recorded(0, 'cognito-idp', USER_POOL, json({ PoolName: 'p' }))]);
    expect(seqOf(matcher.match(null, live('dynamodb', DELETE_TABLE, json({ PoolName: 'p' }))))).toBeNull();
    // The same target but another service is another request, too.
    expect(seqOf(matcher.match(null, live('dynamodb', USER_POOL, json({ PoolName: 'p' }))))).toBeNull();
    // The request it was recorded for still hits.
    expect(seqOf(matcher.match(null, live('cognito-idp', USER_POOL, json({ PoolName: 'p' }))))).toBe(0);
  });

  it('an STS request is not served a CloudFormation answer with the same body', () => {
    const body = form('Action=DescribeStacks&Version=2010-05-15');
    const matcher = new Matcher([recorded(0, 'cloudformation', {}, body)]);
    const sts = live('sts', {}, form('Action=DescribeStacks&Version=2010-05-15'));
    expect(seqOf(matcher.match(null, sts))).toBeNull();
    expect(seqOf(matcher.match(null, live('cloudformation', {}, form('Action=DescribeStacks&Version=2010-05-15'))))).toBe(0);
  });

  it('the body-less request-line shortcut does not bypass the service', () => {
    const get = (headers: Record<string, string>): RecordedRequest => ({ method: 'GET', path: '/2015-03-31/functions', query: {}, headers, body: { kind: 'empty' } });
    const matcher = new Matcher([{ ...recorded(0, 'lambda', {}, { kind: 'empty' }), request: get({}) }]);
    const target = 'GET /2015-03-31/functions';
    expect(seqOf(matcher.match(null, get({ authorization: auth('lambda') }), target))).toBe(0);
    expect(seqOf(matcher.match(null, get({ authorization: auth('sts') }), target))).toBeNull();
  });

  it('explains a miss by the service and the target', () => {
    const matcher = new Matcher([recorded(0, 'cognito-idp', USER_POOL, json({ PoolName: 'p' }))]);
    const result = matcher.match(null, live('dynamodb', DELETE_TABLE, json({ PoolName: 'p' })));
    expect(result.hit).toBe(false);
    if (result.hit) return;
    expect(result.explanation.differences).toEqual(
      expect.arrayContaining([expect.objectContaining({ pointer: '/service' }), expect.objectContaining({ pointer: '/headers/x-amz-target' })]),
    );
  });

  it('a redacted live request can name its service explicitly', () => {
    const matcher = new Matcher([recorded(0, 'cognito-idp', USER_POOL, json({ PoolName: 'p' }))]);
    const redacted = { method: 'POST', path: '/', query: {}, headers: USER_POOL, body: json({ PoolName: 'p' }) };
    expect(seqOf(matcher.match(null, redacted, undefined, 'cognito-idp'))).toBe(0);
    expect(seqOf(matcher.match(null, redacted, undefined, 'dynamodb'))).toBeNull();
  });

  it('leaves the key of a routed request as it was', () => {
    const request = live('apigateway', {}, json({ name: 'a' }));
    expect(keyOf('apigatewayv2.CreateApi', request)).toBe(keyOf('apigatewayv2.CreateApi', { ...request, headers: {} }));
  });
});

describe('{} and an empty body', () => {
  it('match each other, both ways', () => {
    const request = (body: Body): RecordedRequest => ({ method: 'POST', path: '/v2/apis/a1/stages', query: {}, headers: {}, body });
    const op = 'apigatewayv2.CreateStage';
    expect(keyOf(op, request(json({})))).toBe(keyOf(op, request({ kind: 'empty' })));
    const matcher = new Matcher([{ ...recorded(0, undefined, {}, json({})), operation: op, request: request(json({})) }]);
    expect(seqOf(matcher.match(op, request({ kind: 'empty' })))).toBe(0);
    const other = new Matcher([{ ...recorded(0, undefined, {}, { kind: 'empty' }), operation: op, request: request({ kind: 'empty' }) }]);
    expect(seqOf(other.match(op, request(json({}))))).toBe(0);
    expect(seqOf(other.match(op, request(json({ a: 1 }))))).toBeNull();
  });
});
