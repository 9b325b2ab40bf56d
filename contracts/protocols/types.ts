/**
 * What a protocol knows, in one place per protocol (rest-json.ts, json.ts): how the generator
 * binds a botocore model to the wire, and how a request names its operation. Nothing outside
 * these files asks which protocol a service speaks.
 */
import type { Body } from '../../core/exchange.js';
import type { ServiceHeader } from '../format/compact-types.js';
import type { BotocoreModel, BotocoreOperation, BotocoreShape } from '../generator/botocore-model.js';
import type { ContractSet, ServiceSummary } from '../load.js';
import type { RouteMatch } from '../router.js';
import type { JsonSchema, ServiceProtocol } from '../types.js';

export interface RouteRequest {
  method: string;
  /** Without the query string. */
  path: string;
  query?: Record<string, string[]>;
  /** Lower-case names, as the proxy reads and the cassette records them. */
  headers?: Record<string, string>;
  /** The query protocol's `Action` may travel in a form body (read by core/query-call.ts, once per body). */
  body?: Body;
  /** `virtual-hosted`: an S3 request whose bucket came in the Host, already path-style (core/exchange.ts). */
  addressing?: 'virtual-hosted';
}

/** The generator's side of a protocol, bound to one model's metadata. */
export interface ModelBinding {
  name: ServiceProtocol;
  http: (operation: BotocoreOperation) => { method: string; uri: string; successStatus: number; implicitStatus?: true };
  /** The error type as clients read it from the response (header, `__type`, `code`). */
  errorType: (name: string, shape: BotocoreShape | undefined) => string;
  /** Headers an error response carries beyond its shape's header members, by lower-case name. */
  errorHeaders: (name: string, shape: BotocoreShape | undefined) => Record<string, JsonSchema>;
  /** Service header fields of this protocol (the json target prefix, say). */
  header: Partial<Pick<ServiceHeader, 'targetPrefix' | 'jsonVersion' | 'awsQueryCompatible' | 'xmlNamespace'>>;
  /**
   * query and rest-xml: bodies are checked in the wire codecs' protocol-neutral form (member
   * names, ISO 8601 timestamps), and the contract carries the wire model the codecs read.
   */
  neutral?: true;
}

/** Names the operation of a request among some services of one protocol. */
export interface ProtocolRouter {
  /** `named`: the service the request names (SigV4 scope or Host), null when it names none. */
  route(request: RouteRequest, named: string | null): RouteMatch | null;
}

export interface WireProtocol {
  name: ServiceProtocol;
  bind(metadata: BotocoreModel['metadata']): ModelBinding;
  /** A router over `services` (all of this protocol), loading a service only when a request may be for it. */
  router(contracts: ContractSet, services: ServiceSummary[]): ProtocolRouter;
}
