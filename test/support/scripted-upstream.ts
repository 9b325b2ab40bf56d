/**
 * A loopback stand-in for an AWS emulator that answers requests with a script: the Nth
 * request gets the Nth answer, byte for byte, with exactly the headers given (no
 * Content-Type unless the answer has one), so a test can play an emulator's unusual answers
 * to a real SDK. It records each request line it got. 127.0.0.1, port 0.
 */
import { startLoopbackServer } from './loopback-server.js';

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
  const { url, close } = await startLoopbackServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(`${req.method ?? '?'} ${(req.url ?? '').split('?')[0] ?? ''}`);
      const answer = queue.shift() ?? { status: 599, headers: { 'content-type': 'text/plain' }, body: 'the script has no answer left' };
      const body = Buffer.from(answer.body ?? '');
      res.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) });
      res.end(body);
    });
  });
  return {
    url,
    received,
    get pending() {
      return queue.length;
    },
    close,
  };
}
