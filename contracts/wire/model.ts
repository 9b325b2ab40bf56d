/**
 * The parts of a botocore `service-2.json` that the wire codecs read. Kept apart from the
 * generator's own model types on purpose: the codecs need the XML and query serialization
 * traits (`flattened`, `xmlNamespace`, `xmlAttribute`, `resultWrapper`, `payload`) that JSON
 * Schema generation never looks at, and the two can then change independently.
 */

export interface XmlNamespace {
  uri: string;
  /** `xsi` for S3's Grantee: the namespace is declared as `xmlns:xsi`. */
  prefix?: string;
}

export type MemberLocation = 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';

export type TimestampFormat = 'iso8601' | 'rfc822' | 'unixTimestamp';

/** A reference to a shape, with the serialization traits botocore lets a reference override. */
export interface ShapeRef {
  shape: string;
  location?: MemberLocation;
  locationName?: string;
  flattened?: boolean;
  xmlNamespace?: XmlNamespace | string;
  xmlAttribute?: boolean;
  timestampFormat?: TimestampFormat;
  /** A header that carries base64-encoded JSON. */
  jsonvalue?: boolean;
  /** Only on an operation's output of the query protocol: the `<{Operation}Result>` element. */
  resultWrapper?: string;
  streaming?: boolean;
}

export type ShapeType = 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob';

export interface Shape {
  type: ShapeType;
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  flattened?: boolean;
  locationName?: string;
  xmlNamespace?: XmlNamespace | string;
  /** The member that is the whole HTTP body (rest protocols). */
  payload?: string;
  timestampFormat?: TimestampFormat;
  exception?: boolean;
  fault?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  streaming?: boolean;
  eventstream?: boolean;
}

export interface Operation {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: ShapeRef;
  output?: ShapeRef;
  errors?: { shape: string }[];
  deprecated?: boolean;
}

export interface ServiceModel {
  metadata: {
    apiVersion: string;
    protocol?: string;
    protocols?: string[];
    xmlNamespace?: string;
    endpointPrefix?: string;
    serviceId?: string;
  };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}
