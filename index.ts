/**
 * tapegate's typed Node API.
 *
 * ```ts
 * import { startProxy } from 'tapegate';
 * const proxy = await startProxy({ mode: 'replay', cassette: 'test/cassettes/apis.cassette' });
 * // new APIGatewayClient({ endpoint: proxy.url, region: 'us-east-1', credentials: … })
 * const stats = await proxy.close();
 * ```
 *
 * Modes (see proxy/modes.ts for the steps each runs):
 * - `replay`: answer from the cassette only; no credentials, no network (the default);
 * - `record`: forward everything to AWS (or `upstream`), re-signed, and write a new cassette;
 * - `auto`: answer what the cassette holds, forward and append the rest;
 * - `passthrough`: forward and validate, write nothing.
 */
export { startProxy, type TapegateProxy } from './proxy/start.js';
export type {
  ProxyOptions,
  ReplayOptions,
  RecordOptions,
  OnceOptions,
  AutoOptions,
  PassthroughOptions,
  SessionsOptions,
  AnyProxyOptions,
  RepeatPolicy,
  ModeName,
  ExpiredStrategy,
} from './proxy/options.js';
export { MODE_NAMES } from './proxy/options.js';
export type { ProxyMode } from './proxy/modes.js';
export type { ProxyStats, ProxyCounters, UnusedExchange } from './proxy/stats.js';
/** The summary the proxy commands print when they stop. */
export { formatSummary } from './proxy/summary.js';
export type { Finding, FindingCode, Severity, Side, FailOn } from './core/findings.js';
export type { Exchange, RecordedRequest, RecordedResponse, Body } from './core/exchange.js';
export { Validator } from './contracts/validator.js';
export { loadContracts, bundledContracts } from './contracts/load.js';
export { Router } from './contracts/router.js';
export { readCassette, writeCassette } from './cassettes/format/store.js';
export { TapegateError } from './core/errors.js';
