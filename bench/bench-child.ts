/**
 * The replay benchmark runs each server in its own process, so the load generator never
 * shares the server's event loop. This is the little protocol between the two sides:
 * - the child prints `tapegate-bench {"port":…,"startupMs":…}` once it listens;
 * - each `usage` line on its stdin is answered with `tapegate-bench {"cpuMs":…,"rssMiB":…}`,
 *   so the parent can tell how busy the server was during a measurement;
 * - the end of its stdin closes the server and exits, so a child never outlives its parent.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const PREFIX = 'tapegate-bench ';

export interface Usage {
  /** User + system CPU time since the process started. */
  cpuMs: number;
  rssMiB: number;
}

/** Child side: announce the port, answer usage queries, close on end of stdin. */
export function serveAsChild(port: number, close: () => Promise<void>): void {
  // performance.now() counts from process start: the startup includes module loading.
  process.stdout.write(`${PREFIX}${JSON.stringify({ port, startupMs: performance.now() })}\n`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() !== 'usage') return;
    const cpu = process.cpuUsage();
    const usage: Usage = { cpuMs: (cpu.user + cpu.system) / 1000, rssMiB: process.memoryUsage.rss() / 2 ** 20 };
    process.stdout.write(`${PREFIX}${JSON.stringify(usage)}\n`);
  });
  lines.on('close', () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

export interface ChildServer {
  port: number;
  /** From process start to listening (module loading and cassette/tape loading included). */
  startupMs: number;
  usage(): Promise<Usage>;
  /** Ends stdin and waits for the exit; a child that does not exit in time is killed. */
  stop(): Promise<void>;
}

export class ChildStartTimeout extends Error {}

/**
 * Parent side: `node <script> ...args`, resolved once it listens. A child that has not
 * announced its port within `startTimeoutMs` is killed and the promise rejects with
 * ChildStartTimeout (talkback at 100,000 tapes may take that long).
 */
export function startChild(script: string, args: string[], startTimeoutMs: number, nodeArgs: string[] = []): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  type Waiter = { resolve: (value: Record<string, number>) => void; reject: (error: Error) => void };
  const waiting: Waiter[] = [];
  // Writing to a child that just died fails with EPIPE: reported through 'exit' below.
  child.stdin.on('error', () => undefined);
  let exitedWith: Error | null = null;
  createInterface({ input: child.stdout }).on('line', (line) => {
    // Anything else a server prints is not ours to read.
    if (line.startsWith(PREFIX)) waiting.shift()?.resolve(JSON.parse(line.slice(PREFIX.length)) as Record<string, number>);
  });
  // A child that dies fails whatever waits on it, instead of leaving the benchmark hanging.
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exitedWith = new Error(`${script} exited (${signal ?? `code ${code}`}): ${stderr.trim()}`);
      for (const waiter of waiting.splice(0)) waiter.reject(exitedWith);
      resolve();
    }),
  );
  const next = () =>
    new Promise<Record<string, number>>((resolve, reject) => {
      if (exitedWith) reject(exitedWith);
      else waiting.push({ resolve, reject });
    });

  const stop = async (): Promise<void> => {
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const hello = next();
  return new Promise<ChildServer>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new ChildStartTimeout(`${script} did not listen within ${startTimeoutMs / 1000} s`));
    }, startTimeoutMs);
    hello.then(
      (line) => {
        clearTimeout(timer);
        resolve({
          port: line.port as number,
          startupMs: line.startupMs as number,
          usage: () => {
            const answer = next();
            if (!exitedWith) child.stdin.write('usage\n');
            return answer as Promise<unknown> as Promise<Usage>;
          },
          stop,
        });
      },
      (error: Error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
