/**
 * A loopback stand-in for an AWS emulator that answers requests with a script: the Nth
 * request gets the Nth answer, byte for byte, with exactly the headers given (no
 * Content-Type unless the answer has one), so a test can play an emulator's unusual answers
 * to a real SDK. It records each request line it got. 127.0.0.1, port 0.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface ScriptedUpstream {
  url: string;
  /** `METHOD /path` of each request, in order. */
  readonly received: string[];
  /** Answers still to give. */
  readonly pending: number;
  close(): Promise<void>;
}

export async function startScriptedUpstream(script: readonly ScriptedAnswer[]): Promise<ScriptedUpstream> {
  const queue = [...script];
  const received: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(`${req.method ?? '?'} ${(req.url ?? '').split('?')[0] ?? ''}`);
      const answer = queue.shift() ?? { status: 599, headers: { 'content-type': 'text/plain' }, body: 'the script has no answer left' };
      const body = Buffer.from(answer.body ?? '');
      res.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) });
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
    get pending() {
      return queue.length;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
