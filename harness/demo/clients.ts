/**
 * SDK clients for a tapegate endpoint. In replay no credentials are needed, but the SDK
 * insists on signing, so it gets obviously fake ones that can reach nothing real.
 */
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import type { SeedClients } from './seed-scenario.js';

// The SDK warns on Node 20 that releases after January 2027 need Node 22; the lockfile pins
// releases that run here, so the warning would only drown the demo's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export const REPLAY_CREDENTIALS = { accessKeyId: 'TAPEGATEREPLAYONLY', secretAccessKey: 'tapegate-replay-needs-no-secret' };

export function clientsFor(endpoint: string, options: { region?: string; credentials?: typeof REPLAY_CREDENTIALS } = {}): SeedClients {
  const config = { endpoint, region: options.region ?? 'us-east-1', credentials: options.credentials ?? REPLAY_CREDENTIALS, maxAttempts: 1 };
  return { v1: new APIGatewayClient(config), v2: new ApiGatewayV2Client(config) };
}
