/**
 * Real SDK v3 clients pointed straight at a fake (no proxy): region us-east-1 unless told, the fake's
 * credentials unless others are given, one attempt so an error reaches the test unretried.
 */
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { FAKE_APIGATEWAY_CREDENTIALS } from './server.js';
import type { FakeCredentials } from './sigv4-verify.js';

export interface FakeClients {
  v1: APIGatewayClient;
  v2: ApiGatewayV2Client;
  /** Closes the clients' keep-alive sockets. */
  destroy(): void;
}

export function sdkClients(endpoint: string, credentials: FakeCredentials = FAKE_APIGATEWAY_CREDENTIALS, region = 'us-east-1'): FakeClients {
  const config = { endpoint, region, credentials: { ...credentials }, maxAttempts: 1 };
  const v1 = new APIGatewayClient(config);
  const v2 = new ApiGatewayV2Client(config);
  return {
    v1,
    v2,
    destroy() {
      v1.destroy();
      v2.destroy();
    },
  };
}
