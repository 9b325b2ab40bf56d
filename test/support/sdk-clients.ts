/**
 * Real AWS SDK for JavaScript v3 clients for API Gateway v1 and v2, pointed at a loopback
 * endpoint. The credentials are obviously fake: the SDK signs with them (so requests look like
 * real ones, `authorization` and all) but nothing ever leaves 127.0.0.1. One attempt only, so
 * a bad canned response fails the test at once instead of being retried.
 */
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';

export const FAKE_CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'fake-secret-key-for-loopback-tests-only',
} as const;

const common = (endpoint: string) => ({
  endpoint,
  region: 'us-east-1',
  credentials: { ...FAKE_CREDENTIALS },
  maxAttempts: 1,
});

export function apiGatewayClient(endpoint: string): APIGatewayClient {
  return new APIGatewayClient(common(endpoint));
}

export function apiGatewayV2Client(endpoint: string): ApiGatewayV2Client {
  return new ApiGatewayV2Client(common(endpoint));
}
