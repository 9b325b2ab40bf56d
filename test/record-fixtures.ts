/**
 * Shared by the recording tests: credentials made up at run time (never a real key's shape,
 * so the secret scanner has nothing to say about them unless they leak), temp folders, and a
 * cleanup list run after each test.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeCredentials } from './support/fake-apigateway/index.js';

/** `AKIDTEST…` ids (not AKIA/ASIA), a random secret and, when asked, a random session token. */
export function randomCredentials(withToken = false): FakeCredentials {
  return {
    accessKeyId: `AKIDTEST${randomBytes(6).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(24).toString('hex'),
    ...(withToken ? { sessionToken: `tapegate-test-token-${randomBytes(16).toString('hex')}` } : {}),
  };
}

export async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
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
