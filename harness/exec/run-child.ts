/**
 * Runs the wrapped command with inherited stdio and passes SIGINT/SIGTERM/SIGHUP through, so
 * Ctrl-C reaches it as it would without tapegate. Resolves with the exit code a shell would
 * report (128 + signal number when it died of a signal).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { TapegateError } from '../../core/errors.js';

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function runChild(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [file, ...args] = command;
  if (!file) return Promise.reject(new TapegateError('Failed to exec: no command given after --', 2));
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    for (const signal of FORWARDED) process.on(signal, forward);
    const cleanup = (): void => {
      for (const signal of FORWARDED) process.off(signal, forward);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      cleanup();
      const reason = error.code === 'ENOENT' ? 'command not found' : error.message;
      reject(new TapegateError(`Failed to exec "${file}": ${reason}`, error.code === 'ENOENT' ? 2 : 1));
    });
    child.on('exit', (code, signal) => {
      cleanup();
      resolve(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
    });
  });
}
