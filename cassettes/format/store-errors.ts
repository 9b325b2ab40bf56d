/**
 * The store's error messages, in one place so that reading, writing, journalling and
 * recovery describe the same problem the same way.
 */
import { TapegateError } from '../../core/errors.js';
import type { RecordProblem } from './decode.js';

/** `x.cassette`, quoted for a shell when it needs to be. */
function shellWord(file: string): string {
  return /^[\w@%+=:,./-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}

export function exchangesIntact(count: number): string {
  return count === 1 ? '1 exchange before it is intact' : `${count} exchanges before it are intact`;
}

/** `corrupt record at byte 1234 (bad checksum); 17 exchanges before it are intact. Run ...` */
export function describeProblem(problem: RecordProblem, intact: number, file: string): string {
  return (
    `${problem.kind} record at byte ${problem.offset} (${problem.detail}); ${exchangesIntact(intact)}. ` + `Run \`tapegate cassette recover ${shellWord(file)}\` to keep them.`
  );
}

/** A cassette (or journal) whose content is wrong: bad input, exit code 2. */
export function contentError(verb: string, file: string, reason: string): TapegateError {
  return new TapegateError(`Failed to ${verb} "${file}": ${reason}`, 2);
}

const reasons: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOSPC: 'no space left on device',
};

/** A failing file-system call: `no such file`, `permission denied`, or the system's message. */
export function ioError(verb: string, file: string, error: unknown): TapegateError {
  if (error instanceof TapegateError) return error;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const known = typeof code === 'string' ? reasons[code] : undefined;
  const reason = known ?? (error instanceof Error ? error.message : String(error));
  return new TapegateError(`Failed to ${verb} "${file}": ${reason}`, code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTREGULAR' ? 2 : 1);
}
