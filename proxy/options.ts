/**
 * What `startProxy` takes, and the one place it is checked. The CLI and the Node API hand
 * `startProxy` the same `ProxyOptions` (the CLI passes its flag strings as they came, e.g.
 * `port: '8080'`); `parseProxyOptions` turns them into `ProxySettings` once, at the edge,
 * and nothing inside parses again. `naming` only says how a bad value is blamed: by its
 * option name (`"port"`) for the Node API, by its flag (`"--port"`) for the CLI.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MatchKeyOptions } from '../cassettes/match/key.js';
import { bundledContracts, type ContractSet } from '../contracts/load.js';
import { badInput } from '../core/errors.js';
import { parseFailOn, type FailOn } from '../core/findings.js';
import { resolveCassettePath } from './cassette-path.js';
import type { AwsCredentials, CredentialsProvider } from './credentials.js';
import { parseByteSize, parseHeaderNames, parseHost, parsePort, parseProfile, parseRepeat, parseTimeoutMs } from './option-values.js';
import { DEFAULT_HOST, DEFAULT_MAX_BODY_BYTES, DEFAULT_UPSTREAM_TIMEOUT_MS, type RepeatPolicy } from './option-values.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from './forwarder.js';
import type { ProxyMode } from './modes.js';
import { parseRegion, parseUpstream } from './upstream.js';

export type { RepeatPolicy } from './option-values.js';
export { DEFAULT_HOST, DEFAULT_MAX_BODY_BYTES } from './option-values.js';

/** What every mode takes. */
interface CommonOptions extends MatchKeyOptions {
  /** When given, `cassette` must resolve inside this folder (see cassette-path.ts). */
  cassetteDir?: string;
  /** Interface to listen on. Default 127.0.0.1: the proxy is for this machine only. */
  host?: string;
  /** Required to listen on anything but a loopback address (the proxy then warns once). */
  allowRemote?: boolean;
  /** More Host names requests may carry besides the loopback names and `host` (e.g. `host.docker.internal`). */
  allowedHosts?: string[];
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number | string;
  /** Request bodies above this many bytes are answered 413 (default 10 MiB); `512KiB` style strings too. */
  maxBodyBytes?: number | string;
  /** Contracts for routing and validation. Default: the bundled ones. */
  contracts?: ContractSet;
  /**
   * Replace AWS account ids with stable placeholders: before writing (recording modes), and
   * in incoming requests before matching (replay, auto). Replay follows the cassette's own
   * header when this is not given.
   */
  redactAccountIds?: boolean;
  /** More header names to drop before writing (and before matching). */
  redactHeaders?: string[];
  /** `stats().failOnReached` turns true once a finding at or above this severity occurred. Default `never`. */
  failOn?: FailOn;
  /** One line per miss, finding, refusal and failure. Default stderr; `false` silences it. */
  log?: ((line: string) => void) | false;
  /**
   * Under `CI=true` the modes that record refuse to start (CI replays what was recorded on a
   * developer's machine); this says to record anyway.
   */
  recordInCI?: boolean;
  /** A cassette recorded longer ago than this is expired: `30d`, `12h`, `90m`, or milliseconds. */
  expiresIn?: string | number;
  /** What an expired cassette does: `warn` (the default: a line and the summary say so), `error` (refuse to start), `record` (record it again: once, auto). */
  onExpired?: ExpiredStrategy;
}

export type ExpiredStrategy = 'warn' | 'error' | 'record';

/** What the modes that talk to an upstream take. */
interface ForwardingOptions extends CommonOptions {
  /** Forward everything here instead of to the AWS endpoint of each request's credential scope. */
  upstream?: string | URL;
  /** Shared config/credentials profile for the provider chain. */
  profile?: string;
  /** Sign for this region instead of the scope's (and, without `upstream`, forward to its endpoint). */
  region?: string;
  /** Credentials to re-sign with instead of the provider chain (tests, embedding programs). */
  credentials?: AwsCredentials | CredentialsProvider;
  /** Whole-exchange upstream timeout (default 30 000 ms): 504 after it. */
  upstreamTimeoutMs?: number;
  /** Also record exchanges whose forwarding failed, with the 502/504 the client got. */
  recordFailures?: boolean;
  /** Upstream answers above this many bytes get a 502 and are not recorded (default 64 MiB); `512KiB` style strings too. */
  maxResponseBytes?: number | string;
}

