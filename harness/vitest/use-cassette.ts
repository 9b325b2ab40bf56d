/**
 * `tapegate/vitest`: a cassette per `describe`.
 *
 * ```ts
 * import { useCassette } from 'tapegate/vitest';
 * describe('integration responses', () => {
 *   const tape = useCassette();            // test/__cassettes__/<test file name>.cassette
 *   it('reads one', async () => {
 *     const client = new APIGatewayClient(tape.clientConfig());
 *     …
 *   });
 * });
 * ```
 *
 * The mode comes from `TAPEGATE_MODE` (default `replay`), so the same suite runs offline in
 * CI and records against a real account with `TAPEGATE_MODE=record`. The SDK always gets
 * throw-away credentials: in replay nothing is signed for real, and in the recording modes the
 * proxy re-signs with the credentials of the AWS provider chain (or `credentials`).
 *
 * `tapegate.config.json` in `process.cwd()` (vitest's root, usually the project's) applies as
 * it does to `tapegate replay` and `record`: matchHeaders, ignoreBody, repeat, maxBodyBytes,
 * contracts, upstream and redaction. The options here win over it; `config: false` ignores it.
 */
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { startProxy, type ProxyStats, type TapegateProxy } from '../../index.js';
import { MODE_NAMES, type ExpiredStrategy, type ModeName } from '../../proxy/options.js';
import type { AwsCredentials, CredentialsProvider } from '../../proxy/credentials.js';
import { resolveCassettePath } from '../../proxy/cassette-path.js';
import { proxyOptions, readProxyConfig } from '../commands/proxy-config.js';
import { TapegateError } from '../../core/errors.js';

export interface UseCassetteOptions {
  /** Mode; default `TAPEGATE_MODE`, else `replay`. */
  /** replay, record, auto, passthrough, or once (record when missing, replay otherwise); VCR.py's none, all, new_episodes too. */
  mode?: ModeName;
  /** See `ProxyOptions`: a cassette older than this (30d, 12h) is expired; `onExpired` says what then. */
  expiresIn?: string | number;
  onExpired?: ExpiredStrategy;
  /** Record even though CI is set (refused by default). */
  recordInCI?: boolean;
  /** Folder of cassettes; default `__cassettes__` beside the test file. Names may not escape it. */
  dir?: string;
  /** Region the SDK should use; default `TAPEGATE_REGION`, `AWS_REGION`, else `us-east-1`. */
  region?: string;
  /**
   * Recording modes: forward here instead of the AWS endpoint of each request (default
   * `TAPEGATE_UPSTREAM`, else the config's `upstream`). A function is called in `beforeAll`,
   * for an upstream that a hook registered earlier starts (a local fake, say).
   */
  upstream?: string | (() => string);
  /** Recording modes: credentials to re-sign with instead of the AWS provider chain. */
  credentials?: AwsCredentials | CredentialsProvider;
  /** Recording modes: the shared-config profile to re-sign with (`AWS_PROFILE` otherwise). */
  profile?: string;
  /** Replay: fail the suite when recorded exchanges went unused. Default false. */
  failOnUnused?: boolean;
  /** Replay: after the last identical exchange, serve it again (`last`) or answer a miss. Default: the config's, else `last`. */
  repeat?: 'last' | 'error';
  /** Record mode: replace an existing cassette (default true: recording means starting over). */
  force?: boolean;
  /**
   * The config file, relative to `process.cwd()`; default `tapegate.config.json` there when
   * there is one; `false`: none, only these options and the built-in defaults.
   */
  config?: string | false;
}

/** Fake credentials for the SDK; the proxy never forwards them anywhere. */
export const SDK_CREDENTIALS = Object.freeze({ accessKeyId: 'TAPEGATEVITEST', secretAccessKey: 'signed-again-by-tapegate-or-never-used' });

export interface SdkCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * A fresh, writable copy for each client: the SDK annotates the credentials object it is
 * given (`credentials.$source`, to report where they came from), which throws on a frozen
 * one, and a copy shared between clients would carry one client's notes into another.
 */
