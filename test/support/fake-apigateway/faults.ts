/**
 * Fault injection, for tests of what a client or proxy does when AWS misbehaves.
 *
 * Transport faults (`fake.faults`, a live object: change it between requests):
 *  - `closeMidResponse`: the request is processed (state changes happen), then the status
 *    line, the headers (with the full Content-Length) and half of the body are written and
 *    the socket is destroyed. The client sees a truncated response, as after a network cut.
 *  - `neverAnswer`: the request is read and held, unprocessed, without an answer; the fake
 *    emits `held` on `fake.events`. The socket stays open until the client gives up or
 *    `close()` destroys it.
 *  - `delayMs`: every answer waits this long before being written, after the fake emits
 *    `delayed` (never assert on the time: it only makes "slow" happen, e.g. to test a client
 *    timeout or concurrency). `close()` drops delayed answers.
 * `closeMidResponse` and `neverAnswer` take `true` (every request), an operation id
 * (`'apigateway.GetResources'`) or a predicate over the request.
 *
 * Injected AWS errors (`fake.failNext(...)`, or `POST /__fake/next-error` with the same JSON,
 * which needs no signature): a queue; the next signed request to an AWS path consumes the head
 * of the queue and fails with it, before any state changes. TooManyRequestsException gets a
 * `Retry-After` header (default "1"); any error gets one when `retryAfterSeconds` is given.
 */
import { AwsError } from './aws-error.js';

export interface FaultRequest {
  /** Router operation id, or null for a path no operation takes. */
  operation: string | null;
  method: string;
  path: string;
}

export type FaultTarget = boolean | string | ((request: FaultRequest) => boolean);

export interface FaultOptions {
  closeMidResponse?: FaultTarget;
  neverAnswer?: FaultTarget;
  delayMs?: number;
}

export function hits(target: FaultTarget | undefined, request: FaultRequest): boolean {
  if (target === undefined || target === false) return false;
  if (target === true) return true;
  if (typeof target === 'string') return request.operation === target;
  return target(request);
}

export interface InjectedError {
  /** Error type, e.g. `TooManyRequestsException`, `LimitExceededException`. */
  type: string;
  status: number;
  message?: string;
  /** Sent as the `Retry-After` header. */
  retryAfterSeconds?: string;
}

/** Reads the JSON of a control request; the reason when it is not a usable InjectedError. */
export function parseInjectedError(value: unknown): InjectedError | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object {type, status}';
  const { type, status, message, retryAfterSeconds } = value as Record<string, unknown>;
  if (typeof type !== 'string' || !/^[A-Za-z][A-Za-z0-9]*$/.test(type)) return '"type" must be an error type name';
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) return '"status" must be an integer 400-599';
  if (message !== undefined && typeof message !== 'string') return '"message" must be a string';
  if (retryAfterSeconds !== undefined && typeof retryAfterSeconds !== 'string') return '"retryAfterSeconds" must be a string';
  return { type, status, ...(message !== undefined ? { message } : {}), ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };
}

const DEFAULT_MESSAGES: Record<string, string> = {
  TooManyRequestsException: 'Too Many Requests',
  LimitExceededException: 'Limit Exceeded',
};

export function injectedAwsError(injected: InjectedError): AwsError {
  const retryAfter = injected.retryAfterSeconds ?? (injected.type === 'TooManyRequestsException' ? '1' : undefined);
  return new AwsError(injected.type, injected.status, injected.message ?? DEFAULT_MESSAGES[injected.type] ?? `Injected ${injected.type}`, {
    headers: retryAfter !== undefined ? { 'retry-after': retryAfter } : {},
  });
}
