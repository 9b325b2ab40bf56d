/**
 * Sending one re-signed request upstream with `http-proxy` and buffering the whole answer.
 * The proxy needs the complete body before anything reaches the client (to record it, and
 * to write it to the journal first), so http-proxy runs with `selfHandleResponse` and the
 * already-read request body as its `buffer`. Every outcome is a value: a complete response,
 * or a failure saying what happened (refused, reset, timed out, cut short, client gone).
 *
 * The timeout covers the whole exchange, from sending to the last body byte, so an upstream
 * that answers the headers and then stalls times out too.
 */
import { Agent as HttpAgent, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Readable } from 'node:stream';
import httpProxy from 'http-proxy';
import { BodyCollector } from './body-collector.js';

export interface ForwardRequest {
  /** Origin to send to. */
  target: URL;
  /** Path and query exactly as they will be sent (origin form). */
  path: string;
  /** The complete header set (already signed). */
  headers: Record<string, string>;
  body: Buffer;
}

export interface UpstreamResponse {
  status: number;
  /** Node's lower-cased headers. */
  headers: Record<string, string | string[] | undefined>;
  /** `[name, value, ...]` as received, for sending on with the upstream's spelling. */
  rawHeaders: string[];
  body: Buffer;
  /** How the body arrived, chunk by chunk: what an event stream's frames are timed by. */
  arrivals: Arrival[];
}

/** After a chunk of the body: how many bytes had come, and when (ms after the headers). */
export interface Arrival {
  bytes: number;
  ms: number;
}

/**
 * The answer's body length from its Content-Length, or null when it has none (chunked), one
 * that is no count, or no body at all whatever it says (HEAD: the length of the object a GET
 * would get; 204 and 304).
 */
function declaredLength(req: IncomingMessage, response: IncomingMessage): number | null {
  if (req.method === 'HEAD' || response.statusCode === 204 || response.statusCode === 304) return null;
  const text = response.headers['content-length'];
  if (text === undefined || response.headers['transfer-encoding'] !== undefined || !/^\d{1,15}$/.test(text)) return null;
  return Number(text);
}

export type ForwardFailureKind = 'refused' | 'reset' | 'timeout' | 'cut-short' | 'too-large' | 'client-gone' | 'failed';

export type ForwardResult =
  | { ok: true; response: UpstreamResponse }
  /** `partial`: what had arrived when a response was cut short. */
  | { ok: false; kind: ForwardFailureKind; detail: string; partial?: UpstreamResponse };

