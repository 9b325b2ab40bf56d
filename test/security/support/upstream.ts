/**
 * A loopback stand-in for AWS that never parses what it gets: the security tests send
 * bodies that would break a parsing server, and answer with bytes (too deep, too long, a
 * bad status) that a well-behaved server would refuse to produce. It answers every request
 * with the current `answer` and counts what it received. 127.0.0.1, port 0.
 */
import { startLoopbackServer } from '../../support/loopback-server.js';

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
  const { url, close } = await startLoopbackServer((req, res) => {
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
  return {
    url,
    received,
    get answer() {
      return upstream.answer;
    },
    set answer(next: RawAnswer) {
      upstream.answer = next;
    },
    close,
  };
}
