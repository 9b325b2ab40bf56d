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
import { withExecUsage } from './exec/command-line.js';
import { TapegateError } from '../core/errors.js';
import { toolVersion } from '../core/package-root.js';

/**
 * `tapegate contracts list | head -1`: once the reader has gone, a write to stdout fails with
 * EPIPE. That is the reader saying it has seen enough, not a failure: stop quietly with 0,
 * as other Unix tools do, for every command. Any other stdout error is still an error.
 */
function quietOnClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`tapegate: Failed to write to stdout: ${error.message}\n`);
    process.exit(1);
  });
}

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
    // tapegate's own version: a bare .version() reads the package.json nearest the current
    // folder, which in a project that depends on tapegate is that project's.
    .version(toolVersion())
    // No wrapping: cliui breaks text inside words (and examples in the middle of a path) to
    // fit its columns, so copied examples broke. A terminal folds long lines by itself.
    .wrap(null)
    .fail((message, error) => {
      if (error) throw error;
      process.stderr.write(`tapegate: ${withExecUsage(argv, message)}\nRun with --help for usage.\n`);
      process.exit(2);
    });
  // commands/index.ts lists modules of different argument types, so as CommandModule<any, any>
  // (yargs' CommandModule is invariant in them): each is registered as yargs' untyped default.
  for (const command of commands) cli.command(command as CommandModule);
  await cli.parseAsync();
}

quietOnClosedStdout();
main(hideBin(process.argv)).catch((error: unknown) => {
  if (error instanceof TapegateError) {
    process.stderr.write(`tapegate: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  if (process.env.TAPEGATE_DEBUG) console.error(error);
  process.stderr.write(`tapegate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
