/**
 * The replay proxy's options and their checks. The CLI coerces its flags with these
 * parsers and `startReplayProxy` checks programmatic options with the same ones, so a bad
 * value reads the same wherever it comes from (`Failed to parse "--port": ...`, exit 2).
 */
import { isIP } from 'node:net';
import type { MatchKeyOptions } from '../cassettes/match/key.js';
import type { ContractSet } from '../contracts/load.js';
import { TapegateError } from '../core/errors.js';

export type RepeatPolicy = 'last' | 'error';

export interface ReplayProxyOptions extends MatchKeyOptions {
  /** The cassette file (or, with `cassetteDir`, a name inside that folder). */
  cassette: string;
  /** When given, `cassette` must resolve inside this folder (see cassette-path.ts). */
  cassetteDir?: string;
  /** Interface to listen on. Default 127.0.0.1: replay is for this machine only. */
  host?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** What a request gets once its recorded exchanges were all served (default `last`). */
  repeat?: RepeatPolicy;
  /** Request bodies above this many bytes are answered 413 (default 10 MiB). */
  maxBodyBytes?: number;
  /** Contracts for routing and validation. Default: the bundled ones. */
  contracts?: ContractSet;
  /**
   * Where one line per miss goes. Default: stderr. `false` silences it (the misses are
   * still counted and answered).
   */
  log?: ((line: string) => void) | false;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

function usage(what: string, reason: string): TapegateError {
  return new TapegateError(`Failed to parse "${what}": ${reason}`, 2);
}

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** An integer 0–65535, given as a number or as decimal digits. */
export function parsePort(value: unknown, what = '--port'): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw usage(what, `expected an integer from 0 to 65535, got ${shown(value)}`);
  }
  return port;
}

/** One DNS label: letters, digits and inner hyphens, at most 63 characters. */
const hostLabel = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/** An IP address (v4 or v6, brackets allowed) or a host name; no scheme, port or path. */
export function parseHost(value: unknown, what = '--host'): string {
  if (typeof value !== 'string' || value.trim() === '') throw usage(what, `expected an IP address or a host name, got ${shown(value)}`);
  let host = value.trim();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (isIP(host) !== 0) return host;
  const labels = host.split('.');
  if (host.length <= 253 && labels.every((label) => hostLabel.test(label))) return host;
  throw usage(what, `expected an IP address or a host name (no scheme, port or path), got ${shown(value)}`);
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
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw usage(what, `expected a positive size such as 1048576, 512KiB or 10MiB, got ${shown(value)}`);
  }
  return bytes;
}

export function parseRepeat(value: unknown, what = '--repeat'): RepeatPolicy {
  if (value === 'last' || value === 'error') return value;
  throw usage(what, `expected "last" or "error", got ${shown(value)}`);
}
