/**
 * DynamoDB as the fake serves it (json 1.0, `X-Amz-Target: DynamoDB_20120810.{Operation}`):
 * CreateTable, PutItem and GetItem on items held as the client sent them (attribute values
 * stay in DynamoDB's typed form, `{"S": "…"}`). Answers carry `x-amz-crc32`, which botocore
 * checks when present.
 */
import { crc32 } from 'node:zlib';
import { FakeAwsError, header, jsonAnswer, jsonInput, type FakeAnswer, type FakeRequest } from './wire.js';

interface Table {
  description: Record<string, unknown>;
  hashKey: string;
  items: Map<string, unknown>;
}

export type DynamoTables = Map<string, Table>;

export const DYNAMODB_ERROR_PREFIX = 'com.amazonaws.dynamodb.v20120810#';
const TARGET_PREFIX = 'DynamoDB_20120810.';

function answer(value: unknown, requestId: string): FakeAnswer {
  const result = jsonAnswer(200, value, 'application/x-amz-json-1.0', { 'x-amzn-requestid': requestId });
  result.headers['x-amz-crc32'] = String(crc32(result.body));
  return result;
}

function tableOf(tables: DynamoTables, name: unknown): Table {
  const table = typeof name === 'string' ? tables.get(name) : undefined;
  if (table === undefined) throw new FakeAwsError('ResourceNotFoundException', 400, 'Requested resource not found');
  return table;
}

function createTable(tables: DynamoTables, input: Record<string, unknown>, region: string, account: string): Record<string, unknown> {
  const name = input.TableName;
  if (typeof name !== 'string')
    throw new FakeAwsError('ValidationException', 400, "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
  if (tables.has(name)) throw new FakeAwsError('ResourceInUseException', 400, `Table already exists: ${name}`);
  const keySchema = (input.KeySchema ?? []) as { AttributeName: string; KeyType: string }[];
  const hashKey = keySchema.find((key) => key.KeyType === 'HASH')?.AttributeName;
  if (hashKey === undefined) throw new FakeAwsError('ValidationException', 400, 'No Hash Key specified in schema.  All Dynamo DB tables must have exactly one hash key');
  const description = {
    TableName: name,
    TableStatus: 'ACTIVE',
    KeySchema: keySchema,
    AttributeDefinitions: input.AttributeDefinitions,
    // A whole second, as DynamoDB sends it: the output stays the same within a run.
    CreationDateTime: Math.floor(Date.now() / 1000),
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
    BillingModeSummary: { BillingMode: input.BillingMode ?? 'PROVISIONED' },
    TableSizeBytes: 0,
    ItemCount: 0,
    TableArn: `arn:aws:dynamodb:${region}:${account}:table/${name}`,
    TableId: '0f3c1a52-7d2e-4b8e-9a61-5c0d2b7e4f10',
  };
  tables.set(name, { description, hashKey, items: new Map() });
  return { TableDescription: description };
}

function keyOf(table: Table, item: unknown): string {
  const value = (item as Record<string, unknown> | undefined)?.[table.hashKey];
  if (value === undefined) throw new FakeAwsError('ValidationException', 400, 'One of the required keys was not given a value');
  return JSON.stringify(value);
}

export function dynamodbService(tables: DynamoTables, region: string, account: string) {
  return (request: FakeRequest, requestId: string): FakeAnswer | null => {
    const target = header(request, 'x-amz-target') ?? '';
    if (request.method !== 'POST' || !target.startsWith(TARGET_PREFIX)) return null;
    const input = jsonInput(request);
    switch (target.slice(TARGET_PREFIX.length)) {
      case 'CreateTable':
        return answer(createTable(tables, input, region, account), requestId);
      case 'PutItem': {
        const table = tableOf(tables, input.TableName);
        table.items.set(keyOf(table, input.Item), input.Item);
        return answer({}, requestId);
      }
      case 'GetItem': {
        const table = tableOf(tables, input.TableName);
        const item = table.items.get(keyOf(table, input.Key));
        return answer(item === undefined ? {} : { Item: item }, requestId);
      }
      default:
        return null;
    }
  };
}
