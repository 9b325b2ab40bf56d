/**
 * Malformed json-protocol exchanges (X-Amz-Target requests, `__type` errors), built by hand,
 * each with the exact findings it must produce (code, severity, side, JSON Pointer, message);
 * every case asserts the whole list, so a stray finding fails it too. Then routing by the
 * target header, and an exchange of a json service the contracts lack.
 */
import { describe, expect, it } from 'vitest';
import type { Body, Exchange, RecordedRequest, RecordedResponse } from '../core/exchange.js';
import type { Finding } from '../core/findings.js';
import { exchangeFindings } from '../contracts/exchange-findings.js';
import { bundledContracts, loadContracts } from '../contracts/load.js';
import { Validator } from '../contracts/validator.js';

const validator = new Validator(bundledContracts());

const json = (value: unknown): Body => ({ kind: 'json', value });

function call(target: string, body: unknown, version = '1.0'): RecordedRequest {
  return {
    method: 'POST',
    path: '/',
    query: {},
    headers: { host: 'localhost:4566', 'content-type': `application/x-amz-json-${version}`, 'x-amz-target': target },
    body: json(body),
  };
}

function answer(status: number, body: unknown, headers: Record<string, string> = {}): RecordedResponse {
  return { status, headers: { 'content-type': 'application/x-amz-json-1.0', ...headers }, body: json(body) };
}

type Seen = Pick<Finding, 'code' | 'severity' | 'side' | 'path' | 'message'>;
const strip = (findings: Finding[]): Seen[] => findings.map(({ code, severity, side, path, message }) => ({ code, severity, side, path, message }));