function sdkCredentials(): SdkCredentials {
  return { ...SDK_CREDENTIALS };
}

export interface CassetteHandle {
  /** The proxy URL: the SDK's `endpoint`. Available inside tests and hooks after `beforeAll`. */
  readonly endpoint: string;
  readonly region: string;
  /** The throw-away credentials (a fresh writable copy on each read). */
  readonly credentials: SdkCredentials;
  /** The mode asked for (`once` stays `once`; `stats().mode` says what it ran as). */
  readonly mode: ModeName;
  /** The cassette file. */
  readonly cassette: string;
  /** `{ endpoint, region, credentials, maxAttempts: 1 }` for any SDK v3 client; a new object each call. */
  clientConfig(): { endpoint: string; region: string; credentials: SdkCredentials; maxAttempts: number };
  stats(): ProxyStats;
}

export function useCassette(name?: string, options: UseCassetteOptions = {}): CassetteHandle {
  const mode = options.mode ?? modeFromEnv();
  const region = options.region ?? process.env.TAPEGATE_REGION ?? process.env.AWS_REGION ?? 'us-east-1';
  let proxy: TapegateProxy | undefined;
  let cassette = '';

  beforeAll(async () => {
    const testPath = expect.getState().testPath;
    if (!testPath && (!name || !options.dir)) {
      throw new TapegateError('Failed to use cassette: cannot tell the test file; pass a name and options.dir', 2);
    }
    const dir = options.dir ?? join(dirname(testPath!), '__cassettes__');
    const file = `${name ?? basename(testPath!).replace(/\.(test|spec)\.[cm]?[jt]s$/, '')}.cassette`;
    cassette = resolveCassettePath(dir, file);
    // Read here, not when the suite is collected: a wrong config fails this hook, naming the key.
    const proxyConfig = readProxyConfig(options.config, process.cwd());
    const upstream = (typeof options.upstream === 'function' ? options.upstream() : options.upstream) ?? process.env.TAPEGATE_UPSTREAM;
    proxy = await startProxy(
      proxyOptions(
        mode,
        {
          cassette,
          ...(mode === 'replay' || mode === 'none' ? { log: false as const } : {}),
          ...(options.expiresIn !== undefined ? { expiresIn: options.expiresIn } : {}),
          ...(options.onExpired !== undefined ? { onExpired: options.onExpired } : {}),
          ...(options.recordInCI !== undefined ? { recordInCI: options.recordInCI } : {}),
          ...(options.repeat !== undefined ? { repeat: options.repeat } : {}),
          ...(mode === 'record' ? { force: options.force ?? true } : {}),
          ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
          ...(options.profile !== undefined ? { profile: options.profile } : {}),
          ...(upstream !== undefined ? { upstream } : {}),
        },
        proxyConfig,
      ),
    );
  });

  afterAll(async () => {
    if (!proxy) return;
    const stats = await proxy.close();
    if (options.failOnUnused && stats.mode === 'replay' && stats.unused.length > 0) {
      const list = stats.unused.map((u) => `#${u.seq} ${u.operation ?? '?'}`).join(', ');
      throw new Error(`tapegate: ${stats.unused.length} recorded exchanges of ${cassette} were never used: ${list}`);
    }
  });

  const started = (): TapegateProxy => {
    if (!proxy) throw new TapegateError('Failed to use cassette: the proxy starts in beforeAll; use the handle inside tests or hooks', 1);
    return proxy;
  };
  return {
    get endpoint() {
      return started().url;
    },
    region,
    get credentials() {
      return sdkCredentials();
    },
    mode,
    get cassette() {
      return cassette;
    },
    clientConfig: () => ({ endpoint: started().url, region, credentials: sdkCredentials(), maxAttempts: 1 }),
    stats: () => started().stats(),
  };
}

function modeFromEnv(): ModeName {
  const value = process.env.TAPEGATE_MODE ?? 'replay';
  if ((MODE_NAMES as readonly string[]).includes(value)) return value as ModeName;
  throw new TapegateError(`Failed to read TAPEGATE_MODE: expected ${MODE_NAMES.join(', ')}, got "${value}"`, 2);
}
