/**
 * `tapegate record --cassette FILE [--force] [--upstream URL] [--profile P] [--region R] ...`
 *
 * Forwards every request to AWS (or --upstream), re-signed with the user's credentials, and
 * writes a new cassette. `auto` and `passthrough` (auto.ts, passthrough.ts) share this file's
 * options and run loop. stdout: first `listening http://HOST:PORT`, at the end the summary;
 * stderr: one line per finding, refusal and upstream failure. SIGINT/SIGTERM: in-flight
 * requests finish, the cassette is finished (atomic rename), the summary printed, exit 0, or
 * 1 when --fail-on findings occurred. Bad options exit 2 before anything listens.
 * tapegate.config.json (here or --config) gives the defaults of --upstream, --fail-on,
 * --redact-account-ids and --max-body, headers to redact, the contracts and, for auto, the
 * matcher's matchHeaders and ignoreBody (proxy-config.ts).
 */
import type { Argv, CommandModule } from 'yargs';
import type { ProxyMode } from '../../proxy/modes.js';
import { DEFAULT_HOST } from '../../proxy/options.js';
import { startProxy } from '../../proxy/start.js';
import { formatSummary } from '../../proxy/summary.js';
import {
  ALLOW_HOST_OPTION,
  ALLOW_REMOTE_OPTION,
  CONFIG_OPTION,
  EXPIRES_IN_OPTION,
  ON_EXPIRED_OPTION,
  RECORD_IN_CI_OPTION,
  givenFromFlags,
  proxyOptions,
  readProxyConfig,
  REDACT_HEADERS_OPTION,
} from './proxy-config.js';

type RecordMode = Exclude<ProxyMode, 'replay'>;
import { firstSignal, write } from './serve-loop.js';

export interface RecordArgs {
  cassette?: string;
  'cassette-dir'?: string;
  force?: boolean;
  host: string;
  'allow-remote'?: boolean;
  'allow-host'?: string[];
  port: string;
  upstream?: string;
  profile?: string;
  region?: string;
  'upstream-timeout': string;
  'record-failures'?: boolean;
  'redact-account-ids'?: boolean;
  'redact-headers'?: string[];
  'fail-on'?: string;
  'max-body'?: string;
  'max-response'?: string;
  'record-in-ci'?: boolean;
  'expires-in'?: string;
  'on-expired'?: string;
  config?: string;
}

/** The options every recording mode takes; `mode` adds or drops the cassette ones. */
export function recordingOptions(y: Argv, mode: RecordMode): Argv<RecordArgs> {
  let args = y;
  if (mode !== 'passthrough') {
    args = args
      .option('cassette', { type: 'string', demandOption: true, describe: 'The cassette file to write (a name inside --cassette-dir when that is given)' })
      .option('cassette-dir', { type: 'string', describe: 'Folder the cassette must be in; names that escape it are refused' })
      .option('record-failures', { type: 'boolean', default: false, describe: 'Also record exchanges whose forwarding failed (with the 502/504 the client got)' })
      .option('redact-account-ids', {
        type: 'boolean',
        describe: "Replace AWS account ids with stable placeholders (000000000001, ...) [default: the config's redaction.accountIds, else false]",
      });
  }
  if (mode === 'record') args = args.option('force', { type: 'boolean', default: false, describe: 'Overwrite an existing cassette' });
  if (mode === 'auto') args = args.option('expires-in', EXPIRES_IN_OPTION).option('on-expired', ON_EXPIRED_OPTION);
  return args
    .option('host', { type: 'string', default: DEFAULT_HOST, describe: 'Interface to listen on' })
    .option('allow-remote', ALLOW_REMOTE_OPTION)
    .option('allow-host', ALLOW_HOST_OPTION)
    .option('port', { type: 'string', default: '0', describe: 'Port to listen on (0: any free port)' })
    .option('upstream', {
      type: 'string',
      describe: "Forward everything to this http(s) origin instead of the AWS endpoint of each request's credential scope [default: the config's upstream]",
    })
    .option('profile', { type: 'string', describe: 'Profile of the shared AWS config/credentials files to sign with (default: the standard provider chain)' })
    .option('region', { type: 'string', describe: 'Sign for (and, without --upstream, forward to) this region instead of the one each request was signed for' })
    .option('upstream-timeout', { type: 'string', default: '30', describe: 'Seconds an upstream exchange may take before the client gets a 504' })
    .option('fail-on', {
      choices: ['error', 'warn', 'never'] as const,
      describe: "Exit 1 when contract findings at or above this severity occurred [default: the config's failOn, else never]",
    })
    .option('redact-headers', REDACT_HEADERS_OPTION)
    .option('max-body', { type: 'string', describe: "Largest request body accepted (413 above it): bytes, KiB, MiB, kB, MB [default: the config's maxBodyBytes, else 10MiB]" })
    .option('max-response', { type: 'string', describe: 'Largest upstream answer recorded (502 above it): bytes, KiB, MiB, kB, MB [default: 64MiB]' })
    .option('record-in-ci', RECORD_IN_CI_OPTION)
    .option('config', CONFIG_OPTION);
}

/** Checks the flags (exit 2 on a bad one), runs the proxy until a signal, prints the summary. */
export function recordingHandler(mode: RecordMode): (args: RecordArgs) => Promise<void> {
  return async (args) => {
    // Checked by startProxy rather than in yargs coerce, which would turn our exit code 2 into 1.
    const proxy = await startProxy(proxyOptions(mode, givenFromFlags(args), readProxyConfig(args.config, process.cwd())), 'flag');
    // Listening for signals before saying "listening": a caller may stop us as soon as it reads the line.
    const stopped = firstSignal();
    await write(`listening ${proxy.url}\n`);
    await stopped;
    const stats = await proxy.close();
    await write(formatSummary(stats));
    if (stats.failOnReached) process.exitCode = 1;
  };
}

const EPILOGUE =
  "Requests are forwarded to the AWS endpoint of their SigV4 credential scope (its region's partition as the AWS SDK knows it: aws, aws-cn, aws-us-gov, aws-eusc, the ISO ones) or to " +
  '--upstream, and nowhere else; each is re-signed with credentials from the standard AWS provider chain ' +
  '(environment, shared files, SSO, container and instance roles). Every exchange is redacted, scanned for ' +
  'secrets and fsynced before its client gets the answer. stdout: "listening URL", then the summary when stopped ' +
  '(SIGINT/SIGTERM). stderr: one line per finding, refusal and upstream failure. --fail-on defaults to never: ' +
  'recording reports findings, it does not fail on them unless asked (or tapegate.config.json sets failOn). ' +
  'Flags override tapegate.config.json.';

export const recordCommand: CommandModule<object, RecordArgs> = {
  command: 'record',
  describe: 'Forward SDK traffic to AWS, re-signed with your credentials, and write a new cassette',
  builder: (y) =>
    recordingOptions(y, 'record')
      .example('$0 record --cassette test/cassettes/apis.cassette --profile dev', 'Record against AWS with the "dev" profile; point the SDK at the printed URL')
      .example('$0 record --cassette apis.cassette --upstream http://127.0.0.1:4566', 'Record against a local emulator instead of AWS')
      .example('$0 record --cassette apis.cassette --force --redact-headers x-api-key x-tenant', 'Re-record, keeping two more headers out of the cassette')
      .epilogue(EPILOGUE + ' An existing cassette is refused unless --force.'),
  handler: recordingHandler('record'),
};
