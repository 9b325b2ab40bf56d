/**
 * Requests in flight, so that stopping a recording proxy is graceful: stop accepting, let
 * every request already forwarded finish and be written (an upstream timeout bounds the
 * wait), and only then drop connections and finish the cassette. Also the last line of
 * defence: a bug in a handler answers that one request with a 500 and the proxy carries on.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { awsError } from './aws-error.js';
import { sendWire } from './wire-response.js';

export class InFlight {
  #count = 0;
  #stopping = false;
  #idle: (() => void)[] = [];

  get count(): number {
    return this.#count;
  }

  /** The server's handler: counts `handler`'s run and answers its failures. */
  track(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>, log: (line: string) => void): (req: IncomingMessage, res: ServerResponse) => void {
    return (req, res) => {
      if (this.#stopping) {
        // A kept-alive client sent one more: it is not forwarded, the cassette is closing.
        res.setHeader('connection', 'close');
        sendWire(res, awsError(503, 'TapegateInternalError', 'tapegate is stopping: this request was not forwarded'));
        return;
      }
      this.#count++;
      handler(req, res)
        .catch((error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          const message = `Failed to handle "${req.method ?? '?'} ${req.url ?? '?'}": ${reason}`;
          log(`tapegate: ${message.replace(/[\r\n]+/g, ' ')}`);
          if (!res.headersSent && !res.destroyed) sendWire(res, awsError(500, 'TapegateInternalError', message));
          else res.destroy();
        })
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
