/**
 * `tapegate.config.json` for the proxy commands (replay, record, auto, passthrough, exec) and
 * `useCassette`: one place that reads the file, parses the flags that may override it and
 * merges the two into the `ProxyOptions` handed to `startProxy`, so the five commands say the
 * same thing the same way. Flag values go through as given: `startProxy(options, 'flag')`
 * checks them once and blames a bad one by its flag. Flags win; the file only changes defaults:
 *
 * - matchHeaders, ignoreBody → the matcher (replay, and auto's "is this one recorded?");
 * - repeat → `--repeat`, maxBodyBytes → `--max-body`, upstream → `--upstream`;
 * - redaction.accountIds → `--redact-account-ids` (`--no-redact-account-ids` turns it off);
 * - redaction.extraHeaders → the headers dropped before writing; `--redact-headers` adds to
 *   them and never removes one: a flag must not quietly un-redact what the team's file redacts;
 * - contracts → the contract set (`exec --contracts` wins);
 * - failOn → `--fail-on`. verify fails on errors by default, the proxies never do (recording
 *   reports findings, it does not fail on them), so only a file that says failOn changes it.
 */
import { relative } from 'node:path';
import { loadContracts, type ContractSet } from '../../contracts/load.js';
import type { ExpiredStrategy, ModeName, ProxyOptions, RecordOptions, RepeatPolicy, SessionsOptions } from '../../proxy/options.js';
import { parseUpstreamTimeout } from '../../proxy/option-values.js';
import type { FailOn } from '../../core/findings.js';
import { parseUpstream } from '../../proxy/upstream.js';
import { configuredContracts, contractsNote } from '../config/contracts.js';
import { loadConfig } from '../config/load.js';
import { CONFIG_FILE_NAME, defaultConfig, type TapegateConfig } from '../config/types.js';
import { TapegateError } from '../../core/errors.js';

export const CONFIG_OPTION = {
  type: 'string',
  describe: `Config file [default: ${CONFIG_FILE_NAME} in the current folder, if there is one]`,
} as const;

/** `--allow-remote` and `--allow-host`, for every proxy command. */
export const ALLOW_REMOTE_OPTION = {
  type: 'boolean',
  describe: 'Allow a --host that is not a loopback address (anyone who can reach it can use the proxy)',
} as const;
export const ALLOW_HOST_OPTION = {
  type: 'string',
  array: true,
  describe: 'More Host names requests may carry (e.g. host.docker.internal); others, and any request with an Origin header, get 403',
} as const;

/** VCR-style safety and freshness, for every proxy command that may record or replay. */
export const RECORD_IN_CI_OPTION = {
  type: 'boolean',
  describe: 'Record even though CI is set (by default CI only replays: a recording mode refuses to start)',
} as const;
export const EXPIRES_IN_OPTION = {
  type: 'string',
  describe: 'A cassette recorded longer ago than this (30d, 12h, 90m) is expired; see --on-expired',
} as const;
export const ON_EXPIRED_OPTION = {
  choices: ['warn', 'error', 'record'] as const,
  describe: 'What an expired cassette does: warn (default), error (refuse to start), record (record it again; once and auto)',
} as const;

export const REDACT_HEADERS_OPTION = {
  type: 'string',
  array: true,
  describe: "More header names to drop before anything is written or validated (added to the config's redaction.extraHeaders)",
} as const;

export interface ProxyConfig {
  config: TapegateConfig;
  /** `--contracts` alone, else the bundled contracts with the config's folders beside them. */
  contracts: ContractSet;
  /** The proxies' failOn: the file's when it says one, else `never` (see above). */
  failOn: FailOn;
}

/**
 * Reads the config (`path` relative to `cwd`; undefined: `tapegate.config.json` there if any;
 * false: none) and the contracts. A `contractsDir` (a flag) is what ignoreBody is checked against.
 * Contracts the config adds are named in one `log` line (stderr), with the bundled services they replace.
 */
export function readProxyConfig(
  path: string | false | undefined,
  cwd: string,
  contractsDir?: string,
  log: (line: string) => void = (line) => void process.stderr.write(line),
): ProxyConfig {
  const flagContracts = contractsDir === undefined ? undefined : loadContracts({ dir: contractsDir });
  const config = path === false ? defaultConfig() : loadConfig(path, cwd, flagContracts ? { contracts: flagContracts } : {});
  const contracts = flagContracts ?? configuredContracts(config);
  if (flagContracts === undefined) {
    const note = contractsNote(config, contracts, cwd);
    if (note !== null) log(`tapegate: contracts: ${note}\n`);
  }
  return { config, contracts, failOn: config.fileKeys.includes('failOn') ? config.failOn : 'never' };
}

/** The proxy flags as yargs hands them over: undefined when not given. */
export interface ProxyFlagArgs {
  cassette?: string;
  'cassette-dir'?: string;
  host?: string;
  'allow-remote'?: boolean;
  'allow-host'?: string[];
  port?: string;
  repeat?: string;
  'max-body'?: string;
  'max-response'?: string;
  upstream?: string;
  profile?: string;
  region?: string;
  'upstream-timeout'?: string;
  'record-failures'?: boolean;
  force?: boolean;
  'redact-account-ids'?: boolean;
  'redact-headers'?: string[];
  'fail-on'?: string;
  'record-in-ci'?: boolean;
  'expires-in'?: string;
  'on-expired'?: string;
}

