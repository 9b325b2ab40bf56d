/**
 * The floor of the record benchmark, run as a child process: the least a buffering forward
 * proxy written on Node's `http` does per call. It reads the whole request, sends it to the
 * upstream on a keep-alive agent, reads the whole answer and sends it back. No routing, no
 * signing, no redaction, no journal: what any recording proxy in Node pays before doing its
 * own work, so the record ratio can be read against what the runtime allows on this machine.
 * `node dist/bench/bare-proxy.js <upstream url>`
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveAsChild } from './bench-child.js';

const upstream = process.argv[2];
if (upstream === undefined) throw new Error('usage: bare-proxy.js <upstream url>');
const target = new URL(upstream);
const agent = new Agent({ keepAlive: true });

const server = createServer({ keepAlive: true, keepAliveTimeout: 60_000 }, (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const headers = { ...req.headers, host: target.host };
    const forwarded = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent }, (answer) => {
      const body: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => body.push(chunk));
      answer.on('end', () => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(Buffer.concat(body));
      });
    });
    forwarded.on('error', () => res.writeHead(502).end());
    forwarded.end(Buffer.concat(chunks));
  });
});
server.listen(0, '127.0.0.1', () => {
  serveAsChild((server.address() as AddressInfo).port, () => new Promise<void>((resolve) => server.close(() => resolve())));
});
