/**
 * The one way the test servers listen: 127.0.0.1 on a port the system picks (port 0), so
 * tests never collide over fixed ports; and the one way they stop: `close()` also destroys the
 * open sockets, because `server.close()` alone only stops accepting and waits for the SDKs'
 * keep-alive connections (and for requests a fake holds unanswered) to end by themselves.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /**
   * Stops listening and destroys every open socket; a second call waits for the first.
   * A function property, not a method: the fakes hand it on as their own `close`.
   */
  readonly close: () => Promise<void>;
}

/** Listens with the given server, or with a new one around the given request handler. */
export async function startLoopbackServer(serverOrHandler: Server | RequestListener): Promise<LoopbackServer> {
  const server = typeof serverOrHandler === 'function' ? createServer(serverOrHandler) : serverOrHandler;
  // Sockets are kept in the order they connected and destroyed in that order, so that clients
  // fail in the order they connected: a failure that comes out of order is easier to misread
  // (`closeAllConnections()` destroys them in no set order). Tests that await several cut
  // requests still attach every handler before closing.
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
