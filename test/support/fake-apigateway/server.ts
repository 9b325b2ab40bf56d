/**
 * A fake API Gateway (v1 and v2) on 127.0.0.1, port 0: enough of AWS's control plane, wire
 * format and SigV4 checking for the proxy to record real-looking traffic from real SDKs.
 * Which operations it implements: operations.ts; faults and injected errors: faults.ts.
 *
 * Control endpoint (no signature, not an AWS path): `POST /__fake/next-error`
 * `{"type": "TooManyRequestsException", "status": 429}` queues an error for the next request.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { bundledContracts } from '../../../contracts/load.js';
import { Router } from '../../../contracts/router.js';
import { startLoopbackServer } from '../loopback-server.js';
import { readRequestBody } from '../read-request-body.js';
import { answerRequest, type Answer, type SignatureCounts } from './answer.js';
import { recordedRequest, recordedResponse, pathOf, queryOf, type FakeExchange } from './exchange-log.js';
import { hits, parseInjectedError, type FaultOptions, type InjectedError } from './faults.js';
import type { FakeCredentials } from './sigv4-verify.js';
import { emptyState, type FakeState } from './state.js';

export interface FakeApiGatewayOptions {
  /** The only credentials whose signatures verify. Default: FAKE_APIGATEWAY_CREDENTIALS. */
  credentials?: FakeCredentials;
  /** Region of the credential scope. Default: us-east-1. */
  region?: string;
  faults?: FaultOptions;
}

export interface FakeApiGateway {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Requests to AWS paths received so far (control requests not counted). */
  readonly requests: number;
  /** TCP connections accepted so far (keep-alive reuse shows as fewer connections than requests). */
  readonly connections: number;
  /** Requests whose signature verified / was rejected. */
  readonly signatures: Readonly<SignatureCounts>;
  /** Every answered request, in order (held requests are not answered). */
  readonly exchanges: FakeExchange[];
  readonly state: FakeState;
  /** Live fault settings: change them between requests. */
  readonly faults: FaultOptions;
  /** `held` (a neverAnswer request arrived), `delayed` (an answer starts its delayMs wait), `exchange` (an answer was written). */
  readonly events: EventEmitter;
  /** Queues an AWS error for the next signed request. */
  failNext(error: InjectedError): void;
  /** Stops listening and destroys every open socket, held requests included. */
  close(): Promise<void>;
}

/** Obviously fake; never valid at AWS. */
export const FAKE_APIGATEWAY_CREDENTIALS: FakeCredentials = {
  accessKeyId: 'AKIDFAKEAPIGATEWAY',
  secretAccessKey: 'fake-apigateway-secret-for-loopback-tests',
};

const CONTROL_PREFIX = '/__fake/';

let router: Router | undefined;

function writeControl(response: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(bytes.length) });
  response.end(bytes);
}

export async function startFakeApiGateway(options: FakeApiGatewayOptions = {}): Promise<FakeApiGateway> {
  // API Gateway's operations only: the json services of the bundled contracts are all `POST /`.
  router ??= new Router(['apigateway', 'apigatewayv2'].flatMap((service) => bundledContracts().routesOf(service)));
  const routes = router;
  const credentials = options.credentials ?? FAKE_APIGATEWAY_CREDENTIALS;
  const region = options.region ?? 'us-east-1';
  const state = emptyState(region);
  const faults: FaultOptions = { ...options.faults };
  const pendingErrors: InjectedError[] = [];
  const signatures: SignatureCounts = { verified: 0, rejected: 0 };
  const exchanges: FakeExchange[] = [];
  const events = new EventEmitter();
  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let requests = 0;
  let closed = false;

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const entry = { timer: setTimeout(() => (timers.delete(entry), resolve()), ms), resolve };
      timers.add(entry);
    });

  function write(response: ServerResponse, answer: Answer, cut: boolean): void {
    response.writeHead(answer.status, answer.headers);
    if (!cut) {
      response.end(answer.body);
      return;
    }
    const half = answer.body.subarray(0, Math.floor(answer.body.length / 2));
    // Destroy only once the half is on its way, so the client really sees a truncated body.
    response.write(half, () => response.socket?.destroy());
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const body = await readRequestBody(request);
    const path = pathOf(url);
    if (path.startsWith(CONTROL_PREFIX)) {
      if (method !== 'POST' || path !== `${CONTROL_PREFIX}next-error`) return writeControl(response, 404, { message: `no control endpoint ${method} ${path}` });
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        parsed = undefined;
      }
      const injected = parseInjectedError(parsed);
      if (typeof injected === 'string') return writeControl(response, 400, { message: injected });
      pendingErrors.push(injected);
      return writeControl(response, 200, { queued: pendingErrors.length });
    }
    requests++;
    const route = routes.route(method, path, queryOf(url));
    const faultRequest = { operation: route?.operation ?? null, method, path };
    if (hits(faults.neverAnswer, faultRequest)) {
      events.emit('held', faultRequest);
      return;
    }
    const answer = answerRequest({ method, url, headers: request.headers, body }, route, {
      state,
      credentials,
      region,
      pendingErrors,
      signatures,
    });
    if (faults.delayMs) {
      events.emit('delayed', faultRequest);
      await delay(faults.delayMs);
    }
    if (closed || response.destroyed) return;
    const cut = hits(faults.closeMidResponse, faultRequest);
    write(response, answer, cut);
    const exchange: FakeExchange = {
      operation: route?.operation ?? null,
      request: recordedRequest(method, url, request.headers, body),
      response: recordedResponse(answer.status, answer.headers, answer.body),
      ...(cut ? { fault: 'closeMidResponse' as const } : {}),
    };
    exchanges.push(exchange);
    events.emit('exchange', exchange);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // Reading the request failed (client went away): nothing left to answer.
      if (!response.headersSent && !response.destroyed) writeControl(response, 500, { message: String(error) });
    });
  });
  let connections = 0;
  server.on('connection', () => connections++);
  const loopback = await startLoopbackServer(server);

  return {
    url: loopback.url,
    port: loopback.port,
    get requests() {
      return requests;
    },
    get connections() {
      return connections;
    },
    signatures,
    exchanges,
    state,
    faults,
    events,
    failNext(error) {
      pendingErrors.push(error);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const entry of timers) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      timers.clear();
      await loopback.close();
    },
  };
}
