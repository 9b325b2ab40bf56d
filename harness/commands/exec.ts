/**
 * `tapegate exec --cassette FILE [--mode replay|record|auto|passthrough|once|none|all|new_episodes] [proxy options] [--config FILE] -- COMMAND...`:
 * any test command, in any language, with the proxy around it. tapegate.config.json (here or
 * --config) gives the proxy what it gives `replay` and `record` (proxy-config.ts); flags win.
 */
import type { CommandModule } from 'yargs';
import { reached } from '../../proxy/steps/validate.js';
import { startProxy, type ProxyStats } from '../../index.js';
import { MODE_NAMES, type ModeName } from '../../proxy/options.js';
import { formatSessionsSummary, formatSummary } from '../../proxy/summary.js';
import { childEnv } from '../exec/child-env.js';
import { EXEC_USAGE } from '../exec/command-line.js';
import { runChild } from '../exec/run-child.js';
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
  sessionsProxyOptions,
} from './proxy-config.js';

/**
 * exec runs on every test run, where a long list of unused exchanges buries the command's own
 * output. VCR.py and Polly.js say nothing about unused recordings unless asked (Ruby VCR's
 * allow_unused_http_interactions: false fails and lists them), so exec names the first few and
 * counts the rest; --verbose lists them all, useCassette's failOnUnused fails on them.
 */
const EXEC_UNUSED_LISTED = 5;

interface Args {
  cassette?: string;
  'cassette-dir'?: string;
  sessions?: boolean;
  mode: ModeName;
  force?: boolean;
  verbose?: boolean;
  'record-in-ci'?: boolean;
  'expires-in'?: string;
  'on-expired'?: string;
  upstream?: string;
  profile?: string;
  region?: string;
  repeat?: string;
  host: string;
  'allow-remote'?: boolean;
  'allow-host'?: string[];
  port: string;
  'upstream-timeout'?: string;
  'fail-on'?: string;
  contracts?: string;
  'redact-account-ids'?: boolean;
  'redact-headers'?: string[];
  'max-body'?: string;
  config?: string;
  '--'?: (string | number)[];
  _: (string | number)[];
}

