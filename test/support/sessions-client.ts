/**
 * A test's hands on a proxy serving sessions: the control surface over real HTTP, and SDK v3
 * clients that name their session in `x-tapegate-session`, as a per-test fixture would.
 */
import { request } from 'node:http';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import type { FakeCredentials } from './fake-apigateway/index.js';

export interface ControlAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body (every answer of the control surface is JSON). */
  json: Record<string, unknown>;
}

/** One control request: `path` under the proxy's URL, `body` sent as JSON when given. */
export function control(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ControlAnswer> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = request(`${url}${path}`, { method, headers: { ...(text === undefined ? {} : { 'content-type': 'application/json' }), ...headers } }, (res) => {
      let raw = '';
      res.setEncoding('utf8');
      res.on('data', (part: string) => (raw += part));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(raw) as Record<string, unknown> });
        } catch (error) {
          reject(new Error(`${method} ${path} answered ${res.statusCode} with a body that is not JSON: ${raw}`, { cause: error }));
        }
      });
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** Starts a session and returns its id; fails the test with the error body otherwise. */
export async function startSession(url: string, cassette: string, mode?: string): Promise<string> {
  const answer = await control(url, 'POST', '/__tapegate/sessions', { cassette, ...(mode === undefined ? {} : { mode }) });
  if (answer.status !== 201) throw new Error(`starting a session on "${cassette}" answered ${answer.status}: ${JSON.stringify(answer.json)}`);
  return answer.json.id as string;
}

/** An API Gateway v1 client whose every request names `session` (none: the default session). */
export function sessionClient(url: string, credentials: FakeCredentials, session: string | null): APIGatewayClient {
  const client = new APIGatewayClient({ endpoint: url, region: 'us-east-1', credentials: { ...credentials }, maxAttempts: 1 });
  if (session !== null) {
    // At the build step, before signing: the header is even signed, and still must go no further than the proxy.
    client.middlewareStack.add(
      (next) => (args) => {
        (args.request as { headers: Record<string, string> }).headers['x-tapegate-session'] = session;
        return next(args);
      },
      { step: 'build', name: 'tapegateSessionHeader' },
    );
  }
  return client;
}
