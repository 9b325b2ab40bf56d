/**
 * `tapegate replay --cassette FILE [--cassette-dir DIR] [--host H] [--port N] [--repeat last|error] [--max-body SIZE]
 * [--config FILE]`
 *
 * Serves a cassette until SIGINT or SIGTERM. stdout: first `listening http://HOST:PORT`,
 * at the end the summary (see proxy/summary.ts); stderr: one line per miss or refused
 * request. A cassette that cannot be read (truncated, not a cassette, a newer format, a
 * name escaping --cassette-dir), a bad option and a wrong config exit 2 before anything
 * listens. tapegate.config.json (here or --config) gives the matcher its matchHeaders and
 * ignoreBody, the contracts, and the defaults of --repeat and --max-body (proxy-config.ts).
 */
import type { CommandModule } from 'yargs';
import { DEFAULT_HOST } from '../../proxy/options.js';
import { startProxy } from '../../proxy/start.js';
import { formatSummary } from '../../proxy/summary.js';
import { ALLOW_HOST_OPTION, ALLOW_REMOTE_OPTION, CONFIG_OPTION, EXPIRES_IN_OPTION, ON_EXPIRED_OPTION, givenFromFlags, proxyOptions, readProxyConfig } from './proxy-config.js';
import { firstSignal, write } from './serve-loop.js';

interface Args {
  cassette: string;
  'cassette-dir'?: string;
  host: string;
  'allow-remote'?: boolean;
  'allow-host'?: string[];
  port: string;
  repeat?: string;
  'max-body'?: string;
  'expires-in'?: string;
  'on-expired'?: string;
  config?: string;
}

export const replayCommand: CommandModule<object, Args> = {
  command: 'replay',
  describe: 'Serve a cassette to SDKs on a local port, offline (no credentials, no network)',
  builder: (y) =>
    y
      .option('cassette', { type: 'string', demandOption: true, describe: 'The cassette file (a name inside --cassette-dir when that is given)' })
      .option('cassette-dir', { type: 'string', describe: 'Folder the cassette must be in; names that escape it are refused' })
      .option('host', { type: 'string', default: DEFAULT_HOST, describe: 'Interface to listen on' })
      .option('allow-remote', ALLOW_REMOTE_OPTION)
      .option('allow-host', ALLOW_HOST_OPTION)
      .option('port', { type: 'string', default: '0', describe: 'Port to listen on (0: any free port)' })
      .option('repeat', {
        choices: ['last', 'error'] as const,
        describe: "After a request used all its recorded exchanges: serve the last again, or answer a miss [default: the config's repeat, else last]",
      })
      .option('max-body', { type: 'string', describe: "Largest request body accepted (413 above it): bytes, KiB, MiB, kB, MB [default: the config's maxBodyBytes, else 10MiB]" })
      .option('expires-in', EXPIRES_IN_OPTION)
      .option('on-expired', { ...ON_EXPIRED_OPTION, choices: ['warn', 'error'] as const, describe: 'What an expired cassette does: warn (default) or error (refuse to start)' })
      .option('config', CONFIG_OPTION)
      .example('$0 replay --cassette test/cassettes/apis.cassette', 'Serve a cassette on a free port; read the URL from the first line')
      .example(
        '$0 replay --cassette apis.cassette --config ci/tapegate.config.json --repeat error',
        'Match as that config says, but answer a miss to a repeat beyond the recording',
      )
      .epilogue('stdout: "listening URL", then the summary when stopped (SIGINT/SIGTERM, exit 0). stderr: one line per miss.'),
  handler: async (args) => {
    const proxy = await startProxy(proxyOptions('replay', givenFromFlags(args), readProxyConfig(args.config, process.cwd())), 'flag');
    // Listening for signals before saying "listening": a caller may stop us as soon as it reads the line.
    const stopped = firstSignal();
    await write(`listening ${proxy.url}\n`);
    await stopped;
    const stats = await proxy.close();
    await write(formatSummary(stats));
  },
};
