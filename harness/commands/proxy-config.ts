/**
 * `tapegate.config.json` for the proxy commands (replay, record, auto, passthrough, exec) and
 * `useCassette`: one place that reads the file, parses the flags that may override it and
 * merges the two, so the five commands say the same thing the same way. Flags win; the file
 * only changes defaults:
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
import { bundledContracts, loadContracts, type ContractSet } from '../../contracts/load.js';
import { parseByteSize, parseRepeat, type ReplayProxyOptions, type RepeatPolicy } from '../../proxy/options.js';
import type { RecordingProxyOptions } from '../../proxy/record-options.js';
import { parseFailOn, type FailOn } from '../../core/findings.js';
import { parseUpstream } from '../../proxy/upstream.js';
import { loadConfig } from '../config/load.js';
import { CONFIG_FILE_NAME, defaultConfig, type TapegateConfig } from '../config/types.js';
import { TapegateError } from '../../core/errors.js';

export const CONFIG_OPTION = {
  type: 'string',
  describe: `Config file [default: ${CONFIG_FILE_NAME} in the current folder, if there is one]`,
} as const;

export const REDACT_HEADERS_OPTION = {
  type: 'string',
  array: true,
  describe: 'More header names to drop before anything is written or validated (added to the config\'s redaction.extraHeaders)',
} as const;

export interface ProxyConfig {
  config: TapegateConfig;
  /** `--contracts`, else the config's folder, else the bundled contracts. */
  contracts: ContractSet;
  /** The proxies' failOn: the file's when it says one, else `never` (see above). */
  failOn: FailOn;
}

/**
 * Reads the config (`path` relative to `cwd`; undefined: `tapegate.config.json` there if any;
 * false: none) and the contracts. A `contractsDir` (a flag) is what ignoreBody is checked against.
 */
export function readProxyConfig(path: string | false | undefined, cwd: string, contractsDir?: string): ProxyConfig {
  const flagContracts = contractsDir === undefined ? undefined : loadContracts({ dir: contractsDir });
  const config = path === false ? defaultConfig() : loadConfig(path, cwd, flagContracts ? { contracts: flagContracts } : {});
  const contracts = flagContracts ?? (config.contracts ? loadContracts({ dir: config.contracts }) : bundledContracts());
  return { config, contracts, failOn: config.fileKeys.includes('failOn') ? config.failOn : 'never' };
}

/** The overridable flags as yargs hands them over: undefined when not given. */
export interface ProxyFlagArgs {
  repeat?: string;
  'max-body'?: string;
  upstream?: string;
  'redact-account-ids'?: boolean;
  'redact-headers'?: string[];
  'fail-on'?: string;
}

/** The same, checked (exit 2 naming the flag); also what `useCassette` passes from its options. */
export interface ProxyFlags {
  repeat?: RepeatPolicy;
  maxBodyBytes?: number;
  upstream?: string | URL;
  redactAccountIds?: boolean;
  redactHeaders?: string[];
  failOn?: FailOn;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `--redact-headers a b` or `a,b`: a misspelt name would redact nothing, silently, so it is refused. */
export function parseRedactHeaders(values: readonly string[], what = '--redact-headers'): string[] {
  const names = values.flatMap((value) => value.split(',')).map((name) => name.trim()).filter((name) => name !== '');
  const bad = names.find((name) => !HEADER_NAME.test(name));
  if (names.length === 0 || bad !== undefined) {
    const got = bad === undefined ? 'nothing' : JSON.stringify(bad);
    throw new TapegateError(`Failed to parse "${what}": expected HTTP header names such as x-api-key, got ${got}`, 2);
  }
  return names;
}

export function parseProxyFlags(args: ProxyFlagArgs): ProxyFlags {
  return {
    repeat: args.repeat === undefined ? undefined : parseRepeat(args.repeat),
    maxBodyBytes: args['max-body'] === undefined ? undefined : parseByteSize(args['max-body']),
    upstream: args.upstream === undefined ? undefined : parseUpstream(args.upstream),
    redactAccountIds: args['redact-account-ids'],
    redactHeaders: args['redact-headers'] === undefined ? undefined : parseRedactHeaders(args['redact-headers']),
    failOn: args['fail-on'] === undefined ? undefined : parseFailOn(args['fail-on']),
  };
}

type MatcherSettings = Required<Pick<ReplayProxyOptions, 'matchHeaders' | 'ignoreBody' | 'maxBodyBytes' | 'contracts'>>;

function matcherSettings(flags: ProxyFlags, { config, contracts }: ProxyConfig): MatcherSettings {
  return { matchHeaders: config.matchHeaders, ignoreBody: config.ignoreBody, maxBodyBytes: flags.maxBodyBytes ?? config.maxBodyBytes, contracts };
}

export function replaySettings(flags: ProxyFlags, proxyConfig: ProxyConfig): MatcherSettings & { repeat: RepeatPolicy } {
  return { ...matcherSettings(flags, proxyConfig), repeat: flags.repeat ?? proxyConfig.config.repeat };
}

export type RecordingSettings = MatcherSettings &
  Required<Pick<RecordingProxyOptions, 'redactAccountIds' | 'redactHeaders' | 'failOn'>> & { upstream: string | URL | undefined };

/** The file's upstream passed the schema; a path, query or credentials in it are refused here, where it is used. */
function configUpstream(config: TapegateConfig): URL | undefined {
  if (config.upstream === null) return undefined;
  try {
    return parseUpstream(config.upstream, '/upstream');
  } catch (error) {
    if (!(error instanceof TapegateError)) throw error;
    const name = config.file === null ? CONFIG_FILE_NAME : relative(process.cwd(), config.file);
    throw new TapegateError(
      `Failed to read config "${name}": /upstream must be an http or https origin with no path, query or credentials (got "${config.upstream.href}")`,
      2,
    );
  }
}

export function recordingSettings(flags: ProxyFlags, proxyConfig: ProxyConfig): RecordingSettings {
  const { config } = proxyConfig;
  return {
    ...matcherSettings(flags, proxyConfig),
    upstream: flags.upstream ?? configUpstream(config),
    redactAccountIds: flags.redactAccountIds ?? config.redaction.accountIds,
    redactHeaders: [...new Set([...config.redaction.extraHeaders, ...(flags.redactHeaders ?? [])])],
    failOn: flags.failOn ?? proxyConfig.failOn,
  };
}
