/**
 * The plumbing every proxy mode shares: a keep-alive HTTP server that answers malformed
 * HTTP with an AWS-shaped 400 instead of dropping it, listening with errors that name the
 * address, and a close that does not wait for idle keep-alive connections.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TapegateError } from '../core/errors.js';
import { rawAwsError } from './aws-error.js';

export interface ProxyServerOptions {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** One line per malformed request (no trailing newline). */
  log: (line: string) => void;
  onRejected: () => void;
}

/**
 * SDKs keep connections open for a while; a server that closes an idle connection just as
 * an SDK reuses it makes the SDK see a reset. A minute is longer than SDK pools keep idle
 * sockets by default, so the client closes first.
 */
const KEEP_ALIVE_MS = 60_000;

export function createProxyServer(options: ProxyServerOptions): Server {
  const server = createServer({ keepAlive: true, keepAliveTimeout: KEEP_ALIVE_MS, headersTimeout: KEEP_ALIVE_MS + 1_000 }, options.handler);
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // A reset, a client that hung up mid-request (EOF state: the request handler, if one
    // started, reports it as aborted) or a socket already gone: nobody to answer.
    if (error.code === 'ECONNRESET' || error.code === 'HPE_INVALID_EOF_STATE' || !socket.writable) {
      socket.destroy();
      return;
    }
    options.onRejected();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const message = `Failed to parse the HTTP request: ${error.code ?? 'error'} (${error.message})`;
    options.log(`tapegate: ${message.replace(/[\r\n]+/g, ' ')}`);
    socket.end(rawAwsError(tooLarge ? 431 : 400, 'TapegateBadRequest', message));
  });
  return server;
}

/** `http://127.0.0.1:1234`, with brackets around an IPv6 address. */
export function urlOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Listens and resolves with the bound port; a failure names the address. */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const reason = error.code === 'EADDRINUSE' ? 'the port is in use' : error.code === 'EADDRNOTAVAIL' ? 'no such address on this machine' : error.message;
      reject(new TapegateError(`Failed to listen on "${host}:${port}": ${reason}`, error.code === 'EADDRINUSE' || error.code === 'EADDRNOTAVAIL' ? 2 : 1));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting, drops every connection (idle keep-alive ones included) and waits. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
