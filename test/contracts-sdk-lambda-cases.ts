/**
 * Lambda (`lambda`, rest-json) operations driven through the real SDK with realistic inputs:
 * functions, aliases, versions, permissions, event source mappings, layers, concurrency,
 * URLs, tags (an ARN as a URI label, percent-encoded by the SDK) and a query literal
 * (`?List=ALL`, `?find=LayerVersion`). Lambda's wire names are its SDK member names, so the
 * cases check where a member travels (label, query, header, body) more than how it is spelled.
 */
import * as lambda from '@aws-sdk/client-lambda';
import { expect } from 'vitest';
import { bodyOf, type SdkCase } from './support/sdk-case.js';

type Case = SdkCase<lambda.LambdaClient>;

const fn = { FunctionName: 'orders-api' };
const role = 'arn:aws:iam::123456789012:role/orders-api';
const functionArn = 'arn:aws:lambda:us-east-1:123456789012:function:orders-api';
const layerArn = 'arn:aws:lambda:us-east-1:123456789012:layer:shared-libs';
const queueArn = 'arn:aws:sqs:us-east-1:123456789012:orders';

export const LAMBDA_CASES: Case[] = [
  {
    operation: 'lambda.ListFunctions',
    send: (c) => c.send(new lambda.ListFunctionsCommand({ MaxItems: 10, Marker: 'next-page' })),
    request: (request) => expect(request.query).toEqual({ MaxItems: ['10'], Marker: ['next-page'] }),
  },
  {
    operation: 'lambda.CreateFunction',
    send: (c) =>
      c.send(
        new lambda.CreateFunctionCommand({
          ...fn,
          Runtime: 'nodejs20.x',
          Role: role,
          Handler: 'index.handler',
          Code: { ZipFile: new TextEncoder().encode('PK zip bytes') },
          Timeout: 30,
          MemorySize: 256,
          Environment: { Variables: { TABLE: 'orders' } },
          Architectures: ['arm64'],
          Tags: { team: 'orders' },
        }),
      ),
    request: (request) => {
      const body = bodyOf(request);
      expect(body.FunctionName).toBe('orders-api');
      expect(body.Code).toEqual({ ZipFile: Buffer.from('PK zip bytes').toString('base64') });
    },
  },
  {
    operation: 'lambda.GetFunction',
    send: (c) => c.send(new lambda.GetFunctionCommand({ ...fn, Qualifier: 'live' })),
    request: (request, labels) => {
      expect(labels).toEqual({ FunctionName: 'orders-api' });
      expect(request.query).toEqual({ Qualifier: ['live'] });
    },
  },
  {
    operation: 'lambda.GetFunctionConfiguration',
    send: (c) => c.send(new lambda.GetFunctionConfigurationCommand({ FunctionName: functionArn })),
    // The ARN as a label: the SDK percent-encodes its colons, the router decodes them.
    request: (request, labels) => {
      expect(request.path).toBe('/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aorders-api/configuration');
      expect(labels).toEqual({ FunctionName: functionArn });
    },
  },
  {
    operation: 'lambda.UpdateFunctionConfiguration',
    send: (c) => c.send(new lambda.UpdateFunctionConfigurationCommand({ ...fn, MemorySize: 512, Timeout: 60, Description: 'orders API' })),
    request: (request) => expect(bodyOf(request)).toEqual({ MemorySize: 512, Timeout: 60, Description: 'orders API' }),
  },
  {
    operation: 'lambda.UpdateFunctionCode',
    send: (c) => c.send(new lambda.UpdateFunctionCodeCommand({ ...fn, S3Bucket: 'artifacts', S3Key: 'orders-api.zip', Publish: true })),
  },
  {
    operation: 'lambda.DeleteFunction',
    send: (c) => c.send(new lambda.DeleteFunctionCommand({ ...fn, Qualifier: '3' })),
  },
  {
    operation: 'lambda.PublishVersion',
    send: (c) => c.send(new lambda.PublishVersionCommand({ ...fn, Description: 'release 3' })),
  },
  {
    operation: 'lambda.ListVersionsByFunction',
    send: (c) => c.send(new lambda.ListVersionsByFunctionCommand({ ...fn, MaxItems: 5 })),
  },
  {
    operation: 'lambda.CreateAlias',
    send: (c) => c.send(new lambda.CreateAliasCommand({ ...fn, Name: 'live', FunctionVersion: '3', RoutingConfig: { AdditionalVersionWeights: { '4': 0.1 } } })),
    request: (request) => expect(bodyOf(request).RoutingConfig).toEqual({ AdditionalVersionWeights: { '4': 0.1 } }),
  },
  {
    operation: 'lambda.GetAlias',
    send: (c) => c.send(new lambda.GetAliasCommand({ ...fn, Name: 'live' })),
    request: (_, labels) => expect(labels).toEqual({ FunctionName: 'orders-api', Name: 'live' }),
  },
  {
    operation: 'lambda.UpdateAlias',
    send: (c) => c.send(new lambda.UpdateAliasCommand({ ...fn, Name: 'live', FunctionVersion: '4', RevisionId: 'rev-1' })),
  },
  {
    operation: 'lambda.DeleteAlias',
    send: (c) => c.send(new lambda.DeleteAliasCommand({ ...fn, Name: 'canary' })),
  },
  {
    operation: 'lambda.ListAliases',
    send: (c) => c.send(new lambda.ListAliasesCommand({ ...fn, FunctionVersion: '3' })),
  },
  {
    operation: 'lambda.AddPermission',
    send: (c) =>
      c.send(
        new lambda.AddPermissionCommand({
          ...fn,
          StatementId: 'apigw-invoke',
          Action: 'lambda:InvokeFunction',
          Principal: 'apigateway.amazonaws.com',
          SourceArn: 'arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/GET/orders',
        }),
      ),
  },
  {
    operation: 'lambda.GetPolicy',
    send: (c) => c.send(new lambda.GetPolicyCommand(fn)),
  },
  {
    operation: 'lambda.RemovePermission',
    send: (c) => c.send(new lambda.RemovePermissionCommand({ ...fn, StatementId: 'apigw-invoke' })),
    request: (_, labels) => expect(labels).toEqual({ FunctionName: 'orders-api', StatementId: 'apigw-invoke' }),
  },
  {
    operation: 'lambda.Invoke',
    send: (c) => c.send(new lambda.InvokeCommand({ ...fn, InvocationType: 'RequestResponse', LogType: 'Tail', Payload: new TextEncoder().encode('{"order":42}') })),
    request: (request) => {
      expect(request.headers['x-amz-invocation-type']).toBe('RequestResponse');
      expect(request.headers['x-amz-log-type']).toBe('Tail');
    },
  },
  {
    operation: 'lambda.CreateEventSourceMapping',
    send: (c) => c.send(new lambda.CreateEventSourceMappingCommand({ ...fn, EventSourceArn: queueArn, BatchSize: 10, Enabled: true })),
  },
  {
    operation: 'lambda.ListEventSourceMappings',
    send: (c) => c.send(new lambda.ListEventSourceMappingsCommand({ EventSourceArn: queueArn })),
    request: (request) => expect(request.query).toEqual({ EventSourceArn: [queueArn] }),
  },
  {
    operation: 'lambda.GetEventSourceMapping',
    send: (c) => c.send(new lambda.GetEventSourceMappingCommand({ UUID: '6f0c2a1e-0000-4000-8000-00000000beef' })),
  },
  {
    operation: 'lambda.DeleteEventSourceMapping',
    send: (c) => c.send(new lambda.DeleteEventSourceMappingCommand({ UUID: '6f0c2a1e-0000-4000-8000-00000000beef' })),
  },
  {
    operation: 'lambda.PutFunctionConcurrency',
    send: (c) => c.send(new lambda.PutFunctionConcurrencyCommand({ ...fn, ReservedConcurrentExecutions: 20 })),
  },
  {
    operation: 'lambda.GetFunctionConcurrency',
    send: (c) => c.send(new lambda.GetFunctionConcurrencyCommand(fn)),
  },
  {
    operation: 'lambda.ListProvisionedConcurrencyConfigs',
    send: (c) => c.send(new lambda.ListProvisionedConcurrencyConfigsCommand(fn)),
    // The query literal `?List=ALL` of the model's URI, which tells this operation from GetProvisionedConcurrencyConfig.
    request: (request) => expect(request.query.List).toEqual(['ALL']),
  },
  {
    operation: 'lambda.GetProvisionedConcurrencyConfig',
    send: (c) => c.send(new lambda.GetProvisionedConcurrencyConfigCommand({ ...fn, Qualifier: 'live' })),
  },
  {
    operation: 'lambda.PublishLayerVersion',
    send: (c) =>
      c.send(
        new lambda.PublishLayerVersionCommand({
          LayerName: 'shared-libs',
          Content: { S3Bucket: 'artifacts', S3Key: 'layer.zip' },
          CompatibleRuntimes: ['nodejs20.x', 'python3.12'],
        }),
      ),
  },
  {
    operation: 'lambda.GetLayerVersionByArn',
    send: (c) => c.send(new lambda.GetLayerVersionByArnCommand({ Arn: `${layerArn}:3` })),
    request: (request) => expect(request.query).toEqual({ find: ['LayerVersion'], Arn: [`${layerArn}:3`] }),
  },
  {
    operation: 'lambda.ListLayers',
    send: (c) => c.send(new lambda.ListLayersCommand({ CompatibleRuntime: 'nodejs20.x' })),
  },
  {
    operation: 'lambda.CreateFunctionUrlConfig',
    send: (c) => c.send(new lambda.CreateFunctionUrlConfigCommand({ ...fn, AuthType: 'AWS_IAM', Cors: { AllowOrigins: ['https://shop.example'], MaxAge: 300 } })),
  },
  {
    operation: 'lambda.GetAccountSettings',
    send: (c) => c.send(new lambda.GetAccountSettingsCommand({})),
  },
  {
    operation: 'lambda.TagResource',
    send: (c) => c.send(new lambda.TagResourceCommand({ Resource: functionArn, Tags: { team: 'orders', stage: 'prod' } })),
    request: (_, labels) => expect(labels).toEqual({ Resource: functionArn }),
  },
  {
    operation: 'lambda.ListTags',
    send: (c) => c.send(new lambda.ListTagsCommand({ Resource: functionArn })),
  },
  {
    operation: 'lambda.UntagResource',
    send: (c) => c.send(new lambda.UntagResourceCommand({ Resource: functionArn, TagKeys: ['stage', 'team'] })),
    request: (request) => expect(request.query).toEqual({ tagKeys: ['stage', 'team'] }),
  },
];

/** A declared error the SDK must raise as its own class. */
export const LAMBDA_ERROR = { operation: 'GetFunction', error: 'ResourceNotFoundException' } as const;