/** 64 MiB: far above any API Gateway answer, far below what a runaway one would cost. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

const CLIENT_GONE = 'the client closed the connection before the upstream answered';

interface Pending {
  resolve: (result: ForwardResult) => void;
  timer: NodeJS.Timeout;
  proxyReq?: ClientRequest;
  proxyRes?: IncomingMessage;
}

function failureOf(error: NodeJS.ErrnoException, origin: string): ForwardResult {
  switch (error.code) {
    case 'ECONNREFUSED':
      return { ok: false, kind: 'refused', detail: `${origin} refused the connection` };
    case 'ECONNRESET':
    case 'EPIPE':
      return { ok: false, kind: 'reset', detail: `the connection to ${origin} was reset before a response arrived` };
    case 'ETIMEDOUT':
      return { ok: false, kind: 'timeout', detail: `connecting to ${origin} timed out` };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { ok: false, kind: 'failed', detail: `the host of ${origin} could not be resolved (${error.code})` };
    default:
      return { ok: false, kind: 'failed', detail: `${error.code ?? 'error'}: ${error.message}` };
  }
}

export class Forwarder {
  readonly #proxy = httpProxy.createProxyServer({});
  readonly #pending = new Map<IncomingMessage, Pending>();
  // Keep-alive: real AWS is HTTPS, and a handshake per request would dominate recording time.
  readonly #httpAgent = new HttpAgent({ keepAlive: true });
  readonly #httpsAgent = new HttpsAgent({ keepAlive: true });

  constructor(
    private readonly timeoutMs: number,
    /** Upstream answers above this many bytes are refused (502). */
    private readonly maxResponseBytes: number = DEFAULT_MAX_RESPONSE_BYTES,
  ) {
    this.#proxy.on('proxyReq', (proxyReq, req) => {
      const pending = this.#pending.get(req);
      // Settled already (timed out before a socket was assigned): do not send it.
      if (pending === undefined) proxyReq.destroy();
      else pending.proxyReq = proxyReq;
    });
    this.#proxy.on('proxyRes', (proxyRes, req) => this.#collect(proxyRes, req));
    // http-proxy reports a reset with the client already gone here instead of the callback.
    this.#proxy.on('econnreset', (_error, req) => this.#settle(req, { ok: false, kind: 'client-gone', detail: CLIENT_GONE }));
  }

  /**
   * Forwards `req` (whose body was already read into `request.body`) and resolves with the
   * outcome; never rejects. `req.url` and `req.headers` are replaced by the outgoing ones.
   */
  forward(req: IncomingMessage, res: ServerResponse, request: ForwardRequest): Promise<ForwardResult> {
    const origin = request.target.origin;
    return new Promise<ForwardResult>((resolve) => {
      const timer = setTimeout(() => {
        this.#settle(req, { ok: false, kind: 'timeout', detail: `${origin} did not answer within ${this.timeoutMs / 1000} s (--upstream-timeout)` });
      }, this.timeoutMs);
      this.#pending.set(req, { resolve, timer });
      // A client that hangs up while we wait: stop waiting (and stop the upstream request),
      // so the requests that arrived after it are not held up behind an answer nobody reads.
      res.once('close', () => {
        if (!res.writableFinished) this.#settle(req, { ok: false, kind: 'client-gone', detail: CLIENT_GONE });
      });
      // http-proxy builds the outgoing request from these; the absolute form or Host the
      // client sent are gone by now, so only `target` decides where it goes.
      req.url = request.path;
      req.headers = request.headers;
      this.#proxy.web(
        req,
        res,
        {
          target: origin,
          selfHandleResponse: true,
          buffer: Readable.from(request.body.length > 0 ? [request.body] : [], { objectMode: false }),
          agent: request.target.protocol === 'https:' ? this.#httpsAgent : this.#httpAgent,
          secure: true,
          xfwd: false,
          changeOrigin: false,
        },
        (error) => this.#settle(req, failureOf(error, origin)),
      );
    });
  }

  /** Fails whatever is still in flight and closes kept-alive upstream connections. */
  close(): void {
    for (const req of [...this.#pending.keys()]) {
      this.#settle(req, { ok: false, kind: 'failed', detail: 'tapegate was stopped while the request was in flight' });
    }
    this.#httpAgent.destroy();
    this.#httpsAgent.destroy();
    this.#proxy.close();
  }

  #collect(proxyRes: IncomingMessage, req: IncomingMessage): void {
    const pending = this.#pending.get(req);
    if (pending === undefined) {
      proxyRes.destroy();
      return;
    }
    pending.proxyRes = proxyRes;
    // A declared length over the limit is refused before a byte is read; within it, the body
    // is held once, never joined from its chunks (body-collector.ts).
    const declared = declaredLength(req, proxyRes);
    if (declared !== null && declared > this.maxResponseBytes) {
      this.#settle(req, { ok: false, kind: 'too-large', detail: `the response declares ${declared} bytes, over the limit of ${this.maxResponseBytes} bytes (--max-response)` });
      return;
    }
    const body = new BodyCollector(declared, this.maxResponseBytes);
    /** Arrival of the body's bytes: [bytes so far, ms since the headers] after each chunk, for event stream frames. */
    const arrivals: Arrival[] = [];
    const started = performance.now();
    const response = (): UpstreamResponse => ({
      status: proxyRes.statusCode ?? 502,
      headers: proxyRes.headers,
      rawHeaders: proxyRes.rawHeaders,
      body: body.bytes(),
      arrivals,
    });
    const cut = (why: string): void => {
      const partial = response();
      this.#settle(req, {
        ok: false,
        kind: 'cut-short',
        detail: `the response (status ${partial.status}) was cut short after ${partial.body.length} body bytes: ${why}`,
        partial,
      });
    };
    proxyRes.on('data', (chunk: Buffer) => {
      // Held whole in memory, then written to the cassette: an answer without bound (or longer than it said) is refused.
      if (body.add(chunk) === 'too-large') {
        this.#settle(req, { ok: false, kind: 'too-large', detail: `the response passed the limit of ${this.maxResponseBytes} bytes (--max-response)` });
        return;
      }
      arrivals.push({ bytes: body.size, ms: performance.now() - started });
    });
    proxyRes.on('end', () => {
      if (!proxyRes.complete) {
        cut('the connection closed early');
        return;
      }
      // Node reads any three digits as a status; a cassette holds only final HTTP ones.
      const status = proxyRes.statusCode ?? 0;
      if (status < 200 || status > 599) {
        const detail = `it answered with status ${status}, which is not a final HTTP status (200 to 599)`;
        this.#settle(req, { ok: false, kind: 'failed', detail });
        return;
      }
      this.#settle(req, { ok: true, response: response() });
    });
    proxyRes.on('error', (error) => cut(error.message));
    proxyRes.on('close', () => cut('the connection closed early'));
  }

  #settle(req: IncomingMessage, result: ForwardResult): void {
    const pending = this.#pending.get(req);
    if (pending === undefined) return;
    this.#pending.delete(req);
    clearTimeout(pending.timer);
    if (!result.ok) {
      pending.proxyRes?.destroy();
      pending.proxyReq?.destroy();
    }
    pending.resolve(result);
  }
}
