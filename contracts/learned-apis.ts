/**
 * What a cassette (or a proxy session) has said about its v2 APIs, learned from its exchanges,
 * for the rules that one exchange alone cannot decide. An integration's `requestParameters`
 * keys take one form on HTTP APIs and another on WebSocket APIs, and with an
 * `integrationSubtype` they are that action's parameter names; an UpdateIntegration request
 * names neither the API's protocol nor, often, the integration's subtype.
 *
 * Learned from successful API Gateway v2 answers only (what AWS says, not what a client asked):
 *  - an API's protocol type from any answer object with `apiId` and `protocolType` (CreateApi,
 *    GetApi, GetApis' items, UpdateApi, ImportApi, ReimportApi);
 *  - an integration's subtype (or that it has none) from any answer about integrations
 *    (CreateIntegration, GetIntegration, GetIntegrations' items, UpdateIntegration).
 * Callers learn from an exchange before checking it (the proxy, in session order) or from a
 * whole cassette first (verify, drift); what was never recorded stays unknown, and the rules
 * then accept every form that one of the possibilities allows.
 */
import type { Exchange } from '../core/exchange.js';

export type ProtocolType = 'HTTP' | 'WEBSOCKET';

/** What the validator knows about the API an exchange is about, beyond the exchange itself. */
export interface ValidationContext {
  /** The API's protocol type; absent when the recording never said. */
  protocolType?: ProtocolType;
  /** The subtype of the integration the request path names: its name, null when it has none, absent when unknown. */
  integrationSubtype?: string | null;
}

type Learnable = Pick<Exchange, 'operation' | 'request' | 'response'>;

const API_PATH = /^\/v2\/apis\/([^/]+)(?:\/integrations(?:\/([^/]+))?)?/;
const INTEGRATIONS_PATH = /^\/v2\/apis\/[^/]+\/integrations(?:\/[^/]+)?\/?$/;

export class LearnedApis {
  readonly #protocols = new Map<string, ProtocolType>();
  /** By `<apiId>/<integrationId>`. */
  readonly #subtypes = new Map<string, string | null>();

  learn(exchange: Learnable): void {
    const { request, response } = exchange;
    if (!exchange.operation?.startsWith('apigatewayv2.') || response.status < 200 || response.status >= 300 || response.body.kind !== 'json') return;
    const objects = answerObjects(response.body.value);
    for (const object of objects) {
      const { apiId, protocolType } = object;
      if (typeof apiId === 'string' && (protocolType === 'HTTP' || protocolType === 'WEBSOCKET')) this.#protocols.set(apiId, protocolType);
    }
    const apiId = idsOf(request.path).apiId;
    if (apiId === undefined || !INTEGRATIONS_PATH.test(request.path)) return;
    for (const object of objects) {
      if (typeof object.integrationId !== 'string') continue;
      this.#subtypes.set(`${apiId}/${object.integrationId}`, typeof object.integrationSubtype === 'string' ? object.integrationSubtype : null);
    }
  }

  /** What is known about the API (and integration) `exchange`'s request path names. */
  contextFor(exchange: Pick<Exchange, 'request'>): ValidationContext {
    const { apiId, integrationId } = idsOf(exchange.request.path);
    if (apiId === undefined) return {};
    const context: ValidationContext = {};
    const protocolType = this.#protocols.get(apiId);
    if (protocolType !== undefined) context.protocolType = protocolType;
    const key = `${apiId}/${integrationId ?? ''}`;
    if (integrationId !== undefined && this.#subtypes.has(key)) context.integrationSubtype = this.#subtypes.get(key) ?? null;
    return context;
  }
}

/** The answer body itself and, for a list answer, its items. */
function answerObjects(body: unknown): Record<string, unknown>[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  const object = body as Record<string, unknown>;
  const items = Array.isArray(object.items)
    ? object.items.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item))
    : [];
  return [object, ...items];
}

function idsOf(path: string): { apiId?: string; integrationId?: string } {
  const match = API_PATH.exec(path);
  if (!match) return {};
  const ids: { apiId?: string; integrationId?: string } = { apiId: decode(match[1]!) };
  if (match[2] !== undefined) ids.integrationId = decode(match[2]);
  return ids;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
