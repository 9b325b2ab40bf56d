/**
 * The command lines of a shell example, as a reader pastes them: one per line (a trailing
 * `\` joins the next), comment lines skipped. A comment line `# → TEXT` right after a command
 * says what its output shows; the test checks that it does. Also the `Examples:` section of a
 * `--help` page, one example a line (the CLI does not wrap: `.wrap(null)`).
 */

export interface ExampleCommand {
  /** The line as pasted into a shell (a trailing comment included: the shell drops it). */
  text: string;
  /** From `# → TEXT` after it: what its stdout must contain. */
  shows?: string;
}

export function commandsOf(code: string): ExampleCommand[] {
  const commands: ExampleCommand[] = [];
  let pending = '';
  for (const raw of code.split('\n')) {
    const line = raw.trimEnd();
    const shows = /^#\s*→\s*(.+)$/.exec(line.trim());
    if (shows && commands.length > 0 && pending === '') {
      commands.at(-1)!.shows = shows[1]!;
      continue;
    }
    if (pending === '' && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += line.slice(0, -1) + ' ';
      continue;
    }
    commands.push({ text: pending + line });
    pending = '';
  }
  return commands;
}

/** `tapegate drift --from a  What it does` lines of a help page's Examples section → the commands. */
export function helpExamples(help: string): string[] {
  const section = help.split('\nExamples:\n')[1]?.split('\n\n')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/ {2,}/)[0]!);
}

/** The words of `tapegate ...` up to the first option or argument that is not a command name. */
export function tapegateSubcommand(text: string): string[] | null {
  const words = text.trim().split(/\s+/);
  const at = words.findIndex((word) => word === 'tapegate' || word.endsWith('/tapegate'));
  if (at < 0) return null;
  const path: string[] = [];
  for (const word of words.slice(at + 1)) {
    if (!/^[a-z][a-z-]*$/.test(word)) break;
    path.push(word);
    // Subcommands are at most two deep (`cassette show`, `contracts list`).
    if (!['cassette', 'contracts'].includes(path[0]!) || path.length === 2) break;
  }
  return path;
}
