/**
 * The contract file on disk (format version 2): each shape once, referred to by name.
 *
 *  - `shapes`: one JSON Schema per botocore shape an operation's body reaches, in the closed
 *    (diff) flavour; `$ref`s point into the table itself (`#/shapes/Name`). The open
 *    validation flavour is the same schema without `additionalProperties: false`
 *    (see expand.ts), so it is not stored twice.
 *  - `messages`: the wire layout of each input and output shape (which member travels where,
 *    the text parts' schemas, the body), by shape name.
 *  - `errors`: each error shape once (type, status, headers, body), by shape name.
 *  - `operations`: method, URI and success status, and the names of the input, output and
 *    error shapes.
 *
 * The first line of the file holds the service's identity (the `ServiceHeader`), so a
 * contracts folder can be listed without parsing every file; see contract-file.ts.
 */
import type { SensitiveMember } from '../../core/sensitive.js';
import type { JsonSchema, ServiceFacts, WireLocation } from '../types.js';
import type { Shape, ShapeRef } from '../wire/model.js';

export const CONTRACT_FORMAT = 'tapegate-contracts';
export const CONTRACT_FORMAT_VERSION = 2;

/** `[member, wireName, location, shape, required]`: a WireMember without its key names. */
export type CompactMember = [member: string, wireName: string, location: WireLocation, shape: string, required: boolean];

/** An input or output shape as it travels. Absent text parts are empty objects; an absent body is no body. */
export interface CompactMessage {
  members: CompactMember[];
  path?: JsonSchema;
  query?: JsonSchema;
  headers?: JsonSchema;
  /** The JSON body schema, or `"blob"` for a raw payload. */
  body?: JsonSchema | 'blob';
  sensitive?: SensitiveMember[];
}

export interface CompactError {
  /** Absent when it is the shape's name. */
  type?: string;
  status: number;
  fault: 'client' | 'server';
  headers?: JsonSchema;
  body: JsonSchema;
  sensitive?: SensitiveMember[];
}

export interface CompactOperation {
  /** `implicitStatus`: the model declares no `responseCode` (rest protocols), so 200 is only botocore's default. */
  http: { method: string; uri: string; successStatus: number; implicitStatus?: true };
  input?: string;
  output?: string;
  errors?: string[];
  /** The model marks it deprecated (the S3 router prefers its twin at the same URI). */
  deprecated?: true;
}

/** query and rest-xml: an operation's input and output references with their wire traits (`resultWrapper`, `locationName`, `xmlNamespace`). */
export interface CompactWireOperation {
  input?: ShapeRef;
  output?: ShapeRef;
}

/** What a folder listing needs of a service: the first line of its file. */
export interface ServiceHeader extends ServiceFacts {
  format: typeof CONTRACT_FORMAT;
  formatVersion: typeof CONTRACT_FORMAT_VERSION;
  /** query and rest-xml: the namespace of the service's XML answers. */
  xmlNamespace?: string;
}

export interface CompactContract extends ServiceHeader {
  notes: string[];
  sensitiveOverlay?: string[];
  operations: Record<string, CompactOperation>;
  messages: Record<string, CompactMessage>;
  errors: Record<string, CompactError>;
  shapes: Record<string, JsonSchema>;
  /** rest-json and json: shape → member model name → JSON key, for body members (of `shapes` and `errors`) whose JSON key is not their model name (generator/json-names.ts); absent when none is. */
  jsonNames?: Record<string, Record<string, string>>;
  /** query and rest-xml: each operation's input and output references as the wire codecs read them. */
  wireOperations?: Record<string, CompactWireOperation>;
  /** query and rest-xml: the botocore shapes with their serialization traits only (no documentation, no bounds: the schemas hold those). */
  wireShapes?: Record<string, Shape>;
}

/** The keys of the header line, in the order they are written. */
export const HEADER_KEYS = [
  'format',
  'formatVersion',
  'service',
  'apiVersion',
  'protocol',
  'endpointPrefix',
  'signingName',
  'serviceId',
  'globalEndpoint',
  'targetPrefix',
  'jsonVersion',
  'awsQueryCompatible',
  'xmlNamespace',
  'provenance',
] as const satisfies readonly (keyof ServiceHeader)[];

export const SHAPE_REF = '#/shapes/';
