/** `tapegate demo`: what `npm start` runs. */
import type { CommandModule } from 'yargs';
import { defaultDemoCassette, runDemo } from '../demo/run-demo.js';

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
    process.exitCode = await runDemo({ cassette: args.cassette ?? defaultDemoCassette() });
  },
};
