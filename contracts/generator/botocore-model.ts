/** The parts of botocore's `service-2.json` that the generator reads. */

export interface BotocoreModel {
  metadata: {
    apiVersion: string;
    protocol?: string;
    protocols?: string[];
    uid?: string;
    endpointPrefix?: string;
    signingName?: string;
    serviceId?: string;
    /** json protocol: `X-Amz-Target` is `{targetPrefix}.{Operation}`. */
    targetPrefix?: string;
    jsonVersion?: string;
    /** json protocol: present (as `{}`) when errors also carry the query protocol's code. */
    awsQueryCompatible?: object;
    globalEndpoint?: string;
    /** query and rest-xml: the namespace of XML answers. */
    xmlNamespace?: string;
  };
  operations: Record<string, BotocoreOperation>;
  shapes: Record<string, BotocoreShape>;
}

export interface BotocoreOperation {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
  deprecated?: boolean;
}

export interface ShapeRef {
  shape: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
  timestampFormat?: string;
  jsonvalue?: boolean;
  /** The member holds a secret (botocore marks most on the target shape instead). */
  sensitive?: boolean;
}

export interface BotocoreShape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob';
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  payload?: string;
  timestampFormat?: string;
  exception?: boolean;
  fault?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  flattened?: boolean;
  sensitive?: boolean;
  document?: boolean;
}
