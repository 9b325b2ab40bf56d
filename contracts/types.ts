/**
 * A service's contracts as the code uses them: what a contract file
 * (`contracts/generated/<service>-<apiVersion>.json`, the compact form of format/compact-types.ts)
 * expands to when its service is first used, and what the generator makes of a model.
 *
 * Every operation carries its wire bindings (which member travels where, under which name)
 * and, for each part of the request and response, a pair of JSON Schemas:
 *  - `validation`: open objects, overlays applied on load, compiled by ajv;
 *  - `diff`: draft-07, closed objects (`additionalProperties: false`), internal
 *    `#/definitions/...` refs only, for json-schema-diff.
 * Shared shapes live once in `definitions`; operation parts refer to them with
 * `{"$ref": "#/definitions/<ShapeName>"}` in both flavours.
 */

import type { SensitiveMember } from '../core/sensitive.js';
import type { ServiceModel } from './wire/model.js';

export type JsonSchema = { [keyword: string]: unknown };

/** The two schemas DESIGN.md asks for, one per purpose. */
export interface SchemaPair {
  validation: JsonSchema;
  diff: JsonSchema;
}

export interface Provenance {
  /** botocore's `metadata.uid`, e.g. `apigateway-2015-07-09`. */
  uid: string;
  /** Release of botocore the model came from, when the input said (e.g. a `botocore-1.43.67` folder). */
  botocoreVersion: string | null;
  /** sha256 (hex) of the model file's bytes as read (before gunzip for `.json.gz`). */
  sha256: string;
  /** Path of the model inside a botocore data folder: `<service>/<apiVersion>/service-2.json[.gz]`. */
  file: string;
}

/** Where a request member travels on the wire. */
export type WireLocation = 'uri' | 'querystring' | 'header' | 'body';

/** One member of an operation's input or output, as the wire sees it. */
export interface WireMember {
  /** The SDK's member name (`ContentHandlingStrategy`). */
  member: string;
  /** The wire name (`contentHandlingStrategy`, `restapi_id`, `X-Amzn-ErrorType`). */
  wireName: string;
  location: WireLocation;
  /** Shape name in `definitions`. */
  shape: string;
  required: boolean;
}

/** A body is JSON (members without a location), a raw payload (blob/string `payload`), or absent. */
export type BodyKind = 'json' | 'blob' | 'none';

export interface RequestContract {
  /** URI labels, keyed by label name; `greedy` is true for `{name+}`. */
  labels: { name: string; greedy: boolean }[];
  /** Query literals in the requestUri (`/restapis?mode=import` → `{mode: "import"}`). */
  queryLiterals: Record<string, string>;
  members: WireMember[];
  /** Object schema over uri labels (values are decoded strings). */
  path: SchemaPair;
  /** Object schema over query parameters (values strings, or arrays of strings for lists). */
  query: SchemaPair;
  /** Object schema over lower-cased header names. */
  headers: SchemaPair;
  bodyKind: BodyKind;
  /** Present when `bodyKind` is `json`. */
  body?: SchemaPair;
  /** Where secrets travel (model `sensitive` marks and overlays); absent when nowhere. */
  sensitive?: SensitiveMember[];
}

export interface ResponseContract {
  status: number;
  members: WireMember[];
  headers: SchemaPair;
  bodyKind: BodyKind;
  body?: SchemaPair;
  sensitive?: SensitiveMember[];
}

export interface ErrorContract {
  /** The error type as it appears in `X-Amzn-ErrorType` / `__type` / `code` after normalising. */
  type: string;
  status: number;
  fault: 'client' | 'server';
  headers: SchemaPair;
  /** `{message}` (or `Message`) plus whatever members the error shape declares. */
  body: SchemaPair;
  sensitive?: SensitiveMember[];
}

export interface OperationContract {
  /** `service.Operation`, e.g. `apigateway.UpdateIntegrationResponse`. */
  id: string;
  service: string;
  name: string;
  http: {
    method: string;
    /** The requestUri exactly as the model has it, query literals included. */
    uri: string;
    successStatus: number;
    /** The model declares no status (rest protocols): `successStatus` is botocore's default 200. */
    implicitStatus?: true;
  };
  request: RequestContract;
  response: ResponseContract;
  errors: ErrorContract[];
}

/** The protocols the generator takes. */
export type ServiceProtocol = 'rest-json' | 'json' | 'query' | 'rest-xml';

/** What names a service and how it is spoken: a contract file's header line and the loaded contract alike. */
export interface ServiceFacts {
  /** The service's botocore name (`apigateway`, `apigatewayv2`). */
  service: string;
  apiVersion: string;
  protocol: ServiceProtocol;
  endpointPrefix: string;
  signingName: string;
  serviceId: string;
  /** botocore's `metadata.globalEndpoint` (`iam.amazonaws.com`): where the `aws` partition's global region is served (IAM has no regional endpoint there). */
  globalEndpoint?: string;
  /** json protocol: `X-Amz-Target` is `{targetPrefix}.{Operation}`. */
  targetPrefix?: string;
  /** json protocol: `1.0` or `1.1` (`Content-Type: application/x-amz-json-1.x`). */
  jsonVersion?: string;
  /** json protocol: errors also carry the query-protocol code (`x-amzn-query-error: Code;Sender`). */
  awsQueryCompatible?: boolean;
  provenance: Provenance;
}

export interface ServiceContract extends ServiceFacts {
  format: 'tapegate-contracts';
  formatVersion: 2;
  /** `$id` the validation definitions are registered under in ajv. */
  schemaId: string;
  /** What the generator could not express (an uncompilable pattern, say), in plain words. */
  notes: string[];
  /** Ids of the overlay entries (contracts/overlays) that marked members sensitive here. */
  sensitiveOverlay?: string[];
  operations: Record<string, OperationContract>;
  /**
   * rest-json and json: for each structure in `definitions` and each error shape (by shape
   * name) that has body members whose JSON key is not their model name (`locationName`),
   * member model name → JSON key. The schemas name members by JSON key only; drift pairs the
   * keys of two contracts by model name with this.
   */
  jsonNames?: Record<string, Record<string, string>>;
  /**
   * query and rest-xml: the botocore shapes with their serialization traits only (XML and
   * form names, flattening, namespaces, locations), for the wire codecs (contracts/wire) that
   * turn a form or XML body into the protocol-neutral value the schemas check.
   */
  wireModel?: ServiceModel;
  definitions: {
    validation: Record<string, JsonSchema>;
    diff: Record<string, JsonSchema>;
  };
}
