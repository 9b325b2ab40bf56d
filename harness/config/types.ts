/**
 * What `tapegate.config.json` holds once read: every key present, defaults filled in,
 * folders resolved against the file's own folder, sizes in bytes, the upstream a URL.
 */
import { DEFAULT_MAX_BODY_BYTES, type RepeatPolicy } from '../../proxy/options.js';

export const CONFIG_FILE_NAME = 'tapegate.config.json';

import type { FailOn } from '../../core/findings.js';

export interface RedactionConfig {
  accountIds: boolean;
  extraHeaders: string[];
}

export interface TapegateConfig {
  /** The file read (absolute), or null when there was none and these are the defaults. */
  file: string | null;
  /** The keys the file itself set (the rest are defaults): commands whose defaults differ need to know. */
  fileKeys: string[];
  matchHeaders: string[];
  /** JSON Pointers into request bodies, by operation id; checked against the loaded contracts. */
  ignoreBody: Record<string, string[]>;
  repeat: RepeatPolicy;
  redaction: RedactionConfig;
  /** null: each request's own AWS endpoint. */
  upstream: URL | null;
  /** Absolute folders of more contracts, loaded beside the bundled ones (empty: the bundled ones alone). */
  contracts: string[];
  /** Absolute folder; null: none configured. */
  cassettes: string | null;
  failOn: FailOn;
  maxBodyBytes: number;
}

/** A fresh copy each call, so a caller editing its config never changes another's. */
export function defaultConfig(): TapegateConfig {
  return {
    file: null,
    fileKeys: [],
    matchHeaders: [],
    ignoreBody: {},
    repeat: 'last',
    redaction: { accountIds: false, extraHeaders: [] },
    upstream: null,
    contracts: [],
    cassettes: null,
    failOn: 'error',
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  };
}
