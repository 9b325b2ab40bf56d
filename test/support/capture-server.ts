/**
 * A loopback HTTP server that stands where AWS would: it records every request a client sends,
 * as the validator sees requests (`RecordedRequest`), and answers with whatever the test's
 * responder returns. Listens on 127.0.0.1 port 0; `close()` also ends keep-alive sockets, which
 * the SDKs' agents hold open, so a test never leaves a server behind.
 *
 * Unlike a cassette, the captured headers are kept whole (the dummy `authorization` included):
 * nothing here is persisted, and the signature is the proof that the SDK signed the request.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Body, RecordedRequest, RecordedResponse } from '../../core/exchange.js';
import { splitTarget } from '../../proxy/steps/read.js';
import { startLoopbackServer } from './loopback-server.js';

export type Responder = (request: RecordedRequest) => RecordedResponse | Promise<RecordedResponse>;

export interface CaptureServer {
  /** `http://127.0.0.1:<port>`, for an SDK's `endpoint`. */
  readonly url: string;
  /** The node:http server itself, for tests of the capture server's own behaviour. */
  readonly httpServer: Server;
  /** Every request received, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Replaces the responder for the requests that follow. */
  respondWith(responder: Responder): void;
  close(): Promise<void>;
}

const emptyOk: Responder = () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: { kind: 'json', value: {} } });

export async function startCaptureServer(responder: Responder = emptyOk): Promise<CaptureServer> {
  const requests: RecordedRequest[] = [];
  let respond = responder;
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      try {
        const request = await toRecordedRequest(incoming);
        requests.push(request);
        const response = await respond(request);
        const bytes = bodyBytes(response.body);
        outgoing.writeHead(response.status, { ...response.headers, 'content-length': String(bytes.length) });
        outgoing.end(bytes);
      } catch (error) {
        // A broken responder is a broken test: answer 599 so the SDK fails loudly, with the reason.
        outgoing.writeHead(599, { 'content-type': 'text/plain' });
        outgoing.end(`capture server failed: ${(error as Error).stack ?? String(error)}`);
      }
    })();
  });
  const loopback = await startLoopbackServer(server);
  return {
    url: loopback.url,
    httpServer: server,
    requests,
    respondWith(next) {
      respond = next;
    },
    close: loopback.close,
  };
}

async function toRecordedRequest(incoming: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  // The proxy's own split: RFC 3986 decoding (`+` stays a plus, as SigV4 reads it), repeated names kept, `__proto__` an own name.
  const { path, query } = splitTarget(incoming.url ?? '/');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: incoming.method ?? 'GET',
    path,
    query,
    headers,
    body: parseBody(Buffer.concat(chunks)),
  };
}

function parseBody(bytes: Buffer): Body {
  if (bytes.length === 0) return { kind: 'empty' };
  const text = bytes.toString('utf8');
  try {
    const value: unknown = JSON.parse(text);
    return JSON.stringify(value) === text ? { kind: 'json', value } : { kind: 'json', value, raw: text };
  } catch {
    return { kind: 'bytes', bytes: new Uint8Array(bytes) };
  }
}

export function bodyBytes(body: Body): Buffer {
  switch (body.kind) {
    case 'empty':
      return Buffer.alloc(0);
    case 'json':
      return Buffer.from(body.raw ?? JSON.stringify(body.value), 'utf8');
    case 'bytes':
      return Buffer.from(body.bytes);
  }
}
