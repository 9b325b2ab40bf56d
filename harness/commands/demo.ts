/** `tapegate demo`: what `npm start` runs. */
import type { CommandModule } from 'yargs';

interface Args {
  cassette?: string;
}

export const demoCommand: CommandModule<object, Args> = {
  command: 'demo',
  describe: 'Replay the bundled example cassette of the five seed operations with the AWS SDK v3, offline, and print each call and its contract findings',
  builder: (y) =>
    y
      .option('cassette', { type: 'string', describe: 'Another recording of the seed scenario', defaultDescription: 'cassettes/examples/seed-scenario.cassette' })
      .example('$0 demo', 'Replay the bundled seed scenario'),
  handler: async (args) => {
    // Loaded here, not at the top: the AWS SDK clients cost every other command ~0.8 s of start-up.
    const { runDemo } = await import('../demo/run-demo.js');
    process.exitCode = await runDemo({ cassette: args.cassette });
  },
};
