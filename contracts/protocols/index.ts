/** The protocols tapegate generates contracts for and routes, by name. */
import { TapegateError } from '../../core/errors.js';
import type { BotocoreModel } from '../generator/botocore-model.js';
import type { ServiceProtocol } from '../types.js';
import { json } from './json.js';
import { query } from './query.js';
import { restJson } from './rest-json.js';
import { restXml } from './rest-xml.js';
import type { ModelBinding, WireProtocol } from './types.js';

/** In routing order: a json request says its operation in a header, so it is asked first (one map lookup); a query one in `Action`. */
export const PROTOCOLS: readonly WireProtocol[] = [json, query, restJson, restXml];

const NAMES = PROTOCOLS.map((protocol) => protocol.name);

/** The protocol tapegate generates for this model, or null: `protocol`, else the first supported of `protocols`. */
export function supportedProtocol(metadata: Pick<BotocoreModel['metadata'], 'protocol' | 'protocols'>): ServiceProtocol | null {
  for (const candidate of [metadata.protocol, ...(metadata.protocols ?? [])]) {
    if (candidate !== undefined && (NAMES as readonly string[]).includes(candidate)) return candidate as ServiceProtocol;
  }
  return null;
}

/** The generator's binding of this model's protocol; a protocol tapegate does not generate is bad input. */
export function bindProtocol(metadata: BotocoreModel['metadata'], path: string): ModelBinding {
  const name = supportedProtocol(metadata);
  const protocol = PROTOCOLS.find((candidate) => candidate.name === name);
  if (protocol === undefined) {
    const named = metadata.protocols?.join(', ') ?? metadata.protocol ?? 'none';
    throw new TapegateError(
      `Failed to generate contracts from "${path}": protocol ${named} is not supported; tapegate generates ${[...NAMES].sort().join(', ')} contracts only`,
      2,
    );
  }
  return protocol.bind(metadata);
}
