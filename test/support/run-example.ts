/**
 * Runs one example command line as a reader would paste it: through bash, in a copy of the
 * example project. A proxy command (replay, record, auto, passthrough, serve) serves until stopped:
 * it must print `listening URL`, answer a real SDK request, and stop on SIGINT with exit 0
 * and its summary. Any other command must exit 0 (and show what a `# → ` line says).
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { APIGatewayClient, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { tapegateSubcommand, type ExampleCommand } from './example-commands.js';
import { FAKE_APIGATEWAY_CREDENTIALS } from './fake-apigateway/index.js';

const SERVERS = ['replay', 'record', 'auto', 'passthrough', 'serve'];

export interface ExampleRun {
  command: string;
  status: number | null;
  stdout: string;
  stderr: string;
  /** A proxy command, stopped with SIGINT once it answered (or failed to). */
  server: boolean;
  /** Servers: the HTTP status the SDK request got through the proxy (undefined: it never listened or never answered). */
  answered?: number;
}

function start(text: string, cwd: string, env: NodeJS.ProcessEnv) {
  // Its own process group, so that SIGINT reaches the command bash runs, as Ctrl-C would.
  const child = spawn('bash', ['-c', text], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function serve(text: string, cwd: string, env: NodeJS.ProcessEnv): Promise<ExampleRun> {
  const run = start(text, cwd, env);
  const deadline = Date.now() + 30_000;
  let url: string | undefined;
  while (url === undefined && Date.now() < deadline && run.child.exitCode === null) {
    url = /^listening (http:\/\/\S+)$/m.exec(run.output().stdout)?.[1];
    if (url === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  let answered: number | undefined;
  if (url !== undefined) {
    const client = new APIGatewayClient({ endpoint: url, region: 'us-east-1', credentials: { ...FAKE_APIGATEWAY_CREDENTIALS }, maxAttempts: 1 });
    try {
      answered = (await client.send(new GetRestApisCommand({}))).$metadata.httpStatusCode;
    } catch (error) {
      answered = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    } finally {
      client.destroy();
    }
  }
  if (run.child.exitCode === null && run.child.pid !== undefined) process.kill(-run.child.pid, 'SIGINT');
  const status = await run.exited;
  return { command: text, status, server: true, ...run.output(), ...(answered === undefined ? {} : { answered }) };
}

/** The `--cassette` a recording command writes when it records a new one (no --force), else null. */
function newRecording(text: string): string | null {
  const sub = tapegateSubcommand(text)?.[0];
  const records = sub === 'record' || (sub === 'exec' && /--mode[ =](record)\b/.test(text));
  if (!records || /\s--force\b/.test(text)) return null;
  return /--cassette[ =](\S+)/.exec(text)?.[1] ?? null;
}

/**
 * The commands of one example, in order, in `cwd`. An example that starts by recording a
 * cassette without --force shows how to make a new one: it starts without that cassette
 * (recording refuses to overwrite one, and the project holds one for the replay examples).
 */
export async function runExample(commands: ExampleCommand[], cwd: string, env: NodeJS.ProcessEnv): Promise<ExampleRun[]> {
  const fresh = commands[0] === undefined ? null : newRecording(commands[0].text);
  if (fresh !== null) rmSync(join(cwd, fresh), { force: true });
  const runs: ExampleRun[] = [];
  for (const command of commands) {
    const sub = tapegateSubcommand(command.text);
    if (sub !== null && SERVERS.includes(sub[0] ?? '')) {
      runs.push(await serve(command.text, cwd, env));
      continue;
    }
    const run = start(command.text, cwd, env);
    const timer = setTimeout(() => run.child.pid !== undefined && process.kill(-run.child.pid, 'SIGKILL'), 120_000);
    const status = await run.exited;
    clearTimeout(timer);
    runs.push({ command: command.text, status, server: false, ...run.output() });
  }
  return runs;
}
