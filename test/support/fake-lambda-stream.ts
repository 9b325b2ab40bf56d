/**
 * A loopback stand-in for Lambda's InvokeWithResponseStream: every request to
 * `/2021-11-15/functions/{name}/response-streaming-invocations` is answered 200 with an
 * `application/vnd.amazon.eventstream` body written message by message, a few ms apart, as
 * AWS streams it: one `PayloadChunk` per payload, then `InvokeComplete`. The messages are
 * built with the SDK's own codec. `tail` appends raw bytes after the last message (a message
 * cut short, a bad checksum) to play a broken stream. No signature check (the fake S3
 * checks re-signing); 127.0.0.1, port 0.
 */
import { EventStreamCodec } from '@smithy/core/event-streams';
import type { MessageHeaders } from '@smithy/types';
import { startLoopbackServer } from './loopback-server.js';

export const codec = new EventStreamCodec(
  (bytes) => Buffer.from(bytes).toString('utf8'),
  (text) => Buffer.from(text, 'utf8'),
);

/** One event message, as Lambda sends it. */
export function eventMessage(eventType: string, payload: Uint8Array, contentType: string): Buffer {
  const headers: MessageHeaders = {
    ':message-type': { type: 'string', value: 'event' },
    ':event-type': { type: 'string', value: eventType },
    ':content-type': { type: 'string', value: contentType },
  };
  return Buffer.from(codec.encode({ headers, body: payload }));
}

export interface StreamScript {
  payloads: Buffer[];
  /** Raw bytes written after the last message. */
  tail?: Buffer;
  /** Pause between messages (default 5 ms). */
  gapMs?: number;
}

export interface FakeLambdaStream {
  url: string;
  script: StreamScript;
  /** The exact body bytes of the last answer. */
  lastBody: Buffer | null;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeLambdaStream(script: StreamScript): Promise<FakeLambdaStream> {
  const fake: FakeLambdaStream = { url: '', script, lastBody: null, close: () => Promise.resolve() };
  const loopback = await startLoopbackServer((req, res) => {
    req.resume();
    req.on('end', () => {
      void (async () => {
        if (!/^\/\d{4}-\d{2}-\d{2}\/functions\/[^/]+\/response-streaming-invocations$/.test((req.url ?? '').split('?')[0] as string)) {
          res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' }).end('{"message":"no such function"}');
          return;
        }
        const { payloads, tail, gapMs = 5 } = fake.script;
        const messages = [
          ...payloads.map((payload) => eventMessage('PayloadChunk', payload, 'application/octet-stream')),
          eventMessage('InvokeComplete', Buffer.from('{"LogResult":""}'), 'application/json'),
        ];
        if (tail) messages.push(tail);
        fake.lastBody = Buffer.concat(messages);
        res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amz-executed-version': '$LATEST', 'x-amzn-requestid': 'stream-1' });
        for (const message of messages) {
          res.write(message);
          await sleep(gapMs);
        }
        res.end();
      })();
    });
  });
  fake.url = loopback.url;
  fake.close = loopback.close;
  return fake;
}
