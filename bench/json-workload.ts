/**
 * A realistic json-protocol mix for `bench:contracts`: DynamoDB, SQS, Secrets Manager, KMS,
 * SSM and CloudWatch Logs calls as the SDKs send them (`POST /`, `X-Amz-Target`, a signed
 * scope), all valid, and one declared error.
 */
import type { RecordedRequest, RecordedResponse } from '../core/exchange.js';

type Pair = { request: RecordedRequest; response: RecordedResponse };

const json = (value: unknown) => ({ kind: 'json' as const, value });

function call(service: string, target: string, body: unknown, version = '1.1'): RecordedRequest {
  return {
    method: 'POST',
    path: '/',
    query: {},
    headers: {
      'content-type': `application/x-amz-json-${version}`,
      'x-amz-target': target,
      'x-amz-date': '20260101T000000Z',
      authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=${'0'.repeat(64)}`,
    },
    body: json(body),
  };
}

const ok = (body: unknown, version = '1.1'): RecordedResponse => ({ status: 200, headers: { 'content-type': `application/x-amz-json-${version}` }, body: json(body) });

const item = { id: { S: 'pet-1' }, name: { S: 'Rex' }, age: { N: '3' }, tags: { SS: ['good', 'dog'] }, owner: { M: { name: { S: 'Ann' } } } };
const queueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/pets';
const keyId = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

export const JSON_WORKLOAD: Pair[] = [
  { request: call('dynamodb', 'DynamoDB_20120810.PutItem', { TableName: 'pets', Item: item }, '1.0'), response: ok({}, '1.0') },
  { request: call('dynamodb', 'DynamoDB_20120810.GetItem', { TableName: 'pets', Key: { id: { S: 'pet-1' } } }, '1.0'), response: ok({ Item: item }, '1.0') },
  {
    request: call(
      'dynamodb',
      'DynamoDB_20120810.Query',
      { TableName: 'pets', KeyConditionExpression: 'id = :id', ExpressionAttributeValues: { ':id': { S: 'pet-1' } }, Limit: 25 },
      '1.0',
    ),
    response: ok({ Items: [item], Count: 1, ScannedCount: 1 }, '1.0'),
  },
  {
    request: call('sqs', 'AmazonSQS.SendMessage', { QueueUrl: queueUrl, MessageBody: '{"pet":"Rex"}', DelaySeconds: 0 }, '1.0'),
    response: ok({ MessageId: '5fea7756-0ea4-451a-a703-a558b933e274', MD5OfMessageBody: 'fafb00f5732ab283681e124bf8747ed1' }, '1.0'),
  },
  {
    request: call('sqs', 'AmazonSQS.ReceiveMessage', { QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }, '1.0'),
    response: ok({ Messages: [{ MessageId: 'm1', ReceiptHandle: 'rh1', Body: '{"pet":"Rex"}', MD5OfBody: 'fafb00f5732ab283681e124bf8747ed1' }] }, '1.0'),
  },
  {
    request: call('secretsmanager', 'secretsmanager.GetSecretValue', { SecretId: 'db' }),
    response: ok({ ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf', Name: 'db', SecretString: '<redacted>', CreatedDate: 1767225600 }),
  },
  {
    request: call('kms', 'TrentService.Encrypt', { KeyId: keyId, Plaintext: 'aGVsbG8=' }),
    response: ok({ KeyId: keyId, CiphertextBlob: 'AQICAHh=', EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' }),
  },
  {
    request: call('ssm', 'AmazonSSM.GetParameter', { Name: '/app/db/host', WithDecryption: true }),
    response: ok({ Parameter: { Name: '/app/db/host', Type: 'String', Value: 'db.internal', Version: 3, LastModifiedDate: 1767225600 } }),
  },
  {
    request: call('logs', 'Logs_20140328.PutLogEvents', { logGroupName: 'app', logStreamName: 'web-1', logEvents: [{ timestamp: 1767225600000, message: 'started' }] }),
    response: ok({ nextSequenceToken: '49590302', rejectedLogEventsInfo: { tooNewLogEventStartIndex: 1 } }),
  },
  {
    request: call('dynamodb', 'DynamoDB_20120810.DescribeTable', { TableName: 'nope' }, '1.0'),
    response: {
      status: 400,
      headers: { 'content-type': 'application/x-amz-json-1.0' },
      body: json({ __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'Requested resource not found' }),
    },
  },
];
