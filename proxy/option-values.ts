/**
 * Checks of single option values, shared by every edge that takes them (the CLI's flags,
 * the config file's keys, the Node API). Each takes the name to blame, so a bad value reads
 * the same wherever it comes from: `Failed to parse "--port": expected ..., got "x"` (exit 2).
 */
import { isIP } from 'node:net';
import { badInput } from '../core/errors.js';

export type RepeatPolicy = 'last' | 'error';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;
/** A day: longer is a typo, and setTimeout cannot take much more anyway. */
const MAX_UPSTREAM_TIMEOUT_S = 86_400;

/** An integer 0–65535, given as a number or as decimal digits. */
export function parsePort(value: unknown, what = '--port'): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw badInput(what, 'expected an integer from 0 to 65535', value);
  return port;
}

/** One DNS label: letters, digits and inner hyphens, at most 63 characters. */
const hostLabel = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/** An IP address (v4 or v6, brackets allowed) or a host name; no scheme, port or path. */
export function parseHost(value: unknown, what = '--host'): string {
  if (typeof value !== 'string' || value.trim() === '') throw badInput(what, 'expected an IP address or a host name', value);
  let host = value.trim();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (isIP(host) !== 0) return host;
  const labels = host.split('.');
  if (host.length <= 253 && labels.every((label) => hostLabel.test(label))) return host;
  throw badInput(what, 'expected an IP address or a host name (no scheme, port or path)', value);
}

const units: Record<string, number> = {
  b: 1,
  kb: 1000,
  mb: 1000 ** 2,
  gb: 1000 ** 3,
  k: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gib: 1024 ** 3,
};

/**
 * A positive byte count: `1048576`, `512KiB`, `10MiB`, `1.5MB`. Binary units (KiB, MiB,
 * GiB, and the bare K, M, G) are powers of 1024, decimal ones (kB, MB, GB) of 1000.
 */
export function parseByteSize(value: unknown, what = '--max-body'): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const parts = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(text);
  const unit = parts ? units[(parts[2] ?? '').toLowerCase() || 'b'] : undefined;
  const bytes = parts && unit !== undefined ? Math.floor(Number(parts[1]) * unit) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw badInput(what, 'expected a positive size such as 1048576, 512KiB or 10MiB', value);
  return bytes;
}

export function parseRepeat(value: unknown, what = '--repeat'): RepeatPolicy {
  if (value === 'last' || value === 'error') return value;
  throw badInput(what, 'expected "last" or "error"', value);
}

/** `--upstream-timeout`: positive seconds (fractions allowed), at most a day; returns milliseconds. */
export function parseUpstreamTimeout(value: unknown, what = '--upstream-timeout'): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const seconds = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(seconds > 0) || seconds > MAX_UPSTREAM_TIMEOUT_S) {
    throw badInput(what, `expected a positive number of seconds up to ${MAX_UPSTREAM_TIMEOUT_S}`, value);
  }
  return Math.max(1, Math.round(seconds * 1000));
}

/** A programmatic `upstreamTimeoutMs`: a positive integer of milliseconds, at most a day. */
export function parseTimeoutMs(value: unknown, what = 'upstreamTimeoutMs'): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= MAX_UPSTREAM_TIMEOUT_S * 1000) return value;
  throw badInput(what, 'expected a positive integer number of milliseconds', value);
}

/** `--profile`: a profile name as the shared files spell section names. */
export function parseProfile(value: unknown, what = '--profile'): string {
  if (typeof value === 'string' && /^[A-Za-z0-9_.+@=,:/-]{1,128}$/.test(value)) return value;
  throw badInput(what, 'expected a profile name from the shared config or credentials file', value);
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `--redact-headers a b` or `a,b`: a misspelt name would redact nothing, silently, so it is refused. */
export function parseHeaderNames(values: readonly string[], what = '--redact-headers'): string[] {
  const names = values
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const bad = names.find((name) => !HEADER_NAME.test(name));
  if (names.length === 0 || bad !== undefined) {
    throw badInput(what, `expected HTTP header names such as x-api-key, got ${bad === undefined ? 'nothing' : JSON.stringify(bad)}`);
  }
  return names;
}
