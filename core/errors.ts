/**
 * The one error class for failures of the tool itself (bad input files, unreadable
 * cassettes, I/O). Contract violations and drift are findings, never errors.
 * Messages follow `Failed to <verb> "<what>": <reason>`.
 */
export class TapegateError extends Error {
  override readonly name = 'TapegateError';
  constructor(
    message: string,
    /** Process exit code when this reaches the CLI: 2 for bad input, 1 otherwise. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** Throws a TapegateError when `condition` is false (an invariant, mswjs-style). */
export function invariant(condition: unknown, message: string, exitCode: 1 | 2 = 1): asserts condition {
  if (!condition) throw new TapegateError(message, exitCode);
}

/** The error for a bad value at the edge (a flag, a config key, an option): exit code 2, the value shown. */
export function badInput(what: string, reason: string, value?: unknown): TapegateError {
  const got = arguments.length < 3 ? '' : `, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
  return new TapegateError(`Failed to parse "${what}": ${reason}${got}`, 2);
}