/** What a command or `useCassette` gives, before the config's defaults fill the rest. */
export type GivenOptions = Partial<{
  cassette: string;
  cassetteDir: string;
  host: string;
  allowRemote: boolean;
  allowedHosts: string[];
  port: string | number;
  repeat: RepeatPolicy;
  maxBodyBytes: string | number;
  maxResponseBytes: string | number;
  upstream: string | URL;
  profile: string;
  region: string;
  upstreamTimeoutMs: number;
  recordFailures: boolean;
  force: boolean;
  redactAccountIds: boolean;
  redactHeaders: string[];
  failOn: FailOn;
  recordInCI: boolean;
  expiresIn: string | number;
  onExpired: ExpiredStrategy;
  credentials: RecordOptions['credentials'];
  log: false | ((line: string) => void);
}>;

/** Drops the keys whose value is undefined, so that they do not hide a default. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The flags as `GivenOptions`. `--upstream-timeout` is seconds: the one flag converted here. */
export function givenFromFlags(args: ProxyFlagArgs): GivenOptions {
  return defined({
    cassette: args.cassette,
    cassetteDir: args['cassette-dir'],
    host: args.host,
    allowRemote: args['allow-remote'],
    allowedHosts: args['allow-host']
      ?.flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter((value) => value !== ''),
    port: args.port,
    repeat: args.repeat as RepeatPolicy | undefined,
    maxBodyBytes: args['max-body'],
    maxResponseBytes: args['max-response'],
    upstream: args.upstream,
    profile: args.profile,
    region: args.region,
    upstreamTimeoutMs: args['upstream-timeout'] === undefined ? undefined : parseUpstreamTimeout(args['upstream-timeout']),
    recordFailures: args['record-failures'],
    force: args.force,
    redactAccountIds: args['redact-account-ids'],
    redactHeaders: args['redact-headers'],
    failOn: args['fail-on'] as FailOn | undefined,
    recordInCI: args['record-in-ci'],
    expiresIn: args['expires-in'],
    onExpired: args['on-expired'] as ExpiredStrategy | undefined,
  });
}

/** The file's upstream passed the schema; a path, query or credentials in it are refused here, where it is used. */
function configUpstream(config: TapegateConfig): URL | undefined {
  if (config.upstream === null) return undefined;
  try {
    return parseUpstream(config.upstream, '/upstream');
  } catch (error) {
    if (!(error instanceof TapegateError)) throw error;
    const name = config.file === null ? CONFIG_FILE_NAME : relative(process.cwd(), config.file);
    throw new TapegateError(`Failed to read config "${name}": /upstream must be an http or https origin with no path, query or credentials (got "${config.upstream.href}")`, 2);
  }
}

/** `given` over the config's defaults: the options `startProxy` takes for `mode`. */
export function proxyOptions(mode: ModeName, given: GivenOptions, { config, contracts, failOn }: ProxyConfig): ProxyOptions {
  const common = {
    ...given,
    matchHeaders: config.matchHeaders,
    ignoreBody: config.ignoreBody,
    contracts,
    maxBodyBytes: given.maxBodyBytes ?? config.maxBodyBytes,
    redactHeaders: [...new Set([...config.redaction.extraHeaders, ...(given.redactHeaders ?? [])])],
    failOn: given.failOn ?? failOn,
  };
  if (mode === 'replay' || mode === 'none') {
    // Replay follows the cassette's header on account ids unless told; it judges no findings unless asked.
    const redactAccountIds = given.redactAccountIds ?? (config.redaction.accountIds ? true : undefined);
    return {
      ...common,
      mode,
      cassette: given.cassette ?? '',
      repeat: given.repeat ?? config.repeat,
      failOn: given.failOn ?? 'never',
      ...(redactAccountIds === undefined ? {} : { redactAccountIds }),
    };
  }
  const forwarding = { ...common, upstream: given.upstream ?? configUpstream(config), redactAccountIds: given.redactAccountIds ?? config.redaction.accountIds };
  if (mode === 'passthrough') return { ...forwarding, mode };
  if (mode === 'once') return { ...forwarding, mode, cassette: given.cassette ?? '', repeat: given.repeat ?? config.repeat };
  return { ...forwarding, mode, cassette: given.cassette ?? '' };
}

/**
 * `given` over the config's defaults for a proxy serving sessions (`serve`, `exec
 * --sessions`): a session may use any mode, so this carries what replay takes and what the
 * recording modes take; `mode` is the default of sessions started without one.
 */
export function sessionsProxyOptions(mode: ModeName, given: GivenOptions & { cassetteDir: string }, { config, contracts, failOn }: ProxyConfig): SessionsOptions {
  // Unless told, replay and auto follow each cassette's header on account ids, as the one-cassette commands do.
  const redactAccountIds = given.redactAccountIds ?? (config.redaction.accountIds ? true : undefined);
  return {
    ...given,
    sessions: true,
    mode,
    matchHeaders: config.matchHeaders,
    ignoreBody: config.ignoreBody,
    contracts,
    maxBodyBytes: given.maxBodyBytes ?? config.maxBodyBytes,
    redactHeaders: [...new Set([...config.redaction.extraHeaders, ...(given.redactHeaders ?? [])])],
    failOn: given.failOn ?? failOn,
    upstream: given.upstream ?? configUpstream(config),
    repeat: given.repeat ?? config.repeat,
    ...(redactAccountIds === undefined ? {} : { redactAccountIds }),
  };
}
