/** The fake multi-service AWS (S3, DynamoDB, SQS, STS, Lambda) for end-to-end tests: see server.ts. */
export { startFakeAws, FAKE_AWS_CREDENTIALS, FAKE_AWS_ACCOUNT, type FakeAws, type FakeAwsRequestLog } from './server.js';
export { ECHO_FUNCTION } from './lambda.js';
