/**
 * An answer our wire codecs encoded (status, headers, the body as text if any), as the capture
 * server sends it and the validator reads it: a `RecordedResponse` with the body as bytes, so
 * it goes out exactly as encoded.
 */
import type { RecordedResponse } from '../../core/exchange.js';

export function recordedAnswer(encoded: { status: number; headers: Record<string, string>; body?: string }): RecordedResponse {
  return {
    status: encoded.status,
    headers: encoded.headers,
    body: encoded.body === undefined ? { kind: 'empty' } : { kind: 'bytes', bytes: Buffer.from(encoded.body) },
  };
}