/** Answer from the cassette only; no credentials, no network (the default mode). */
export interface ReplayOptions extends CommonOptions {
  /** `none` is VCR.py's name for it. */
  mode?: 'replay' | 'none';
  /** The cassette file (or, with `cassetteDir`, a name inside that folder). */
  cassette: string;
  /** What a request gets once its recorded exchanges were all served (default `last`). */
  repeat?: RepeatPolicy;
}

/** Forward everything, re-signed, and write a new cassette (an existing one only with `force`). */
export interface RecordOptions extends ForwardingOptions {
  /** `all` (VCR.py) records everything, overwriting the cassette (force). */
  mode: 'record' | 'all';
  cassette: string;
  force?: boolean;
}

/** Record when the cassette does not exist yet, otherwise replay it (VCR.py `once`, Polly.js `recordIfMissing`). */
export interface OnceOptions extends ForwardingOptions {
  mode: 'once';
  cassette: string;
  repeat?: RepeatPolicy;
}

/** Answer what the cassette holds, forward and append the rest. */
export interface AutoOptions extends ForwardingOptions {
  /** `new_episodes` is VCR.py's name for it. */
  mode: 'auto' | 'new_episodes';
  cassette: string;
}

/** Forward and validate, write nothing. */
export interface PassthroughOptions extends ForwardingOptions {
  mode: 'passthrough';
}

/**
 * Per-test sessions (sessions.ts, control.ts): the control surface under `/__tapegate/`
 * starts and stops sessions, each on a cassette named inside `cassetteDir`, in any mode, so
 * this takes every option of every mode. `mode` is the default of sessions started without
 * one; `cassette`, when given, is the proxy's own, used by requests that name no session
 * while none is open.
 */
export interface SessionsOptions extends ForwardingOptions {
  sessions: true;
  /** The folder every session's cassette is a name inside (required). */
  cassetteDir: string;
  mode?: ModeName;
  cassette?: string;
  repeat?: RepeatPolicy;
  /** `record` sessions overwrite an existing cassette. */
  force?: boolean;
}

export type ProxyOptions = ReplayOptions | RecordOptions | OnceOptions | AutoOptions | PassthroughOptions;

/** What `startProxy` takes: one mode's options, or a proxy serving sessions (kept apart so each call is checked against one shape). */
export type AnyProxyOptions = ProxyOptions | SessionsOptions;

/** Every mode name the options take, the ecosystem's names included. */
export const MODE_NAMES = ['replay', 'record', 'auto', 'passthrough', 'once', 'none', 'all', 'new_episodes'] as const;
export type ModeName = (typeof MODE_NAMES)[number];

/** How a bad option is named in its error: the Node API's key or the CLI's flag. */
export type OptionNaming = 'option' | 'flag';

/** The settings of the upstream side (not in replay). */
export interface ForwardSettings {
  upstream: URL | undefined;
  region: string | undefined;
  profile: string | undefined;
  credentials: AwsCredentials | CredentialsProvider | undefined;
  timeoutMs: number;
  recordFailures: boolean;
  maxResponseBytes: number;
}

/** `ProxyOptions` checked and with every default filled in. */
export interface ProxySettings {
  /** The mode to run, `once` already decided by whether the cassette exists. */
  mode: ProxyMode;
  /** The mode asked for, aliases resolved (`once` kept: an expired cassette may be recorded again). */
  requested: ProxyMode | 'once';
  recordInCI: boolean;
  expiry: { ms: number; text: string; strategy: ExpiredStrategy } | null;
  /** The cassette file (absolute); null in passthrough. */
  cassette: string | null;
  /** `record`: overwrite an existing cassette. */
  force: boolean;
  host: string;
  allowedHosts: string[];
  port: number;
  maxBodyBytes: number;
  contracts: ContractSet;
  match: MatchKeyOptions & { repeat: RepeatPolicy };
  /** `accountIds` undefined: follow the cassette's header (replay). */
  redact: { accountIds: boolean | undefined; extraHeaders: string[] };
  failOn: FailOn;
  log: (line: string) => void;
  /** null in replay. */
  forward: ForwardSettings | null;
  /** `sessions`: the folder session cassettes are names in; null without sessions. */
  sessions: { cassetteDir: string } | null;
}

