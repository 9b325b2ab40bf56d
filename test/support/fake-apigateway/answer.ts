/**
 * From a request that arrived to the answer AWS would give, in AWS's order: the signature
 * first (403s), then an injected error, then routing (404 UnknownOperationException for a
 * path no operation takes, 501 NotImplemented for an operation the fake lacks), then the
 * operation itself. Everything here is synchronous, so a request is processed atomically.
 */
import { randomUUID } from 'node:crypto';
import type { RouteMatch } from '../../../contracts/router.js';
import { AwsError } from './aws-error.js';
import { injectedAwsError, type InjectedError } from './faults.js';
import { parseJsonBody } from './input.js';
import { OPERATIONS } from './operations.js';
import { verifySigV4, type ArrivedRequest, type FakeCredentials } from './sigv4-verify.js';
import type { FakeState } from './state.js';
import { queryOf } from './exchange-log.js';

export interface Answer {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface SignatureCounts {
  verified: number;
  rejected: number;
}

export interface AnswerContext {
  state: FakeState;
  credentials: FakeCredentials;
  region: string;
  /** Injected errors waiting for the next requests, head first. */
  pendingErrors: InjectedError[];
  signatures: SignatureCounts;
}

function baseHeaders(): Record<string, string> {
  return { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() };
}

export function jsonAnswer(status: number, body: unknown): Answer {
  const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body), 'utf8');
  return { status, headers: { ...baseHeaders(), 'content-length': String(bytes.length) }, body: bytes };
}

export function errorAnswer(error: AwsError): Answer {
  const answer = jsonAnswer(error.status, error.body);
  answer.headers['x-amzn-errortype'] = error.errorTypeHeader;
  Object.assign(answer.headers, error.headers);
  return answer;
}

export function answerRequest(arrived: ArrivedRequest, route: RouteMatch | null, context: AnswerContext): Answer {
  try {
    try {
      verifySigV4(arrived, context.credentials, context.region);
      context.signatures.verified++;
    } catch (error) {
      context.signatures.rejected++;
      throw error;
    }
    const injected = context.pendingErrors.shift();
    if (injected) throw injectedAwsError(injected);
    if (!route) throw new AwsError('UnknownOperationException', 404, `No API Gateway operation takes ${arrived.method} ${arrived.url}`);
    const handler = OPERATIONS.get(route.operation);
    if (!handler) {
      throw new AwsError('NotImplemented', 501, `The fake API Gateway does not implement ${route.operation}`);
    }
    const result = handler({
      labels: route.labels,
      query: queryOf(arrived.url),
      body: parseJsonBody(arrived.body),
      state: context.state,
    });
    return jsonAnswer(result.status, result.body);
  } catch (error) {
    if (error instanceof AwsError) return errorAnswer(error);
    // A bug in the fake, not an AWS behaviour: say so loudly, with the stack.
    const failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return errorAnswer(new AwsError('InternalFailure', 500, `fake API Gateway failed: ${failure}`));
  }
}
