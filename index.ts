/**
 * tapegate's typed Node API.
 *
 * ```ts
 * import { startProxy } from 'tapegate';
 * const proxy = await startProxy({ mode: 'replay', cassette: 'test/cassettes/apis.cassette' });
 * // new APIGatewayClient({ endpoint: proxy.url, region: 'us-east-1', credentials: … })
 * const stats = await proxy.close();
 * ```
 */
import { startRecordingProxy, type RecordingProxyOptions, type RecordStats } from './proxy/record-server.js';
import { startReplayProxy, type ReplayProxyOptions, type ReplayStats } from './proxy/server.js';

export type { Finding, FindingCode, Severity, Side } from './core/findings.js';
export type { Exchange, RecordedRequest, RecordedResponse, Body } from './core/exchange.js';
export type { ReplayProxyOptions, ReplayStats } from './proxy/server.js';
export type { RecordingProxy, RecordingProxyOptions, RecordStats, RecordMode, FailOn } from './proxy/record-server.js';
/** The recording modes without the `startProxy` dispatch: `stats()` and `close()` give `RecordStats` directly. */
export { startRecordingProxy };
/** The summary `tapegate record`, `auto` and `passthrough` print when they stop. */
export { formatRecordSummary } from './proxy/record-summary.js';
export { Validator } from './contracts/validator.js';
export { loadContracts, bundledContracts } from './contracts/load.js';
export { Router } from './contracts/router.js';
export { readCassette, writeCassette } from './cassettes/format/store.js';
export { TapegateError } from './core/errors.js';

/**
 * Which proxy to start:
 * - `replay`: answer from the cassette only; no credentials, no network (the default);
 * - `record`: forward everything to AWS (or `upstream`), re-signed, and write a new cassette;
 * - `auto`: answer what the cassette holds, forward and append the rest;
 * - `passthrough`: forward and validate, write nothing.
 */
export type ProxyMode = 'replay' | RecordingProxyOptions['mode'];

export type StartProxyOptions = (ReplayProxyOptions & { mode?: 'replay' }) | RecordingProxyOptions;

export type ProxyStats = (ReplayStats & { mode: 'replay' }) | RecordStats;

export interface TapegateProxy {
  /** `http://127.0.0.1:PORT`: the endpoint to give an SDK. */
  url: string;
  port: number;
  mode: ProxyMode;
  /** Counts so far: served/missed (replay) or forwarded/recorded (the others), and contract findings. */
  stats(): ProxyStats;
  /** Stops the proxy, persists the cassette (recording modes) and returns the final stats. Idempotent. */
  close(): Promise<ProxyStats>;
}

export async function startProxy(options: StartProxyOptions): Promise<TapegateProxy> {
  if (options.mode === undefined || options.mode === 'replay') {
    const proxy = await startReplayProxy(options);
    const tag = (stats: ReplayStats): ProxyStats => ({ ...stats, mode: 'replay' });
    return { url: proxy.url, port: proxy.port, mode: 'replay', stats: () => tag(proxy.stats()), close: async () => tag(await proxy.close()) };
  }
  // The replay branch returned above: what is left is a recording mode.
  const recording = options as RecordingProxyOptions;
  const proxy = await startRecordingProxy(recording);
  return { url: proxy.url, port: proxy.port, mode: recording.mode, stats: () => proxy.stats(), close: () => proxy.close() };
}
