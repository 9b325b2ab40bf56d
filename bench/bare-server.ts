/**
 * The baseline of the replay benchmark, run as a child process: a bare Node `http` server
 * that answers each path with the recorded response's bytes from a prebuilt map. No routing,
 * no matching, no key: what any replay server costs at the least on this machine.
 * `node dist/bench/bare-server.js <cassette>`
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readCassette } from '../cassettes/format/store.js';
import { prepareResponse, type WireResponse } from '../proxy/wire-response.js';
import { serveAsChild } from './bench-child.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: bare-server.js <cassette>');

// Prepared the way tapegate prepares them, so both servers put the same bytes on the wire.
const answers = new Map<string, WireResponse>();
for (const exchange of (await readCassette(file)).exchanges) answers.set(exchange.request.path, prepareResponse(exchange.response));

// The same keep-alive as tapegate's server (SDK-friendly; autocannon keeps its connections).
const server = createServer({ keepAlive: true, keepAliveTimeout: 60_000 }, (req, res) => {
  const wire = answers.get(req.url ?? '/');
  if (wire === undefined) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(wire.status, wire.headers);
  res.end(wire.body);
});
server.listen(0, '127.0.0.1', () => {
  serveAsChild((server.address() as AddressInfo).port, async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
