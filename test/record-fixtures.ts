/**
 * Shared by the recording tests: credentials made up at run time (never a real key's shape,
 * so the secret scanner has nothing to say about them unless they leak), temp folders, a
 * cleanup list run after each test, and the built CLI in a child process with an AWS
 * environment of the test's own.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { FakeCredentials } from './support/fake-apigateway/index.js';

/** `AKIDTEST…` ids (not AKIA/ASIA), a random secret and, when asked, a random session token. */
export function randomCredentials(withToken = false): FakeCredentials {
  return {
    accessKeyId: `AKIDTEST${randomBytes(6).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(24).toString('hex'),
    ...(withToken ? { sessionToken: `tapegate-test-token-${randomBytes(16).toString('hex')}` } : {}),
  };
}

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'tapegate-record-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Every string of `credentials`: none may appear in a cassette or a log. */
export function secretsOf(...all: FakeCredentials[]): string[] {
  return all.flatMap((c) => [c.accessKeyId, c.secretAccessKey, ...(c.sessionToken ? [c.sessionToken] : [])]);
}

export class Cleanups {
  #list: (() => unknown)[] = [];

  add(cleanup: () => unknown): void {
    this.#list.push(cleanup);
  }

  async run(): Promise<void> {
    for (const cleanup of this.#list.splice(0).reverse()) await cleanup();
  }
}

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = join(PROJECT_ROOT, 'dist', 'harness', 'cli.js');

/** Throws unless dist/ is newer than each source: a stale build would test old code. */
export function assertBuilt(sources: string[]): void {
  for (const source of sources) {
    const built = join(PROJECT_ROOT, 'dist', source.replace(/\.ts$/, '.js'));
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(join(PROJECT_ROOT, source)).mtimeMs) {
      throw new Error(`dist/ is missing or older than ${source}: run \`npm run build\` (tsc -p tsconfig.build.json) first`);
    }
  }
}

/**
 * An environment for the CLI with nothing of this machine's AWS set-up: no AWS_* variables,
 * shared config and credentials files that are the test's own (absent unless written), and
 * the instance metadata service switched off, so the provider chain can never leave 127.0.0.1.
 */
export function isolatedEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('AWS_')) env[name] = value;
  return {
    ...env,
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'aws-credentials'),
    AWS_CONFIG_FILE: join(dir, 'aws-config'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

export interface CliRun {
  child: ChildProcessWithoutNullStreams;
  /** Lines of stdout so far. */
  stdout: string[];
  stderr(): string;
  exit: Promise<number | null>;
  /** The URL of the first stdout line, `listening URL`. */
  url: Promise<string>;
}

/** Spawns the built CLI; `cleanups` kills it (SIGKILL) if the test did not end it. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv, cleanups: Cleanups): CliRun {
  const child = spawn(process.execPath, [CLI, ...args], { env, cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  let stderr = '';
  child.stderr.on('data', (part: Buffer) => (stderr += part.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (stdout.length === 0) {
        if (line.startsWith('listening ')) resolve(line.slice('listening '.length));
        else reject(new Error(`first line was not "listening URL": ${line}`));
      }
      stdout.push(line);
    });
    exit.then((code) => reject(new Error(`tapegate exited ${code} before listening; stderr: ${stderr}`)), reject);
  });
  // Tests that expect an early exit never await the URL.
  url.catch(() => undefined);
  cleanups.add(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, stdout, stderr: () => stderr, exit, url };
}
