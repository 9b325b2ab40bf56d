/**
 * How `tapegate exec` is called: its own options, then `--`, then the command. Without the
 * `--`, yargs reads the command's words as exec's own and says only "Unknown arguments: c,
 * python3", which does not tell a new user what to change: the CLI's fail handler adds how
 * exec is called to that message.
 */
export const EXEC_USAGE = 'tapegate exec [options] -- <command> [args…]';

/** yargs' message for a usage mistake in `argv`, with exec's usage added when the `--` is missing. */
export function withExecUsage(argv: readonly string[], message: string): string {
  const isExec = argv.find((arg) => !arg.startsWith('-')) === 'exec';
  if (!isExec || argv.includes('--') || !/^Unknown arguments?: /.test(message)) return message;
  return `${message}. exec runs the command given after --: ${EXEC_USAGE}`;
}
