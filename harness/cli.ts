#!/usr/bin/env node
/**
 * The `tapegate` command line: yargs, one command module per file under `harness/commands/`.
 * Usage mistakes exit 2 with yargs' message; a failure of the tool itself exits 1 with a
 * one-line message (no stack trace unless TAPEGATE_DEBUG is set).
 */
import yargs from 'yargs';
import type { CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { commands } from './commands/index.js';
import { TapegateError } from '../core/errors.js';

export async function main(argv: string[]): Promise<void> {
  const cli = yargs(argv)
    .scriptName('tapegate')
    .strict()
    .demandCommand(1, 'Name a command: tapegate --help lists them.')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .example('$0 demo', 'Replay the bundled seed scenario offline (what npm start runs)')
    .example('$0 replay --cassette test/cassettes/apis.cassette', 'Serve a cassette to SDKs on a free loopback port')
    .example('$0 exec --cassette test/cassettes/smoke.cassette -- pytest', 'Run any test command against the replay proxy')
    .version()
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .fail((message, error) => {
      if (error) throw error;
      process.stderr.write(`tapegate: ${message}\nRun with --help for usage.\n`);
      process.exit(2);
    });
  // commands/index.ts lists modules of different argument types, so as CommandModule<any, any>
  // (yargs' CommandModule is invariant in them): each is registered as yargs' untyped default.
  for (const command of commands) cli.command(command as CommandModule);
  await cli.parseAsync();
}

main(hideBin(process.argv)).catch((error: unknown) => {
  if (error instanceof TapegateError) {
    process.stderr.write(`tapegate: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  if (process.env.TAPEGATE_DEBUG) console.error(error);
  process.stderr.write(`tapegate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
