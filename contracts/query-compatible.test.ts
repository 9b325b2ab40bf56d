/**
 * Two things real clients send that the bundled contracts must not call errors: an SQS call in
 * the query protocol (botocore < 1.31 and the AWS CLI < 2.13 still send SQS forms, which AWS
 * answers in XML) is routed to its operation, checked with the query wire names of the sqs
 * overlay (sqs-query-form.test.ts) and reported as such (info), or as not checked by contracts
 * generated without those names; and a DynamoDB
 * answer outside the model's numeric range (`NumberOfDecreasesToday: 0`, model minimum 1, as
 * AWS answers for every new table) is drift (warn), while a request out of range stays an error.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../core/exchange.js';
import { fileURLToPath } from 'node:url';
import { exchangeFindings } from './exchange-findings.js';
import { expandContract } from './format/expand.js';
import { readModelFile } from './generator/read-model.js';
import { compactContract } from './generator/service-contract.js';
import { indexContracts } from './load.js';
import { ContractRouter } from './service-router.js';
import { Validator } from './validator.js';

const validator = new Validator();
const router = new ContractRouter(validator.contracts);
const scope = (service: string) => `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=00`;

function exchange(headers: Record<string, string>, body: string, response: Exchange['response']): Exchange {
  return {
    seq: 0,
    operation: null,
    request: { method: 'POST', path: '/', query: {}, headers, body: { kind: 'bytes', bytes: Buffer.from(body) } },
    response,
    timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
  };
}

const form = (service: string) => ({ 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', authorization: scope(service) });
const xml = (text: string): Exchange['response'] => ({ status: 200, headers: { 'content-type': 'text/xml' }, body: { kind: 'bytes', bytes: Buffer.from(text) } });

describe('SQS in the query protocol', () => {
  const send = 'Action=SendMessage&Version=2012-11-05&QueueUrl=https%3A%2F%2Fsqs.us-east-1.amazonaws.com%2F123456789012%2Fq&MessageBody=hi';

  it('is routed to its operation when the SigV4 scope or the Version names SQS', () => {
    expect(router.route({ method: 'POST', path: '/', headers: form('sqs'), body: { kind: 'bytes', bytes: Buffer.from(send) } })?.operation).toBe('sqs.SendMessage');
    const unsigned = { 'content-type': 'application/x-www-form-urlencoded' };
    expect(router.route({ method: 'POST', path: '/', headers: unsigned, body: { kind: 'bytes', bytes: Buffer.from(send) } })?.operation).toBe('sqs.SendMessage');
  });

  it('is not SQS when the request names another service or an action SQS lacks', () => {
    expect(
      router.route({ method: 'POST', path: '/', headers: form('sts'), body: { kind: 'bytes', bytes: Buffer.from('Action=GetCallerIdentity&Version=2011-06-15') } })?.operation,
    ).toBe('sts.GetCallerIdentity');
    expect(
      router.route({ method: 'POST', path: '/', headers: form('sqs'), body: { kind: 'bytes', bytes: Buffer.from('Action=GetCallerIdentity&Version=2012-11-05') } }),
    ).toBeNull();
  });

  it('gives one query-protocol-call info and no error', () => {
    const result = exchangeFindings(validator, exchange(form('sqs'), send, xml('<SendMessageResponse><SendMessageResult/></SendMessageResponse>')));
    expect(result.operation).toBe('sqs.SendMessage');
    expect(result.findings.map((f) => [f.severity, f.code])).toEqual([['info', 'query-protocol-call']]);
    expect(result.findings[0]?.message).toMatch(/checked against the json contract read with the query wire names/);
  });

  it('is not checked, and says so, by contracts generated without the query wire names (no overlay)', () => {
    const model = fileURLToPath(new URL('../../shared/models/botocore-1.43.67/sqs/2012-11-05/service-2.json', import.meta.url));
    const bare = new Validator(indexContracts([expandContract(compactContract(readModelFile(model), []))]));
    // A missing MessageBody would be an error if the form were read: unread, it is no finding.
    const result = exchangeFindings(bare, exchange(form('sqs'), send.replace('&MessageBody=hi', ''), xml('<SendMessageResponse><SendMessageResult/></SendMessageResponse>')));
    expect(result.findings.map((f) => [f.severity, f.code])).toEqual([['info', 'query-protocol-call']]);
    expect(result.findings[0]?.message).toMatch(/carry no query wire names for the service, so the exchange was not checked/);
    expect(exchangeFindings(validator, exchange(form('sqs'), send.replace('&MessageBody=hi', ''), xml('<SendMessageResponse/>'))).findings.map((f) => f.code)).toEqual([
      'query-protocol-call',
      'missing-required',
    ]);
  });

  it('in json is still checked as json', () => {
    const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessage', authorization: scope('sqs') };
    const response = { status: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: { kind: 'json' as const, value: { MessageId: 7 } } };
    const findings = exchangeFindings(validator, {
      ...exchange(headers, '', response),
      request: { ...exchange(headers, '', response).request, body: { kind: 'json', value: { QueueUrl: 'q' } } },
    }).findings;
    expect(findings.map((f) => [f.severity, f.code, f.path])).toEqual([
      ['error', 'missing-required', '/body/MessageBody'],
      ['error', 'invalid-type', '/body/MessageId'],
    ]);
  });
});

describe('numeric ranges', () => {
  const json = (target: string, request: unknown, response: unknown): Exchange => ({
    ...exchange({ 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target, authorization: scope('dynamodb') }, '', {
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.0' },
      body: { kind: 'json', value: response },
    }),
    request: { method: 'POST', path: '/', query: {}, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target }, body: { kind: 'json', value: request } },
  });
  const table = { TableName: 'orders', ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 } };

  it('in an answer are drift (warn), as AWS answers NumberOfDecreasesToday 0 where the model says at least 1', () => {
    const findings = exchangeFindings(validator, json('DynamoDB_20120810.DescribeTable', { TableName: 'orders' }, { Table: table })).findings;
    expect(findings.map((f) => [f.severity, f.code, f.path])).toEqual([['warn', 'too-small', '/body/Table/ProvisionedThroughput/NumberOfDecreasesToday']]);
  });

  it('in a request stay errors', () => {
    const findings = exchangeFindings(validator, json('DynamoDB_20120810.Scan', { TableName: 'orders', Limit: 0 }, {})).findings;
    expect(findings.map((f) => [f.severity, f.code, f.path])).toEqual([['error', 'too-small', '/body/Limit']]);
  });
});
