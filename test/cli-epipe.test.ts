/**
 * `tapegate contracts list | head -1` (issue 12, item 6): a reader that stops early closes
 * the pipe, and the next write to stdout fails with EPIPE. Every command takes that quietly:
 * exit 0, nothing on stderr, no stack trace.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, PROJECT_ROOT } from './support/cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/drift/${name}`, import.meta.url));

/** Runs the CLI with stdout a pipe whose reading end is closed before the CLI writes. */
function withClosedStdout(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

const COMMANDS: string[][] = [
  ['contracts', 'list'],
  ['contracts', 'list', '--json'],
  ['contracts', 'show', 'apigateway.UpdateIntegrationResponse'],
  ['cassette', 'show', 'cassettes/examples/seed-scenario.cassette'],
  ['drift', '--from', fixture('apigateway-2015-07-09@1.29.39.json'), '--to', fixture('apigateway-2015-07-09@1.43.67.json'), '--fail-on', 'never'],
  ['verify', 'cassettes/examples/seed-scenario.cassette'],
  ['--help'],
];

describe('stdout closed by the reader (EPIPE)', () => {
  it.concurrent.each(COMMANDS.map((args) => [args.join(' '), args] as const))('%s: exits 0 quietly', async (_name, args) => {
    const result = await withClosedStdout(args);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
