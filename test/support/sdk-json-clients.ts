/**
 * The AWS SDK for JavaScript v3 client of each bundled json-protocol service, pointed at a
 * loopback endpoint with the fake credentials of sdk-clients.ts, and its command classes by
 * operation name (`GetItem` → `GetItemCommand`).
 */
import * as cloudwatchLogs from '@aws-sdk/client-cloudwatch-logs';
import * as dynamodb from '@aws-sdk/client-dynamodb';
import * as eventbridge from '@aws-sdk/client-eventbridge';
import * as kms from '@aws-sdk/client-kms';
import * as secretsManager from '@aws-sdk/client-secrets-manager';
import * as sfn from '@aws-sdk/client-sfn';
import * as sqs from '@aws-sdk/client-sqs';
import * as ssm from '@aws-sdk/client-ssm';
import { FAKE_CREDENTIALS } from './sdk-clients.js';

export interface JsonClient {
  send(command: unknown): Promise<object>;
  destroy(): void;
}

type CommandClass = new (input: unknown) => unknown;

export interface JsonServiceSdk {
  /** The contracts' service name. */
  service: string;
  client(endpoint: string): JsonClient;
  command(operation: string): CommandClass;
}

const common = (endpoint: string) => ({ endpoint, region: 'us-east-1', credentials: { ...FAKE_CREDENTIALS }, maxAttempts: 1 });

function sdk(service: string, module: Record<string, unknown>, make: (endpoint: string) => unknown): JsonServiceSdk {
  return {
    service,
    client: (endpoint) => make(endpoint) as JsonClient,
    command: (operation) => {
      const found = module[`${operation}Command`];
      if (typeof found !== 'function') throw new Error(`${service}: the SDK has no ${operation}Command`);
      return found as CommandClass;
    },
  };
}

export const JSON_SDKS: JsonServiceSdk[] = [
  sdk('dynamodb', dynamodb, (endpoint) => new dynamodb.DynamoDBClient(common(endpoint))),
  // The canned answers carry sampled digests, and queue URLs that are not the endpoint.
  sdk('sqs', sqs, (endpoint) => new sqs.SQSClient({ ...common(endpoint), md5: false, useQueueUrlAsEndpoint: false })),
  sdk('secretsmanager', secretsManager, (endpoint) => new secretsManager.SecretsManagerClient(common(endpoint))),
  sdk('kms', kms, (endpoint) => new kms.KMSClient(common(endpoint))),
  sdk('events', eventbridge, (endpoint) => new eventbridge.EventBridgeClient(common(endpoint))),
  sdk('stepfunctions', sfn, (endpoint) => new sfn.SFNClient(common(endpoint))),
  sdk('logs', cloudwatchLogs, (endpoint) => new cloudwatchLogs.CloudWatchLogsClient(common(endpoint))),
  sdk('ssm', ssm, (endpoint) => new ssm.SSMClient(common(endpoint))),
];
