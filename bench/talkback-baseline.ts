/**
 * talkback 4 as the replay benchmark's child process, serving the same exchanges from tapes
 * with recording off (`record: DISABLED`, unknown requests get talkback's 404).
 * `node dist/bench/talkback-baseline.js <tapes-dir>`
 *
 * talkback's own server listens on every interface and takes no host, and this benchmark
 * stays on loopback; so its request handler (which loads the tapes the same way) sits behind
 * a loopback server whose request callback is a copy of talkback's `handleRequest`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { serveAsChild } from './bench-child.js';

// talkback is CommonJS with `module.exports = talkback` but declares an ES default export:
// required directly, typed from its declaration.
type Talkback = (typeof import('talkback'))['default'];
const talkback = createRequire(import.meta.url)('talkback') as Talkback;

const path = process.argv[2];
if (path === undefined) throw new Error('usage: talkback-baseline.js <tapes-dir>');

const handler = await talkback.requestHandler({
  path,
  host: 'https://apigateway.us-east-1.amazonaws.com',
  record: talkback.Options.RecordMode.DISABLED,
  fallbackMode: talkback.Options.FallbackMode.NOT_FOUND,
  // Match on method, URL and body only, as tapegate does by default.
  allowHeaders: [],
  silent: true,
  summary: false,
});

const server = createServer({ keepAlive: true, keepAliveTimeout: 60_000 }, (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    handler.handle({ headers: req.headers, url: req.url ?? '/', method: req.method ?? 'GET', body: Buffer.concat(chunks) }).then(
      (answer) => {
        res.writeHead(answer.status, answer.headers as Record<string, string[]>);
        res.end(answer.body);
      },
      () => {
        res.statusCode = 500;
        res.end();
      },
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  serveAsChild((server.address() as AddressInfo).port, async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
