/**
 * What the fake remembers between requests: v1 REST APIs with their resource tree, methods,
 * integrations and responses; v2 APIs with their integrations and integration responses.
 * Held in wire form already (v1 camelCase members, v2 camelCase wire names), so that handlers
 * answer by copying, and tests can look inside (`fake.state`).
 */

/** v1 `IntegrationResponse` as on the wire. */
export interface V1IntegrationResponse {
  statusCode: string;
  selectionPattern?: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string>;
  contentHandling?: string;
}

/** v1 `Integration` as on the wire, without its responses (kept apart, by status code). */
export interface V1Integration {
  wire: Record<string, unknown>;
  responses: Map<string, V1IntegrationResponse>;
}

export interface V1MethodResponse {
  statusCode: string;
  responseParameters?: Record<string, boolean>;
  responseModels?: Record<string, string>;
}

export interface V1Method {
  /** `Method` members other than methodResponses and methodIntegration. */
  wire: Record<string, unknown>;
  responses: Map<string, V1MethodResponse>;
  integration?: V1Integration;
}

export interface V1Resource {
  id: string;
  parentId?: string;
  pathPart?: string;
  path: string;
  methods: Map<string, V1Method>;
}

export interface V1RestApi {
  /** `RestApi` members as CreateRestApi answered them. */
  wire: Record<string, unknown> & { id: string };
  resources: Map<string, V1Resource>;
}

export interface V2IntegrationResponse {
  integrationResponseId: string;
  integrationResponseKey: string;
  [member: string]: unknown;
}

export interface V2Integration {
  wire: Record<string, unknown> & { integrationId: string };
  responses: Map<string, V2IntegrationResponse>;
}

export interface V2Api {
  wire: Record<string, unknown> & { apiId: string; protocolType: 'HTTP' | 'WEBSOCKET' };
  integrations: Map<string, V2Integration>;
}

export interface FakeState {
  region: string;
  /** v1, by rest api id. */
  restApis: Map<string, V1RestApi>;
  /** v2, by api id. */
  apis: Map<string, V2Api>;
}

export function emptyState(region: string): FakeState {
  return { region, restApis: new Map(), apis: new Map() };
}
