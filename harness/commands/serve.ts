/**
 * `tapegate serve --cassette-dir DIR [--mode MODE] [--cassette NAME] [--upstream URL] [proxy options]`
 *
 * One long-running proxy for suites in any language that give each test its own cassette:
 * the control surface under `/__tapegate/` (proxy/control.ts) starts and stops sessions on
 * cassettes named inside DIR, and each request names its session in `x-tapegate-session`.
 * `--mode` is the mode of sessions started without one; `--cassette`, optional, is the
 * proxy's own, for requests that name no session while none is open. stdout: first
 * `listening http://HOST:PORT`, at the end the sessions' summary (and the proxy's own, with
 * --cassette); stderr: one line per miss, finding and refusal, each naming its session's
 * cassette. SIGINT/SIGTERM: sessions still open are written, exit 0 (1 when --fail-on
 * findings occurred in any session). Bad options exit 2 before anything listens.
 */
import type { CommandModule } from 'yargs';
import { MODE_NAMES, DEFAULT_HOST, type ModeName } from '../../proxy/options.js';
import { startProxy } from '../../proxy/start.js';
import { formatSessionsSummary, formatSummary } from '../../proxy/summary.js';
import {
  ALLOW_HOST_OPTION,
  ALLOW_REMOTE_OPTION,
  CONFIG_OPTION,
  EXPIRES_IN_OPTION,
  ON_EXPIRED_OPTION,
  RECORD_IN_CI_OPTION,
  REDACT_HEADERS_OPTION,
  givenFromFlags,
  readProxyConfig,
  sessionsProxyOptions,
  type ProxyFlagArgs,
} from './proxy-config.js';
import { firstSignal, write } from './serve-loop.js';

interface Args extends ProxyFlagArgs {
  'cassette-dir': string;
  mode: ModeName;
  config?: string;
}

export const serveCommand: CommandModule<object, Args> = {
  command: 'serve',
  describe: 'One proxy, a cassette per test: start and stop sessions over HTTP (/__tapegate/sessions), any language',
  builder: (y) =>
    y
      .option('cassette-dir', { type: 'string', demandOption: true, describe: "Folder of the sessions' cassettes; names that escape it are refused" })
      .option('mode', {
        choices: MODE_NAMES,
        default: 'replay' as const,
        describe: 'Mode of sessions started without one (and of --cassette); once records a missing cassette and replays an existing one',
      })
      .option('cassette', { type: 'string', describe: "The proxy's own cassette (a name inside --cassette-dir), for requests that name no session while none is open" })
      .option('force', { type: 'boolean', describe: 'record sessions overwrite an existing cassette' })
      .option('host', { type: 'string', default: DEFAULT_HOST, describe: 'Interface to listen on (the control surface answers on loopback only)' })
      .option('allow-remote', ALLOW_REMOTE_OPTION)
      .option('allow-host', ALLOW_HOST_OPTION)
      .option('port', { type: 'string', default: '0', describe: 'Port to listen on (0: any free port)' })
      .option('upstream', { type: 'string', describe: "Recording sessions: forward here instead of AWS [default: the config's upstream]" })
      .option('profile', { type: 'string', describe: 'Recording sessions: AWS profile to re-sign with' })
      .option('region', { type: 'string', describe: 'Recording sessions: region to sign for and forward to' })
      .option('upstream-timeout', { type: 'string', default: '30', describe: 'Recording sessions: seconds before a 504' })
      .option('record-failures', { type: 'boolean', describe: 'Recording sessions: also record exchanges whose forwarding failed' })
      .option('repeat', { choices: ['last', 'error'] as const, describe: "Replay sessions: after the last identical exchange [default: the config's repeat, else last]" })
      .option('fail-on', {
        choices: ['error', 'warn', 'never'] as const,
        describe: "Exit 1 when contract findings at or above this severity occurred in any session [default: the config's failOn, else never]",
      })
      .option('redact-account-ids', { type: 'boolean', describe: "Recording sessions: replace account ids with stable placeholders [default: the config's redaction.accountIds]" })
      .option('redact-headers', REDACT_HEADERS_OPTION)
      .option('max-body', { type: 'string', describe: "Largest request body accepted (413 above it) [default: the config's maxBodyBytes, else 10MiB]" })
      .option('max-response', { type: 'string', describe: 'Largest upstream answer recorded (502 above it) [default: 64MiB]' })
      .option('record-in-ci', RECORD_IN_CI_OPTION)
      .option('expires-in', EXPIRES_IN_OPTION)
      .option('on-expired', ON_EXPIRED_OPTION)
      .option('config', CONFIG_OPTION)
      .example('$0 serve --cassette-dir tests/cassettes', 'Replay per-test cassettes; a test starts its session with POST URL/__tapegate/sessions {"cassette": "NAME"}')
      .example('$0 serve --cassette-dir tests/cassettes --mode record --upstream http://127.0.0.1:4566', 'Record every test into its own cassette against a local emulator')
      .epilogue(
        'Control surface (JSON): POST /__tapegate/sessions {"cassette": NAME, "mode"?: MODE, "force"?: BOOL} → 201 {"id", ...}; ' +
          "DELETE /__tapegate/sessions/ID → 200 the session's summary, its cassette written; GET /__tapegate/sessions lists them. " +
          'A request names its session in the x-tapegate-session header (never recorded, matched or forwarded); without it, the last started session still open serves it. ' +
          'NAME is a cassette inside --cassette-dir (".cassette" added when missing); absolute names and names escaping it answer 400. ' +
          'For pytest: the tapegate_pytest plugin shipped in the package (see README, "Per-test cassettes"). ' +
          'stdout: "listening URL", then the summary when stopped (SIGINT/SIGTERM).',
      ),
  handler: async (args) => {
    const given = { ...givenFromFlags(args), cassetteDir: args['cassette-dir'] };
    const proxy = await startProxy(sessionsProxyOptions(args.mode, given, readProxyConfig(args.config, process.cwd())), 'flag');
    // Listening for signals before saying "listening": a caller may stop us as soon as it reads the line.
    const stopped = firstSignal();
    await write(`listening ${proxy.url}\n`);
    process.stderr.write(`tapegate: sessions at ${proxy.control}/sessions, cassettes in ${given.cassetteDir}\n`);
    await stopped;
    const own = await proxy.close();
    const sessions = proxy.sessions();
    await write(formatSessionsSummary(sessions) + (proxy.cassette === null ? '' : formatSummary(own)));
    if (own.failOnReached || sessions.some((outcome) => outcome.stats.failOnReached)) process.exitCode = 1;
  },
};
