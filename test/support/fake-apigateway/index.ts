/** The fake API Gateway for end-to-end tests: see server.ts (and faults.ts for fault injection). */
export { startFakeApiGateway, FAKE_APIGATEWAY_CREDENTIALS, type FakeApiGateway, type FakeApiGatewayOptions } from './server.js';
export type { FakeExchange } from './exchange-log.js';
export type { FaultOptions, FaultTarget, FaultRequest, InjectedError } from './faults.js';
export type { FakeCredentials } from './sigv4-verify.js';
export type { FakeState } from './state.js';
export type { SignatureCounts } from './answer.js';
export { sdkClients, type FakeClients } from './clients.js';
export { failure, type SdkFailure } from './sdk-failure.js';
export { restApiWithMockIntegration } from './v1-scenario.js';
