/**
 * `tapegate exec --cassette FILE [--mode replay|record|auto] [proxy options] -- COMMAND...`:
 * any test command, in any language, with the proxy around it.
 */
import type { CommandModule } from 'yargs';
import { bundledContracts, loadContracts } from '../../contracts/load.js';
import { atLeast } from '../../contracts/findings.js';
import { startProxy, type ProxyMode, type ProxyStats } from '../../index.js';
import { parseUpstreamTimeout, parseFailOn, type FailOn } from '../../proxy/record-options.js';
import { parseHost, parsePort, parseRepeat } from '../../proxy/options.js';
import { formatRecordSummary } from '../../proxy/record-summary.js';
import { formatSummary } from '../../proxy/summary.js';
import { parseUpstream } from '../../proxy/upstream.js';
import { childEnv } from '../exec/child-env.js';
import { runChild } from '../exec/run-child.js';

interface Args {
  cassette: string;
  mode: ProxyMode;
  upstream?: string;
  profile?: string;
  region?: string;
  repeat: string;
  host: string;
  port: string;
  'upstream-timeout'?: string;
  'fail-on': string;
  contracts?: string;
  'redact-account-ids': boolean;
  '--'?: (string | number)[];
  _: (string | number)[];
}

export const execCommand: CommandModule<object, Args> = {
  command: 'exec',
  describe: 'Run any command with the proxy around it: AWS_ENDPOINT_URL (and the per-service variables) point at it',
  builder: (y) =>
    y
      .parserConfiguration({ 'populate--': true })
      .option('cassette', { type: 'string', demandOption: true, describe: 'The cassette to replay or record' })
      .option('mode', { choices: ['replay', 'record', 'auto', 'passthrough'] as const, default: 'replay' as const, describe: 'Proxy mode' })
      .option('upstream', { type: 'string', describe: 'Recording modes: forward here instead of AWS' })
      .option('profile', { type: 'string', describe: 'Recording modes: AWS profile to re-sign with' })
      .option('region', { type: 'string', describe: 'Recording modes: region to sign for and forward to' })
      .option('upstream-timeout', { type: 'string', describe: 'Recording modes: seconds before a 504 (default 30)' })
      .option('repeat', { choices: ['last', 'error'], default: 'last', describe: 'Replay: after the last identical exchange' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'Interface the proxy listens on' })
      .option('port', { type: 'string', default: '0', describe: 'Port the proxy listens on (0: any free port)' })
      .option('fail-on', { choices: ['error', 'warn', 'never'], default: 'never', describe: 'Exit 1 when the command passed but contract findings at or above this severity occurred' })
      .option('contracts', { type: 'string', describe: 'Folder of contract files (default: the bundled ones)' })
      .option('redact-account-ids', { type: 'boolean', default: false, describe: 'Recording modes: replace account ids with stable placeholders' })
      .example('$0 exec --cassette test/cassettes/smoke.cassette -- pytest tests/', 'Run pytest against the replay proxy, offline')
      .example('$0 exec --mode record --cassette test/cassettes/smoke.cassette -- node scripts/smoke.js', 'Record a script\'s AWS traffic'),
  handler: async (args) => {
    const command = (args['--'] ?? []).map(String);
    if (command.length === 0) {
      process.stderr.write('tapegate: exec needs a command after --, e.g. tapegate exec --cassette x.cassette -- npm test\n');
      process.exit(2);
    }
    const failOn: FailOn = parseFailOn(args['fail-on']);
    const contracts = args.contracts ? loadContracts({ dir: args.contracts }) : bundledContracts();
    const common = { cassette: args.cassette, host: parseHost(args.host), port: parsePort(args.port), contracts, log: false as const };
    const proxy = args.mode === 'replay'
      ? await startProxy({ ...common, mode: 'replay', repeat: parseRepeat(args.repeat) })
      : await startProxy({
          ...common,
          mode: args.mode,
          upstream: args.upstream === undefined ? undefined : parseUpstream(args.upstream),
          profile: args.profile,
          region: args.region,
          upstreamTimeoutMs: args['upstream-timeout'] === undefined ? undefined : parseUpstreamTimeout(args['upstream-timeout']),
          redactAccountIds: args['redact-account-ids'],
          force: args.mode === 'record' ? true : undefined,
        });
    let status: number;
    try {
      status = await runChild(command, childEnv(process.env, proxy.url, args.mode, contracts));
    } catch (error) {
      await proxy.close();
      throw error;
    }
    const stats: ProxyStats = await proxy.close();
    process.stderr.write(stats.mode === 'replay' ? formatSummary(stats) : formatRecordSummary(stats));
    const failing = failOn !== 'never' && stats.findings.some((finding) => atLeast(finding.severity, failOn));
    process.exitCode = status !== 0 ? status : failing ? 1 : 0;
  },
};
