/**
 * Old-form SQS exchanges (query forms and XML answers, from SDKs released before SQS moved to
 * json) are checked against the bundled json contract, read with the query wire names of
 * contracts/overlays/sqs.json: a well-formed exchange gives the `query-protocol-call` info
 * alone, and one wrong value gives its own finding at the member it names.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../core/exchange.js';
import { exchangeFindings } from './exchange-findings.js';
import { answer, CASES, queryError, type QueryFormCase } from '../test/support/sqs-query-form-cases.js';
import { Validator } from './validator.js';

const validator = new Validator();
const SIGNED = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=00';

function exchange(form: string, status: number, xml: string): Exchange {
  return {
    seq: 0,
    operation: null,
    request: {
      method: 'POST',
      path: '/',
      query: {},
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', authorization: SIGNED },
      body: { kind: 'bytes', bytes: Buffer.from(form) },
    },
    response: { status, headers: { 'content-type': 'text/xml' }, body: { kind: 'bytes', bytes: Buffer.from(xml) } },
    timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
  };
}

/** `[severity, code, path]` of every finding but the info that says the call was in the query form. */
function findings(form: string, xml: string, status = 200): [string, string, string][] {
  const result = exchangeFindings(validator, exchange(form, status, xml));
  expect(result.findings[0]).toMatchObject({ code: 'query-protocol-call', severity: 'info' });
  expect(result.findings[0]?.message).toMatch(/was checked against the json contract/);
  return result.findings.slice(1).map((f) => [f.severity, f.code, f.path]);
}

const byName = (operation: string): QueryFormCase => CASES.find((c) => c.operation === operation)!;

describe('SQS in the query form', () => {
  it.each(CASES)('$operation as botocore 1.29 sends it and AWS answers it: no finding but the query-protocol-call info', ({ operation, form, answer: xml }) => {
    const result = exchangeFindings(validator, exchange(form, 200, xml));
    expect(result.operation).toBe(`sqs.${operation}`);
    expect(result.findings.map((f) => [f.severity, f.code])).toEqual([['info', 'query-protocol-call']]);
  });

  it('SendMessage: a message attribute without its DataType is missing-required at its name', () => {
    const { form, answer: xml } = byName('SendMessage');
    expect(findings(form.replace('&MessageAttribute.1.Value.DataType=String', ''), xml)).toEqual([['error', 'missing-required', '/body/MessageAttributes/color/DataType']]);
  });

  it('SendMessage: the json spelling MessageAttributes.1.Name is not a query wire name', () => {
    const { form, answer: xml } = byName('SendMessage');
    expect(findings(form.replaceAll('MessageAttribute.2.', 'MessageAttributes.2.'), xml)).toEqual([['warn', 'unknown-field', '/body/MessageAttributes']]);
  });

  it('SendMessageBatch: an entry whose DelaySeconds is not a number is invalid-type in that entry', () => {
    const { form, answer: xml } = byName('SendMessageBatch');
    expect(findings(form.replace('DelaySeconds=5', 'DelaySeconds=soon'), xml)).toEqual([['error', 'invalid-type', '/body/Entries/0/DelaySeconds']]);
  });

  it('SendMessageBatch: a failed entry without its SenderFault is missing-required in the answer', () => {
    const { form, answer: xml } = byName('SendMessageBatch');
    expect(findings(form, xml.replace('<SenderFault>true</SenderFault>', ''))).toEqual([['error', 'missing-required', '/body/Failed/0/SenderFault']]);
  });

  it('SendMessageBatch: a SenderFault that is no boolean is one invalid-type, not also missing-required', () => {
    const { form, answer: xml } = byName('SendMessageBatch');
    expect(findings(form, xml.replace('<SenderFault>true</SenderFault>', '<SenderFault>maybe</SenderFault>'))).toEqual([['error', 'invalid-type', '/body/Failed/0/SenderFault']]);
  });

  it('ReceiveMessage: a system attribute the model does not name is invalid-enum (drift, in an answer) at its name', () => {
    const { form, answer: xml } = byName('ReceiveMessage');
    expect(findings(form, xml.replace('<Name>SenderId</Name>', '<Name>SenderID</Name>'))).toEqual([['warn', 'invalid-enum', '/body/Messages/0/Attributes/SenderID']]);
  });

  it('ReceiveMessage: MaxNumberOfMessages that is not a number is invalid-type', () => {
    const { form, answer: xml } = byName('ReceiveMessage');
    expect(findings(form.replace('MaxNumberOfMessages=2', 'MaxNumberOfMessages=two'), xml)).toEqual([['error', 'invalid-type', '/body/MaxNumberOfMessages']]);
  });

  it('GetQueueAttributes: an attribute name the model does not list is invalid-enum at its index', () => {
    const { form, answer: xml } = byName('GetQueueAttributes');
    expect(findings(form.replace('AttributeName.2=QueueArn', 'AttributeName.2=QueueArm'), xml)).toEqual([['error', 'invalid-enum', '/body/AttributeNames/1']]);
  });

  it('CreateQueue: an attribute without its Value is an incomplete map entry', () => {
    const { form, answer: xml } = byName('CreateQueue');
    expect(findings(form.replace('&Attribute.2.Value=0', ''), xml)).toEqual([['error', 'incomplete-map-entry', '/body/Attributes']]);
  });

  it('CreateQueue: no QueueName is missing-required', () => {
    const { form, answer: xml } = byName('CreateQueue');
    expect(findings(form.replace('&QueueName=orders', ''), xml)).toEqual([['error', 'missing-required', '/body/QueueName']]);
  });

  it('ListQueues: the json spelling <QueueUrls> in the answer is a member the query form does not have', () => {
    const { form } = byName('ListQueues');
    expect(findings(form, answer('ListQueues', '<QueueUrls>https://sqs.us-east-1.amazonaws.com/123456789012/orders</QueueUrls>'))).toEqual([
      ['info', 'unknown-field', '/body/QueueUrls'],
    ]);
  });

  it('ListQueues: MaxResults that is not a number is invalid-type', () => {
    const { form, answer: xml } = byName('ListQueues');
    expect(findings(form.replace('MaxResults=10', 'MaxResults=ten'), xml)).toEqual([['error', 'invalid-type', '/body/MaxResults']]);
  });
});

describe('SQS query-form errors', () => {
  const { form } = byName('SendMessage');

  it('name their shape by the query code: AWS.SimpleQueueService.NonExistentQueue is QueueDoesNotExist, declared', () => {
    expect(findings(form, queryError('AWS.SimpleQueueService.NonExistentQueue'), 400)).toEqual([]);
  });

  it('come with the status of the query form: OverLimit is 403 (the json model says none)', () => {
    expect(findings(form.replace('SendMessage', 'ReceiveMessage').replace(/&MessageBody=hi.*$/, ''), queryError('OverLimit'), 403)).toEqual([]);
    expect(findings(form, queryError('AWS.SimpleQueueService.NonExistentQueue'), 404)).toEqual([['error', 'error-status-mismatch', '/status']]);
  });

  it('with a code SQS never sends are undeclared', () => {
    expect(findings(form, queryError('AWS.SimpleQueueService.NoSuchQueue'), 400)).toEqual([['warn', 'undeclared-error', '/body/Code']]);
  });
});
