/**
 * One HTTP request to a proxy under attack, on a fresh connection, bounded in time: a proxy
 * that died or hangs fails the test within `timeoutMs` instead of stalling the run.
 */
import { request } from 'node:http';

export interface SentRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  timeoutMs?: number;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The body as JSON when it is; undefined otherwise. */
  json: unknown;
}

/** A SigV4-looking Authorization header (never a real key's shape) so routing sees a scope. */
export const SIGNED = {
  authorization: 'AWS4-HMAC-SHA256 Credential=AKIDSECURITYTEST/20260101/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=00',
};

export function send(baseUrl: string, sent: SentRequest): Promise<Answer> {
  const timeoutMs = sent.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const req = request(baseUrl + sent.path, { method: sent.method ?? 'GET', headers: sent.headers, agent: false, signal: AbortSignal.timeout(timeoutMs) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        let json: unknown;
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(sent.body);
  });
}

/** `[[[…]]]` (or `{"a":{"a":…}}`) nested `depth` levels. */
export function nestedJson(depth: number, kind: 'array' | 'object' = 'array'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}