describe('malformed json exchanges', () => {
  it('a JSON 1.0 error whose __type the operation does not declare: undeclared-error at /body/__type', () => {
    const request = call('DynamoDB_20120810.GetItem', { TableName: 'pets', Key: { id: { S: '1' } } });
    const response = answer(400, { __type: 'com.amazonaws.dynamodb.v20120810#QueueDoesNotExist', message: 'no such queue' });
    expect(strip(validator.validate({ request, response }))).toEqual([
      {
        code: 'undeclared-error',
        severity: 'warn',
        side: 'response',
        path: '/body/__type',
        message:
          'error QueueDoesNotExist is not declared by dynamodb.GetItem (declared: ProvisionedThroughputExceededException, ResourceNotFoundException, RequestLimitExceeded, InternalServerError, ThrottlingException) nor by any other operation of dynamodb; the SDKs raise a generic service exception named QueueDoesNotExist, not a modeled one',
      },
    ]);
  });

  it('the same error declared, with or without its namespace, is clean; at another status it is error-status-mismatch', () => {
    const request = call('DynamoDB_20120810.GetItem', { TableName: 'pets', Key: { id: { S: '1' } } });
    for (const __type of ['com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', 'ResourceNotFoundException']) {
      expect(validator.validate({ request, response: answer(400, { __type, message: 'Requested resource not found' }) })).toEqual([]);
    }
    expect(strip(validator.validate({ request, response: answer(404, { __type: 'ResourceNotFoundException', message: 'Requested resource not found' }) }))).toEqual([
      { code: 'error-status-mismatch', severity: 'error', side: 'response', path: '/status', message: 'ResourceNotFoundException comes with status 400, received 404' },
    ]);
  });

  it('a request member outside its enum: invalid-enum at the member', () => {
    const request = call('DynamoDB_20120810.CreateTable', {
      TableName: 'pets',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'Z' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    expect(strip(validator.validate({ request }))).toEqual([
      { code: 'invalid-enum', severity: 'error', side: 'request', path: '/body/AttributeDefinitions/0/AttributeType', message: '"Z" is not one of "S", "N", "B"' },
    ]);
  });

  it('a request without a required member: missing-required at the member', () => {
    const request = call('AmazonSQS.SendMessage', { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/pets' });
    expect(strip(validator.validate({ request }))).toEqual([
      { code: 'missing-required', severity: 'error', side: 'request', path: '/body/MessageBody', message: 'required member "MessageBody" is missing' },
    ]);
  });

  it('a timestamp sent as a string where json carries epoch seconds: invalid-type', () => {
    const request = call('Logs_20140328.GetLogEvents', { logGroupName: 'app', logStreamName: 's', startTime: 1714979289000 }, '1.1');
    expect(validator.validate({ request })).toEqual([]);
    const wrong = call('AWSStepFunctions.ListExecutions', { stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:pets', maxResults: 'ten' });
    expect(strip(validator.validate({ request: wrong }))).toEqual([
      { code: 'invalid-type', severity: 'error', side: 'request', path: '/body/maxResults', message: 'expected integer, received "ten"' },
    ]);
  });

  it('SQS (query compatible): an x-amzn-query-error that is not Code;Sender is a finding at the header', () => {
    const request = call('AmazonSQS.GetQueueUrl', { QueueName: 'pets' });
    const error = { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' };
    expect(validator.validate({ request, response: answer(400, error, { 'x-amzn-query-error': 'AWS.SimpleQueueService.NonExistentQueue;Sender' }) })).toEqual([]);
    expect(strip(validator.validate({ request, response: answer(400, error, { 'x-amzn-query-error': 'NonExistentQueue' }) }))).toEqual([
      {
        code: 'pattern-mismatch',
        severity: 'error',
        side: 'response',
        path: '/headers/x-amzn-query-error',
        message: '"NonExistentQueue" does not match ^[^;]+;(Sender|Receiver)$',
      },
    ]);
  });
});

describe('routing json requests', () => {
  it('names the operation by X-Amz-Target, for every json service', () => {
    const targets: [string, string][] = [
      ['DynamoDB_20120810.PutItem', 'dynamodb.PutItem'],
      ['AmazonSQS.SendMessage', 'sqs.SendMessage'],
      ['secretsmanager.GetSecretValue', 'secretsmanager.GetSecretValue'],
      ['TrentService.Encrypt', 'kms.Encrypt'],
      ['AWSEvents.PutEvents', 'events.PutEvents'],
      ['AWSStepFunctions.StartExecution', 'stepfunctions.StartExecution'],
      ['Logs_20140328.PutLogEvents', 'logs.PutLogEvents'],
      ['AmazonSSM.GetParameter', 'ssm.GetParameter'],
    ];
    for (const [target, id] of targets) expect(validator.router.route(call(target, {})), target).toEqual({ operation: id, labels: {} });
  });

  it('routes nothing for an unknown operation of a known prefix, another method or path, or no target', () => {
    expect(validator.router.route(call('DynamoDB_20120810.NoSuchThing', {}))).toBeNull();
    expect(validator.router.route({ ...call('DynamoDB_20120810.PutItem', {}), method: 'GET' })).toBeNull();
    expect(validator.router.route({ ...call('DynamoDB_20120810.PutItem', {}), path: '/tables' })).toBeNull();
    expect(validator.router.route({ method: 'POST', path: '/', query: {}, headers: {} })).toBeNull();
    const unknown = validator.validate({ request: call('DynamoDB_20120810.NoSuchThing', {}) });
    expect(unknown.map((f) => f.code)).toEqual(['unknown-operation']);
  });

  it('loads only the services a request is for', () => {
    const fresh = new Validator(loadContracts());
    fresh.validate({ request: call('AmazonSQS.ListQueues', {}), response: answer(200, { QueueUrls: [] }) });
    expect(fresh.contracts.services.filter((s) => fresh.contracts.isLoaded(s.service)).map((s) => s.service)).toEqual(['sqs']);
  });

  it('an exchange of a json service the contracts lack is uncovered, recorded service or target prefix alike', () => {
    const exchange: Exchange = {
      seq: 0,
      operation: null,
      request: call('AWSCognitoIdentityProviderService.ListUserPools', { MaxResults: 10 }, '1.1'),
      response: answer(200, { UserPools: [] }),
      timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
    };
    expect(exchangeFindings(validator, exchange)).toMatchObject({ operation: null, uncoveredService: 'AWSCognitoIdentityProviderService' });
    expect(exchangeFindings(validator, { ...exchange, service: 'cognito-idp' })).toMatchObject({ uncoveredService: 'cognito-idp' });
    // A covered json service named by its target prefix alone (an old cassette) is checked.
    const dynamo = { ...exchange, request: call('DynamoDB_20120810.ListTables', {}), response: answer(200, { TableNames: ['pets'] }) };
    expect(exchangeFindings(validator, dynamo)).toEqual({ operation: 'dynamodb.ListTables', findings: [] });
  });
});
