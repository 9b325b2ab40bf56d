/**
 * A loopback stand-in for AWS that never parses what it gets: the security tests send
 * bodies that would break a parsing server, and answer with bytes (too deep, too long, a
 * bad status) that a well-behaved server would refuse to produce. It answers every request
 * with the current `answer` and counts what it received. 127.0.0.1, port 0.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RawAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface RawUpstream {
  url: string;
  /** Bodies received, in order. */
  readonly received: Buffer[];
  /** The answer for the requests that follow. */
  answer: RawAnswer;
  close(): Promise<void>;
}

export async function startRawUpstream(answer: RawAnswer = { status: 200, body: '{}' }): Promise<RawUpstream> {
  const received: Buffer[] = [];
  const upstream = { answer };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(Buffer.concat(chunks));
      const body = Buffer.from(upstream.answer.body ?? '');
      res.writeHead(upstream.answer.status, {
        'content-type': 'application/json',
        ...upstream.answer.headers,
        'content-length': String(body.length),
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    get answer() {
      return upstream.answer;
    },
    set answer(next: RawAnswer) {
      upstream.answer = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
