/**
 * Requests in flight, so that stopping a proxy is graceful: stop accepting, let every
 * request already forwarded finish and be written (an upstream timeout bounds the wait),
 * and only then drop connections and finish the cassette. Also the last line of defence: a
 * bug in a handler answers that one request with a 500 and the proxy carries on.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { awsError } from './aws-error.js';
import type { Handler } from './pipeline.js';
import { answerInternalError } from './steps/answer.js';
import { sendWire } from './wire-response.js';

export class InFlight {
  #count = 0;
  #stopping = false;
  #idle: (() => void)[] = [];

  get count(): number {
    return this.#count;
  }

  /** The server's handler: counts `handler`'s asynchronous runs and answers its failures. */
  track(handler: Handler, log: (line: string) => void): (req: IncomingMessage, res: ServerResponse) => void {
    return (req, res) => {
      if (this.#stopping) {
        // A kept-alive client sent one more: it is not forwarded, the cassette is closing.
        res.setHeader('connection', 'close');
        sendWire(res, awsError(503, 'TapegateInternalError', 'tapegate is stopping: this request was not forwarded'));
        return;
      }
      let running: Promise<void> | void;
      try {
        running = handler(req, res);
      } catch (error) {
        answerInternalError(req, res, error, log);
        return;
      }
      if (running === undefined) return;
      this.#count++;
      running
        .catch((error: unknown) => answerInternalError(req, res, error, log))
        .finally(() => {
          this.#count--;
          if (this.#count === 0) for (const wake of this.#idle.splice(0)) wake();
        });
    };
  }

  /** Stops `server` accepting, waits for the requests in flight, then closes every connection. */
  async stop(server: Server): Promise<void> {
    this.#stopping = true;
    const closed = new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    server.closeIdleConnections();
    if (this.#count > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
    server.closeAllConnections();
    await closed;
  }
}
