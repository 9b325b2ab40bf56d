/**
 * Lambda as the fake serves it (rest-json, `/2015-03-31/…`): one deployed function,
 * `tapegate-echo`, which answers `{"echo": <the event>, "handled": true}`; Invoke
 * (RequestResponse) and ListFunctions. An unknown function is Lambda's 404
 * ResourceNotFoundException.
 */
import { FakeAwsError, jsonAnswer, type FakeAnswer, type FakeRequest } from './wire.js';

export const ECHO_FUNCTION = 'tapegate-echo';

function configuration(region: string, account: string): Record<string, unknown> {
  return {
    FunctionName: ECHO_FUNCTION,
    FunctionArn: `arn:aws:lambda:${region}:${account}:function:${ECHO_FUNCTION}`,
    Runtime: 'python3.12',
    Role: `arn:aws:iam::${account}:role/tapegate-echo-role`,
    Handler: 'index.handler',
    CodeSize: 312,
    Description: 'Echoes its event',
    Timeout: 3,
    MemorySize: 128,
    LastModified: '2024-05-01T12:00:00.000+0000',
    CodeSha256: 'n2Ztbb0Pj5WbWx6b3ZR8TbUeSV1cU6FZbP3VgLk0v9c=',
    Version: '$LATEST',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
  };
}

function invoke(request: FakeRequest, name: string, requestId: string, region: string, account: string): FakeAnswer {
  if (name !== ECHO_FUNCTION && name !== `arn:aws:lambda:${region}:${account}:function:${ECHO_FUNCTION}`) {
    throw new FakeAwsError('ResourceNotFoundException', 404, `Function not found: arn:aws:lambda:${region}:${account}:function:${name}`, { Type: 'User' });
  }
  let event: unknown = null;
  try {
    event = request.body.length === 0 ? null : JSON.parse(request.body.toString('utf8'));
  } catch {
    throw new FakeAwsError('InvalidRequestContentException', 400, 'Could not parse request body into json', { Type: 'User' });
  }
  return jsonAnswer(200, { echo: event, handled: true }, 'application/json', { 'x-amzn-requestid': requestId, 'x-amz-executed-version': '$LATEST' });
}

export function lambdaService(region: string, account: string) {
  return (request: FakeRequest, requestId: string): FakeAnswer | null => {
    const segments = request.path.split('/').filter((segment) => segment !== '');
    if (segments[0] !== '2015-03-31' || segments[1] !== 'functions') return null;
    if (request.method === 'GET' && segments.length === 2) {
      return jsonAnswer(200, { Functions: [configuration(region, account)] }, 'application/json', { 'x-amzn-requestid': requestId });
    }
    if (request.method === 'POST' && segments.length === 4 && segments[3] === 'invocations') {
      return invoke(request, decodeURIComponent(segments[2] as string), requestId, region, account);
    }
    return null;
  };
}
