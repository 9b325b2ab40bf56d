/** `tapegate cassette <show|export|import|ls|recover|textconv>`: cassettes from the terminal and from git. */
import type { CommandModule } from 'yargs';
import { exportCommand } from './cassette/export.js';
import { importCommand } from './cassette/import.js';
import { lsCommand } from './cassette/ls.js';
import { recoverCommand } from './cassette/recover.js';
import { showCommand } from './cassette/show.js';
import { textconvCommand } from './cassette/textconv.js';
import { demandSubcommand } from './positionals.js';

export const cassetteCommand: CommandModule = {
  // No <command> positional: yargs would report it missing without naming the subcommands.
  command: 'cassette',
  describe: 'Show, export, import, list and recover cassettes; textconv for git diff',
  builder: (y) =>
    demandSubcommand(y.command(showCommand).command(exportCommand).command(importCommand).command(lsCommand).command(recoverCommand).command(textconvCommand), 'cassette', [
      'show',
      'export',
      'import',
      'ls',
      'recover',
      'textconv',
    ])
      .example('$0 cassette ls test/cassettes', 'Every cassette under a folder')
      .example('$0 cassette show test/cassettes/apis.cassette', 'One cassette as JSON'),
  handler: () => undefined,
};
