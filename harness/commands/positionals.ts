/**
 * yargs reports a missing `<positional>` as "Not enough non-option arguments: got 0, need at
 * least 1", which names nothing. Commands with required positionals add what they expect to
 * that sentence; it still goes through the CLI's fail handler (exit 2). The string is yargs'
 * own locale key: only the running command's builder sets it.
 */
import type { Argv } from 'yargs';

const YARGS_KEY = 'Not enough non-option arguments: got %s, need at least %s';

/** `names`: how the usage line spells them, e.g. `<file>` or `<method> <path>`. */
export function namePositionals<T>(y: Argv<T>, names: string): Argv<T> {
  // yargs' own sentence stays first (scripts may match it); both %s stay, as yargs passes (got, needed).
  const text = `${YARGS_KEY} (expected ${names})`;
  // updateStrings is typed for plain strings; yargs' plural entries are { one, other }.
  return y.updateStrings({ [YARGS_KEY]: { one: text, other: text } as unknown as string });
}

/** For a command that only groups subcommands: name them when none (or an unknown one) is given. */
export function demandSubcommand<T>(y: Argv<T>, parent: string, names: readonly string[]): Argv<T> {
  return y.demandCommand(1, `Name a ${parent} command: ${names.join(', ')} (tapegate ${parent} --help)`);
}
