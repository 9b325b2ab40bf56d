/**
 * Options of the recording modes (`record`, `auto`, `passthrough`) and their checks. Names
 * follow `ReplayProxyOptions` where the meaning is the same (cassette, cassetteDir, host,
 * port, maxBodyBytes, contracts, log), so one dispatcher can take either. The CLI coerces
 * its flags with these parsers; `startRecordingProxy` checks programmatic values with them.
 */
import type { FailOn } from '../core/findings.js';
import type { MatchKeyOptions } from '../cassettes/match/key.js';
import type { ContractSet } from '../contracts/load.js';
import { TapegateError } from '../core/errors.js';
import type { AwsCredentials, CredentialsProvider } from './credentials.js';

/**
 * - `record`: forward everything, write a new cassette (an existing one only with `force`);
 * - `auto`: answer what the cassette holds, forward and append the rest;
 * - `passthrough`: forward and validate, write nothing.
 */
export type RecordMode = 'record' | 'auto' | 'passthrough';

/** Exit non-zero when findings at or above this severity occurred; `never` (default) never does. */

export interface RecordingProxyOptions extends MatchKeyOptions {
  mode: RecordMode;
  /** The cassette file (or, with `cassetteDir`, a name inside it). Required unless passthrough. */
  cassette?: string;
  cassetteDir?: string;
  /** `record` only: overwrite an existing cassette. */
  force?: boolean;
  /** Forward everything here instead of to the AWS endpoint of each request's credential scope. */
  upstream?: string | URL;
  /** Shared config/credentials profile for the provider chain. */
  profile?: string;
  /** Sign for this region instead of the scope's (and, without `upstream`, forward to its endpoint). */
  region?: string;
  /** Credentials to re-sign with instead of the provider chain (tests, embedding programs). */
  credentials?: AwsCredentials | CredentialsProvider;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Whole-exchange upstream timeout (default 30 000 ms): 504 after it. */
  upstreamTimeoutMs?: number;
  /** Also record exchanges whose forwarding failed, with the 502/504 the client got. */
  recordFailures?: boolean;
  /** Replace AWS account ids with stable placeholders before writing. */
  redactAccountIds?: boolean;
  /** More header names to drop before writing. */
  redactHeaders?: string[];
  /** See `FailOn`; reported as `stats().failOnReached`. Default `never`. */
  failOn?: FailOn;
  /** Request bodies above this many bytes are answered 413 (default 10 MiB). */
  maxBodyBytes?: number;
  contracts?: ContractSet;
  /** One line per finding, refusal and failure. Default stderr; `false` silences it. */
  log?: ((line: string) => void) | false;
}

export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;
/** A day: longer is a typo, and setTimeout cannot take much more anyway. */
const MAX_UPSTREAM_TIMEOUT_S = 86_400;

function usage(what: string, reason: string, value: unknown): TapegateError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return new TapegateError(`Failed to parse "${what}": ${reason}, got ${shown}`, 2);
}

/** `--upstream-timeout`: positive seconds (fractions allowed), at most a day; returns milliseconds. */
export function parseUpstreamTimeout(value: unknown, what = '--upstream-timeout'): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const seconds = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(seconds > 0) || seconds > MAX_UPSTREAM_TIMEOUT_S) {
    throw usage(what, `expected a positive number of seconds up to ${MAX_UPSTREAM_TIMEOUT_S}`, value);
  }
  return Math.max(1, Math.round(seconds * 1000));
}

/** Checks a programmatic `upstreamTimeoutMs`. */
export function checkTimeoutMs(value: number | undefined): number {
  if (value === undefined) return DEFAULT_UPSTREAM_TIMEOUT_MS;
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_UPSTREAM_TIMEOUT_S * 1000) {
    throw usage('upstreamTimeoutMs', 'expected a positive integer number of milliseconds', value);
  }
  return value;
}

export function parseMode(value: unknown, what = 'mode'): RecordMode {
  if (value === 'record' || value === 'auto' || value === 'passthrough') return value;
  throw usage(what, 'expected "record", "auto" or "passthrough"', value);
}

/** `--profile`: a profile name as the shared files spell section names. */
export function parseProfile(value: unknown, what = '--profile'): string {
  if (typeof value === 'string' && /^[A-Za-z0-9_.+@=,:/-]{1,128}$/.test(value)) return value;
  throw usage(what, 'expected a profile name from the shared config or credentials file', value);
}