/**
 * Option key → the CLI flag that sets it, for errors at the CLI edge. (`upstreamTimeoutMs`
 * is not here: the CLI turns `--upstream-timeout` seconds into it, checking them itself.)
 */
const FLAGS: Record<string, string> = {
  mode: 'mode',
  host: '--host',
  port: '--port',
  maxBodyBytes: '--max-body',
  repeat: '--repeat',
  upstream: '--upstream',
  region: '--region',
  profile: '--profile',
  failOn: '--fail-on',
  redactHeaders: '--redact-headers',
  expiresIn: '--expires-in',
  onExpired: '--on-expired',
  maxResponseBytes: '--max-response',
  allowedHosts: '--allow-host',
  cassetteDir: '--cassette-dir',
};

function defaultLog(line: string): void {
  process.stderr.write(line + '\n');
}

const ALIASES: Record<ModeName, ProxyMode | 'once'> = {
  replay: 'replay',
  none: 'replay',
  record: 'record',
  all: 'record',
  auto: 'auto',
  new_episodes: 'auto',
  passthrough: 'passthrough',
  once: 'once',
};

function parseMode(value: unknown, what: string): ProxyMode | 'once' {
  if (typeof value === 'string' && Object.hasOwn(ALIASES, value)) return ALIASES[value as ModeName];
  throw badInput(what, `expected ${MODE_NAMES.map((mode) => `"${mode}"`).join(', ')}`, value);
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `30d`, `12h`, `90m`, `45s`, `2w`, or a number of milliseconds. */
function parseDuration(value: unknown, what: string): { ms: number; text: string } {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return { ms: value, text: `${value}ms` };
  const parts = typeof value === 'string' ? /^(\d+)\s*(ms|s|m|h|d|w)$/.exec(value.trim()) : null;
  if (parts !== null && Number(parts[1]) > 0) return { ms: Number(parts[1]) * (DURATION_UNITS[parts[2] as string] as number), text: value as string };
  throw badInput(what, 'expected a duration such as 30d, 12h, 90m or a number of milliseconds', value);
}

function parseStrategy(value: unknown, what: string): ExpiredStrategy {
  if (value === 'warn' || value === 'error' || value === 'record') return value;
  throw badInput(what, 'expected "warn", "error" or "record"', value);
}

function cassetteOf(options: AnyProxyOptions, mode: ProxyMode | 'once'): string | null {
  if (mode === 'passthrough') return null;
  const cassette = (options as { cassette?: unknown }).cassette;
  // A proxy serving sessions needs no cassette of its own.
  if (isSessions(options) && cassette === undefined) return null;
  if (typeof cassette !== 'string' || cassette === '') throw badInput('cassette', `${mode} mode needs a cassette file`, cassette);
  return options.cassetteDir === undefined ? resolve(cassette) : resolveCassettePath(options.cassetteDir, cassette);
}

function isSessions(options: AnyProxyOptions): options is SessionsOptions {
  return (options as { sessions?: unknown }).sessions === true;
}

/** Loopback unless `allowRemote` says otherwise: a remote client would have the user's credentials signed for it. */
function checkedHost(options: AnyProxyOptions, name: (key: string) => string): string {
  const host = parseHost(options.host ?? DEFAULT_HOST, name('host'));
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  if (!loopback && options.allowRemote !== true) {
    throw badInput(
      name('host'),
      `${host} is not a loopback address: anyone who can reach it could use the proxy (and, recording, your credentials); pass ${name('host') === '--host' ? '--allow-remote' : 'allowRemote: true'} to listen there anyway`,
    );
  }
  return host;
}

/** The one check of `options`; throws a TapegateError (exit 2) naming the bad option. */
export function parseProxyOptions(options: AnyProxyOptions, naming: OptionNaming = 'option'): ProxySettings {
  const name = (key: string): string => (naming === 'flag' ? (FLAGS[key] ?? key) : key);
  if (isSessions(options) && (typeof options.cassetteDir !== 'string' || options.cassetteDir === '')) {
    throw badInput(name('cassetteDir'), "sessions need a cassette folder: every session's cassette is a name inside it");
  }
  const requested = parseMode(options.mode ?? 'replay', name('mode'));
  const cassette = cassetteOf(options, requested);
  // once: a cassette (or the journal a crash left) decides; a missing one is recorded.
  const mode: ProxyMode = requested !== 'once' ? requested : cassette !== null && (existsSync(cassette) || existsSync(cassette + '.journal')) ? 'replay' : 'record';
  const forwarding = requested === 'replay' ? null : (options as ForwardingOptions);
  const strategy = parseStrategy(options.onExpired ?? 'warn', name('onExpired'));
  if (strategy === 'record' && requested !== 'once' && requested !== 'auto') {
    throw badInput(name('onExpired'), `"record" needs a mode that may record again (once or auto), not ${requested}`, strategy);
  }
  return {
    mode,
    requested,
    recordInCI: options.recordInCI === true,
    expiry: options.expiresIn === undefined ? null : { ...parseDuration(options.expiresIn, name('expiresIn')), strategy },
    cassette,
    force: mode === 'record' && (options.mode === 'all' || (options as RecordOptions).force === true),
    host: checkedHost(options, name),
    allowedHosts: (options.allowedHosts ?? []).map((host) => parseHost(host, name('allowedHosts'))),
    port: parsePort(options.port ?? 0, name('port')),
    maxBodyBytes: options.maxBodyBytes === undefined ? DEFAULT_MAX_BODY_BYTES : parseByteSize(options.maxBodyBytes, name('maxBodyBytes')),
    contracts: options.contracts ?? bundledContracts(),
    match: {
      // auto: an exchange answers one request; a repeat beyond the recorded count is a miss, so it is recorded.
      repeat: mode === 'auto' ? 'error' : parseRepeat((options as ReplayOptions).repeat ?? 'last', name('repeat')),
      ...(options.matchHeaders !== undefined ? { matchHeaders: options.matchHeaders } : {}),
      ...(options.ignoreBody !== undefined ? { ignoreBody: options.ignoreBody } : {}),
    },
    redact: {
      accountIds: options.redactAccountIds ?? (mode === 'replay' || mode === 'auto' ? undefined : false),
      extraHeaders: options.redactHeaders === undefined || options.redactHeaders.length === 0 ? [] : parseHeaderNames(options.redactHeaders, name('redactHeaders')),
    },
    failOn: parseFailOn(options.failOn ?? 'never', name('failOn')),
    log: options.log === false ? () => undefined : (options.log ?? defaultLog),
    forward:
      forwarding === null
        ? null
        : {
            upstream: forwarding.upstream === undefined ? undefined : parseUpstream(forwarding.upstream, name('upstream')),
            region: forwarding.region === undefined ? undefined : parseRegion(forwarding.region, name('region')),
            profile: forwarding.profile === undefined ? undefined : parseProfile(forwarding.profile, name('profile')),
            credentials: forwarding.credentials,
            timeoutMs: forwarding.upstreamTimeoutMs === undefined ? DEFAULT_UPSTREAM_TIMEOUT_MS : parseTimeoutMs(forwarding.upstreamTimeoutMs),
            recordFailures: forwarding.recordFailures === true,
            maxResponseBytes: forwarding.maxResponseBytes === undefined ? DEFAULT_MAX_RESPONSE_BYTES : parseByteSize(forwarding.maxResponseBytes, name('maxResponseBytes')),
          },
    sessions: isSessions(options) ? { cassetteDir: resolve(options.cassetteDir) } : null,
  };
}
