/**
 * `tapegate replay --cassette FILE [--cassette-dir DIR] [--host H] [--port N] [--repeat last|error] [--max-body SIZE]`
 *
 * Serves a cassette until SIGINT or SIGTERM. stdout: first `listening http://HOST:PORT`,
 * at the end the summary (see proxy/summary.ts); stderr: one line per miss or refused
 * request. A cassette that cannot be read (truncated, not a cassette, a newer format, a
 * name escaping --cassette-dir) and a bad option exit 2 before anything listens.
 */
import type { CommandModule } from 'yargs';
import { DEFAULT_HOST, parseByteSize, parseHost, parsePort, parseRepeat, type RepeatPolicy } from '../../proxy/options.js';
import { startReplayProxy } from '../../proxy/server.js';
import { formatSummary } from '../../proxy/summary.js';

interface Args {
  cassette: string;
  'cassette-dir'?: string;
  host: string;
  port: string;
  repeat: RepeatPolicy;
  'max-body': string;
}

/** Resolves with the first SIGINT or SIGTERM; a second one gets Node's default (exit at once). */
function firstSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function write(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(text, () => resolve()));
}

export const replayCommand: CommandModule<object, Args> = {
  command: 'replay',
  describe: 'Serve a cassette to SDKs on a local port, offline (no credentials, no network)',
  builder: (y) =>
    y
      .option('cassette', { type: 'string', demandOption: true, describe: 'The cassette file (a name inside --cassette-dir when that is given)' })
      .option('cassette-dir', { type: 'string', describe: 'Folder the cassette must be in; names that escape it are refused' })
      .option('host', { type: 'string', default: DEFAULT_HOST, describe: 'Interface to listen on' })
      .option('port', { type: 'string', default: '0', describe: 'Port to listen on (0: any free port)' })
      .option('repeat', {
        choices: ['last', 'error'] as const,
        default: 'last' as const,
        describe: 'After a request used all its recorded exchanges: serve the last again, or answer a miss',
      })
      .option('max-body', { type: 'string', default: '10MiB', describe: 'Largest request body accepted (413 above it): bytes, KiB, MiB, kB, MB' })
      .example('$0 replay --cassette test/cassettes/apis.cassette', 'Serve a cassette on a free port; read the URL from the first line')
      .epilogue('stdout: "listening URL", then the summary when stopped (SIGINT/SIGTERM, exit 0). stderr: one line per miss.'),
  handler: async (args) => {
    // Checked here rather than in yargs coerce, which would turn our exit code 2 into 1.
    const proxy = await startReplayProxy({
      cassette: args.cassette,
      cassetteDir: args['cassette-dir'],
      host: parseHost(args.host),
      port: parsePort(args.port),
      repeat: parseRepeat(args.repeat),
      maxBodyBytes: parseByteSize(args['max-body']),
    });
    await write(`listening ${proxy.url}\n`);
    await firstSignal();
    const stats = await proxy.close();
    await write(formatSummary(stats));
  },
};