export const execCommand: CommandModule<object, Args> = {
  command: 'exec',
  describe: 'Run any command with the proxy around it: AWS_ENDPOINT_URL (and the per-service variables) point at it',
  builder: (y) =>
    y
      // The command's own arguments stay strings as written ("007" is not 7). Without its --,
      // the cli's fail handler says how exec is called (exec/command-line.ts).
      .parserConfiguration({ 'populate--': true, 'parse-positional-numbers': false })
      .option('cassette', { type: 'string', describe: 'The cassette to replay or record (required without --sessions)' })
      .option('sessions', {
        type: 'boolean',
        describe:
          'A cassette per test: serve the control surface (/__tapegate/sessions) for sessions on cassettes inside --cassette-dir; sets TAPEGATE_URL and puts the tapegate_pytest plugin on PYTHONPATH',
      })
      .option('cassette-dir', { type: 'string', describe: 'Folder the cassettes must be in (required with --sessions); names that escape it are refused' })
      .option('mode', {
        choices: MODE_NAMES,
        default: 'replay' as const,
        describe: "Proxy mode; once records a missing cassette and replays an existing one; none, all and new_episodes are VCR.py's names for replay, record and auto",
      })
      .option('force', { type: 'boolean', describe: 'Recording: overwrite an existing cassette (--mode record refuses one without it, as tapegate record does)' })
      .option('verbose', { type: 'boolean', describe: 'List every recorded exchange the run never used (by default the first few, and a count)' })
      .option('record-in-ci', RECORD_IN_CI_OPTION)
      .option('expires-in', EXPIRES_IN_OPTION)
      .option('on-expired', ON_EXPIRED_OPTION)
      .option('upstream', { type: 'string', describe: "Recording modes: forward here instead of AWS [default: the config's upstream]" })
      .option('profile', { type: 'string', describe: 'Recording modes: AWS profile to re-sign with' })
      .option('region', { type: 'string', describe: 'Recording modes: region to sign for and forward to' })
      .option('upstream-timeout', { type: 'string', describe: 'Recording modes: seconds before a 504 (default 30)' })
      .option('repeat', { choices: ['last', 'error'], describe: "Replay: after the last identical exchange [default: the config's repeat, else last]" })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'Interface the proxy listens on' })
      .option('allow-remote', ALLOW_REMOTE_OPTION)
      .option('allow-host', ALLOW_HOST_OPTION)
      .option('port', { type: 'string', default: '0', describe: 'Port the proxy listens on (0: any free port)' })
      .option('fail-on', {
        choices: ['error', 'warn', 'never'],
        describe: "Exit 1 when the command passed but contract findings at or above this severity occurred [default: the config's failOn, else never]",
      })
      .option('contracts', { type: 'string', describe: "Folder of contract files, used alone [default: the bundled ones, with the config's contracts folders beside them]" })
      .option('redact-account-ids', {
        type: 'boolean',
        describe: "Recording modes: replace account ids with stable placeholders [default: the config's redaction.accountIds, else false]",
      })
      .option('redact-headers', { ...REDACT_HEADERS_OPTION, describe: `Recording modes: ${REDACT_HEADERS_OPTION.describe}` })
      .option('max-body', { type: 'string', describe: "Largest request body accepted (413 above it) [default: the config's maxBodyBytes, else 10MiB]" })
      .option('config', CONFIG_OPTION)
      .example('$0 exec --cassette test/cassettes/smoke.cassette -- pytest tests/', 'Run pytest against the replay proxy, offline')
      .example('$0 exec --mode record --cassette test/cassettes/smoke.cassette -- node scripts/smoke.js', "Record a script's AWS traffic")
      .example('$0 exec --mode once --cassette test/cassettes/smoke.cassette -- npm test', 'Record the cassette if it is missing, replay it otherwise (refused under CI=true)')
      .example(
        '$0 exec --sessions --cassette-dir tests/cassettes --mode once -- python3 -m pytest -p tapegate_pytest tests/test_orders.py',
        'A cassette per pytest test (the tapegate_cassette fixture): recorded when missing, replayed otherwise',
      ),
  handler: async (args) => {
    const command = (args['--'] ?? []).map(String);
    if (command.length === 0) {
      process.stderr.write(`tapegate: exec needs a command after --: ${EXEC_USAGE}, e.g. tapegate exec --cassette x.cassette -- npm test\n`);
      process.exit(2);
    }
    if (args.sessions !== true && args.cassette === undefined) {
      process.stderr.write('tapegate: exec needs --cassette FILE, or --sessions --cassette-dir DIR for a cassette per test\n');
      process.exit(2);
    }
    // --mode record refuses an existing cassette unless --force, as `tapegate record` does
    // (`all`, VCR.py's name, overwrites: that is what it means there).
    const given = givenFromFlags(args);
    const proxyConfig = readProxyConfig(args.config, process.cwd(), args.contracts);
    const { contracts } = proxyConfig;
    // exec judges the findings itself, after the command's own status, in every mode; the
    // proxy is told `never`, or its summary would promise an exit 1 the command's status may override.
    const failOn = given.failOn ?? proxyConfig.failOn;
    const quiet = { failOn: 'never', log: false } as const;
    const proxy =
      args.sessions === true
        ? await startProxy({ ...sessionsProxyOptions(args.mode, { ...given, cassetteDir: args['cassette-dir'] as string }, proxyConfig), ...quiet }, 'flag')
        : await startProxy({ ...proxyOptions(args.mode, given, proxyConfig), ...quiet }, 'flag');
    let status: number;
    try {
      status = await runChild(command, childEnv(process.env, proxy.url, proxy.mode, contracts, proxy.control));
    } catch (error) {
      await proxy.close();
      throw error;
    }
    const stats: ProxyStats = await proxy.close();
    const sessions = proxy.sessions();
    const summaryOptions = { unusedListed: args.verbose === true ? Infinity : EXEC_UNUSED_LISTED, moreHint: ' (--verbose lists them all)' };
    process.stderr.write(
      (proxy.control === null ? '' : formatSessionsSummary(sessions)) + (proxy.cassette === null && proxy.control !== null ? '' : formatSummary(stats, summaryOptions)),
    );
    const failing = reached(stats.findings, failOn) || sessions.some((outcome) => reached(outcome.stats.findings, failOn));
    process.exitCode = status !== 0 ? status : failing ? 1 : 0;
  },
};
