/**
 * One recorded HTTP exchange, as the validator, the matcher, the store and the proxy see it.
 * Header names are lower-case; query values keep their order and repetitions.
 */

/** `encoding` records a `Content-Encoding` the body was decompressed from. */
export type ContentEncoding = 'gzip' | 'deflate' | 'br';

export type Body =
  | { kind: 'empty' }
  /**
   * JSON stored parsed. `raw` holds the original text only when `JSON.stringify(value)`
   * would not reproduce it byte for byte (whitespace, number formatting, big integers).
   */
  | { kind: 'json'; value: unknown; raw?: string; encoding?: ContentEncoding }
  /** `frames`: only on an `application/vnd.amazon.eventstream` answer (format 4 on). */
  | { kind: 'bytes'; bytes: Uint8Array; encoding?: ContentEncoding; frames?: EventStreamFrames };

/**
 * How an event stream answer (`application/vnd.amazon.eventstream`: Lambda
 * InvokeWithResponseStream, S3 SelectObjectContent) came: its messages, in order, back to back
 * from the body's first byte. Replay writes each message as its own chunk. Bytes after the
 * last whole message (a message cut short, or one whose checksum or framing is wrong) are
 * kept as they came and `problem` says what they are.
 */
export interface EventStreamFrames {
  /** Byte length of each whole message. */
  lengths: number[];
  /** When each message's last byte arrived, in ms after the answer's headers. */
  atMs: number[];
  problem?: string;
}

export interface RecordedRequest {
  method: string;
  /**
   * Path as sent on the wire, percent-encoding kept, without the query string; in path style
   * (`/bucket/key`) when `addressing` says the bucket came in the Host.
   */
  path: string;
  /**
   * `virtual-hosted`: an S3 request that named its bucket in the Host (`bucket.localhost:PORT`,
   * `bucket.s3.us-east-1.amazonaws.com`). Such a request is kept path-style, the bucket moved
   * to the front of `path`, because the Host is never kept (its port and endpoint change from
   * run to run) and the bucket is part of the request's identity. Absent: `path` is as sent
   * (format 5 on; older cassettes never have it).
   */
  addressing?: 'virtual-hosted';
  /** Decoded query parameters; a repeated name keeps every value in order. */
  query: Record<string, string[]>;
  /** Kept headers only (never Authorization, tokens, cookies), lower-case names. */
  headers: Record<string, string>;
  body: Body;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: Body;
}

export interface Exchange {
  /** Position in the cassette, from 0. */
  seq: number;
  /** `service.Operation` as the router named it, or null when no operation matched. */
  operation: string | null;
  /**
   * The SigV4 signing name of the request's credential scope (`apigateway`, `cognito-idp`,
   * `sts`), kept at record time because `Authorization` never is; absent when the request
   * carried no scope, and in cassettes written before format version 3.
   */
  service?: string;
  /**
   * True when the request went to --upstream unsigned, as it came: it carried no signature
   * and is no AWS operation (an emulator's own `POST /moto-api/reset`). Absent otherwise.
   */
  unsigned?: true;
  request: RecordedRequest;
  response: RecordedResponse;
  timing: {
    /** ISO 8601 time the request arrived. */
    startedAt: string;
    /** Time until the response was complete, in milliseconds. */
    durationMs: number;
  };
}
