/**
 * The upstream of the secrets fuzz: a loopback server (127.0.0.1, port 0) that answers each
 * request with the answer planned for its case, named by the `x-fuzz-case` header, byte for
 * byte (status, header names and values in order, body bytes: compressed, UTF-16, whatever
 * the case wants). It never checks signatures: what is under test is what the proxy keeps.
 */
import { startLoopbackServer } from '../loopback-server.js';

export interface PlannedAnswer {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

export interface FuzzUpstream {
  url: string;
  plan(caseId: string, answer: PlannedAnswer): void;
  /** Case ids of the requests that reached the upstream, in arrival order. */
  readonly arrived: string[];
  close(): Promise<void>;
}

const fallback: PlannedAnswer = { status: 200, headers: [['Content-Type', 'application/json']], body: Buffer.from('{}') };

export async function startFuzzUpstream(): Promise<FuzzUpstream> {
  const plans = new Map<string, PlannedAnswer>();
  const arrived: string[] = [];
  const { url, close } = await startLoopbackServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['x-fuzz-case'] ?? '');
      arrived.push(id);
      const answer = plans.get(id) ?? fallback;
      for (const [name, value] of answer.headers) res.setHeader(name, value);
      res.setHeader('Content-Length', String(answer.body.length));
      res.writeHead(answer.status);
      res.end(answer.body);
    });
  });
  return {
    url,
    plan: (id, answer) => plans.set(id, answer),
    arrived,
    close,
  };
}
