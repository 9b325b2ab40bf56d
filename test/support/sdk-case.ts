/**
 * One contract-vs-SDK case: send a real SDK command to the capture server, which answers with
 * the canned success response the contract promises; then check both directions:
 *  - the request the SDK built routes to the expected operation and validates cleanly;
 *  - the canned response validates cleanly (the sampler and the contract agree) and the SDK
 *    parsed it into the members the contract maps it to.
 */
import { expect } from 'vitest';
import type { RecordedRequest } from '../../core/exchange.js';
import type { Finding } from '../../core/findings.js';
import type { Validator } from '../../contracts/validator.js';
import type { CaptureServer } from './capture-server.js';
import { cannedSuccess } from './sample-from-schema.js';
import { outputMismatches } from './sdk-output.js';

/** Outputs and bodies are checked by hand in cases: members are read as `unknown`, nested ones through `at`. */
export type Loose = Record<string, unknown>;

/** `value` as an object whose members a case reads; a TypeError (as `value.member` would throw) when it is not one. */
export function members(value: unknown): Loose {
  if (typeof value !== 'object' || value === null) throw new TypeError(`expected an object, got ${value === null ? 'null' : typeof value}`);
  return value as Loose;
}

/** `value[key0][key1]…`, each step through `members`: `at(out, 'Items', 0, 'CreatedDate')`. */
export function at(value: unknown, ...keys: (string | number)[]): unknown {
  return keys.reduce<unknown>((here, key) => members(here)[key], value);
}

/** The JSON body the SDK sent, as an object (a TypeError when it sent none). */
export function bodyOf(request: RecordedRequest): Loose {
  return members(request.body.kind === 'json' ? request.body.value : undefined);
}

export interface SdkCase<Client> {
  /** The operation id the request must route to, e.g. `apigateway.GetRestApis`. */
  operation: string;
  send(client: Client): Promise<object>;
  /** Checks of the captured request beyond routing and validation (labels as the router decoded them). */
  request?(request: RecordedRequest, labels: Record<string, string>): void;
  /** Checks of the parsed output beyond the top-level member mapping; `sampled` is the canned JSON body. */
  output?(output: Loose, sampled: Loose): void;
}

export async function exerciseCase<Client>(testCase: SdkCase<Client>, client: Client, server: CaptureServer, validator: Validator): Promise<void> {
  const { operation } = testCase;
  const contract = validator.contracts.operations.get(operation);
  const service = validator.contracts.serviceOf.get(operation);
  if (!contract || !service) throw new Error(`no contract for ${operation}`);
  const canned = cannedSuccess(contract, service);
  server.respondWith(() => canned.response);
  const before = server.requests.length;

  const output = members(await testCase.send(client));

  expect(server.requests.length, 'the SDK sent exactly one request').toBe(before + 1);
  const request = server.requests[before]!;
  const route = validator.router.route(request);
  expect(route?.operation, `${request.method} ${request.path} routes to ${operation}`).toBe(operation);
  expect(request.headers.authorization, 'the SDK signed the request').toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);

  const requestFindings = validator.validate({ request }, operation);
  expect(requestFindings, `request findings for ${operation}:\n${show(requestFindings)}\nrequest: ${showRequest(request)}`).toEqual([]);
  const responseFindings = validator.validate({ request, response: canned.response }, operation).filter((f) => f.side === 'response');
  expect(responseFindings, `canned response findings for ${operation}:\n${show(responseFindings)}`).toEqual([]);

  expect(outputMismatches(output, contract, service, canned), `SDK output of ${operation}`).toEqual([]);
  testCase.request?.(request, route?.labels ?? {});
  testCase.output?.(output, members(canned.sampled ?? {}));
}

function show(findings: Finding[]): string {
  return findings.map((f) => `  ${f.severity} ${f.code} ${f.path}: ${f.message}`).join('\n') || '  (none)';
}

function showRequest(request: RecordedRequest): string {
  const body = request.body.kind === 'json' ? JSON.stringify(request.body.value) : request.body.kind;
  return `${request.method} ${request.path} ${JSON.stringify(request.query)} ${body}`;
}
