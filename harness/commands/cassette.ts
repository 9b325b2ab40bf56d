/** `tapegate cassette <show|export|import|ls|recover|textconv>`: cassettes from the terminal and from git. */
import type { CommandModule } from 'yargs';
import { exportCommand } from './cassette/export.js';
import { importCommand } from './cassette/import.js';
import { lsCommand } from './cassette/ls.js';
import { recoverCommand } from './cassette/recover.js';
import { showCommand } from './cassette/show.js';
import { textconvCommand } from './cassette/textconv.js';

export const cassetteCommand: CommandModule = {
  command: 'cassette <command>',
  describe: 'Show, export, import, list and recover cassettes; textconv for git diff',
  builder: (y) =>
    y
      .command(showCommand)
      .command(exportCommand)
      .command(importCommand)
      .command(lsCommand)
      .command(recoverCommand)
      .command(textconvCommand)
      .demandCommand(1),
  handler: () => undefined,
};
