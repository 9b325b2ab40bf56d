/**
 * A fake multi-service AWS on 127.0.0.1, port 0, for end-to-end runs of real clients through
 * the recording proxy: S3, DynamoDB, SQS, STS and Lambda behind one URL, each request sent to
 * the service its SigV4 credential scope names (as one `--upstream` receives every service).
 * Every signature is checked with `aws4` (see ../fake-apigateway/sigv4-verify.ts), so a proxy
 * that re-signs a service wrongly is caught; a failed check is answered as that service would.
 */
import { AwsError } from '../fake-apigateway/aws-error.js';
import { verifySigV4, type FakeCredentials } from '../fake-apigateway/sigv4-verify.js';
import { startLoopbackServer } from '../loopback-server.js';
import { readRequestBody } from '../read-request-body.js';
import { DYNAMODB_ERROR_PREFIX, dynamodbService, type DynamoTables } from './dynamodb.js';
import { lambdaService } from './lambda.js';
import { s3Service, type S3Buckets } from './s3.js';
import { SQS_ERROR_PREFIX, sqsProtocolOf, sqsService, type SqsQueues } from './sqs.js';
import { stsService } from './sts.js';
import { errorAnswer, FakeAwsError, type FakeAnswer, type FakeRequest, type FakeService, type Protocol } from './wire.js';

/** Obviously fake; never valid at AWS. */
export const FAKE_AWS_CREDENTIALS: FakeCredentials = { accessKeyId: 'AKIDFAKEAWSLOOPBACK', secretAccessKey: 'fake-aws-secret-for-loopback-tests' };
export const FAKE_AWS_ACCOUNT = '123456789012';

export interface FakeAwsRequestLog {
  /** The signing name of the credential scope (`s3`, `dynamodb`, …), or null without one. */
  service: string | null;
  method: string;
  /** The Host as it arrived (a virtual-hosted S3 request's bucket is in it). */
  host: string;
  path: string;
  status: number;
}

export interface FakeAws {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Every request, in order. */
  readonly requests: FakeAwsRequestLog[];
  /** Requests whose signature verified / was rejected (with AWS's message). */
  readonly signatures: { verified: number; rejected: string[] };
  close(): Promise<void>;
}

interface ServiceEntry {
  serve: FakeService;
  protocol: (request: FakeRequest) => Protocol;
  jsonErrorPrefix?: string;
}

/** The service of the credential scope (`Credential=AKID/20240101/us-east-1/s3/aws4_request`). */
function scopeServiceOf(request: FakeRequest): string | null {
  const authorization = request.headers.authorization;
  const match = typeof authorization === 'string' ? /Credential=[^/,]+\/\d{8}\/[^/,]+\/([^/,]+)\/aws4_request/.exec(authorization) : null;
  return match?.[1] ?? null;
}

export async function startFakeAws(credentials: FakeCredentials = FAKE_AWS_CREDENTIALS, region = 'us-east-1'): Promise<FakeAws> {
  const account = FAKE_AWS_ACCOUNT;
  const services: Record<string, ServiceEntry> = {
    s3: { serve: s3Service(new Map() as S3Buckets), protocol: () => 'rest-xml' },
    dynamodb: { serve: dynamodbService(new Map() as DynamoTables, region, account), protocol: () => 'json', jsonErrorPrefix: DYNAMODB_ERROR_PREFIX },
    sqs: { serve: sqsService(new Map() as SqsQueues, region, account), protocol: sqsProtocolOf, jsonErrorPrefix: SQS_ERROR_PREFIX },
    sts: { serve: stsService(account), protocol: () => 'query' },
    lambda: { serve: lambdaService(region, account), protocol: () => 'rest-json' },
  };
  const requests: FakeAwsRequestLog[] = [];
  const signatures = { verified: 0, rejected: [] as string[] };
  let answered = 0;

  function answer(request: FakeRequest, service: string | null): FakeAnswer {
    const requestId = `fake-${String(++answered).padStart(6, '0')}`;
    const entry = service === null ? undefined : services[service];
    if (service === null || entry === undefined) {
      const error = new FakeAwsError(
        'UnrecognizedClientException',
        403,
        `The fake AWS serves ${Object.keys(services).join(', ')}; this request is signed for ${service ?? 'no service'}.`,
      );
      return errorAnswer('json', error, requestId);
    }
    const protocol = entry.protocol(request);
    try {
      verifySigV4({ method: request.method, url: request.url, headers: request.headers, body: request.body }, credentials, region, service);
      signatures.verified++;
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      signatures.rejected.push(error.message);
      const code = protocol === 'rest-xml' || protocol === 'query' ? 'SignatureDoesNotMatch' : error.type;
      return errorAnswer(protocol, new FakeAwsError(code, 403, error.message), requestId, entry.jsonErrorPrefix);
    }
    try {
      const served = entry.serve(request, requestId);
      if (served !== null) return served;
      const unknown =
        protocol === 'query'
          ? new FakeAwsError('InvalidAction', 400, `The action or operation requested is not served by the fake ${service}.`)
          : new FakeAwsError('UnknownOperationException', 400, `${request.method} ${request.path} is not an operation the fake ${service} serves.`);
      return errorAnswer(protocol, unknown, requestId, entry.jsonErrorPrefix);
    } catch (error) {
      if (error instanceof FakeAwsError) return errorAnswer(protocol, error, requestId, entry.jsonErrorPrefix);
      throw error;
    }
  }

  const { url, close } = await startLoopbackServer((incoming, response) => {
    void readRequestBody(incoming).then((body) => {
      const url = incoming.url ?? '/';
      const queryAt = url.indexOf('?');
      const request: FakeRequest = {
        method: incoming.method ?? 'GET',
        url,
        path: queryAt < 0 ? url : url.slice(0, queryAt),
        query: new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1)),
        headers: incoming.headers,
        body,
      };
      const service = scopeServiceOf(request);
      const result = answer(request, service);
      requests.push({ service, method: request.method, host: incoming.headers.host ?? '', path: request.path, status: result.status });
      response.writeHead(result.status, result.headers);
      // A HEAD answer has the headers of its GET and never a body, errors included.
      response.end(request.method === 'HEAD' ? undefined : result.body);
    });
  });
  return { url, requests, signatures, close };
}
