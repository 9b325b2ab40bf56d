/**
 * What the generator does differently per protocol: which protocol a model speaks (of those
 * tapegate generates), each operation's HTTP binding, how an error names its type on the
 * wire, and the header fields the router needs. One object per protocol; nothing else in
 * the generator asks which protocol it is.
 */
import { TapegateError } from '../../core/errors.js';
import type { ServiceHeader } from '../format/compact-types.js';
import type { ServiceProtocol } from '../types.js';
import type { BotocoreModel, BotocoreOperation, BotocoreShape } from './botocore-model.js';

type Metadata = BotocoreModel['metadata'];

export interface ProtocolChoice {
  name: ServiceProtocol;
  http: (operation: BotocoreOperation) => { method: string; uri: string; successStatus: number };
  /** The error type as clients read it from the response (header, `__type`, `code`). */
  errorType: (name: string, shape: BotocoreShape | undefined) => string;
  /** Header fields of this protocol (the json target prefix, say). */
  header: Partial<Pick<ServiceHeader, 'targetPrefix' | 'jsonVersion' | 'awsQueryCompatible'>>;
}

const SUPPORTED: readonly ServiceProtocol[] = ['rest-json'];

/** The protocol tapegate generates for this model, or null: `protocol`, else the first supported of `protocols`. */
export function supportedProtocol(metadata: Pick<Metadata, 'protocol' | 'protocols'>): ServiceProtocol | null {
  for (const candidate of [metadata.protocol, ...(metadata.protocols ?? [])]) {
    if (candidate !== undefined && (SUPPORTED as readonly string[]).includes(candidate)) return candidate as ServiceProtocol;
  }
  return null;
}

export function protocolOf(metadata: Metadata, path: string): ProtocolChoice {
  const name = supportedProtocol(metadata);
  if (name === null) {
    const protocol = metadata.protocols?.join(', ') ?? metadata.protocol ?? 'none';
    throw new TapegateError(`Failed to generate contracts from "${path}": protocol ${protocol} is not supported; tapegate generates ${SUPPORTED.join(', ')} contracts only`, 2);
  }
  return restJson;
}

const restJson: ProtocolChoice = {
  name: 'rest-json',
  http: (operation) => ({ method: operation.http.method.toUpperCase(), uri: operation.http.requestUri, successStatus: operation.http.responseCode ?? 200 }),
  errorType: (name, shape) => shape?.error?.code ?? name,
  header: {},
};
