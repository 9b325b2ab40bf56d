/**
 * rest-xml (S3) requests, both ways: the neutral input from the request's URI labels, query
 * string, headers and XML body, and a request (path-style path, query, headers, body) from a
 * neutral input. For S3 the bucket may sit in the Host (`s3-address.ts`). Query parameters and
 * headers the model does not name are not issues: the SDKs add their own (`x-id`, user agents).
 */
import { fillUri } from '../uri-template.js';
import type { Decoded, WireIssue } from './issues.js';
import { matchUriLabels, readHttpMembers, writeHttpMembers } from './rest-http-members.js';
import { readXmlBody, writeXmlBody } from './rest-xml-body.js';
import { s3Address } from './s3-address.js';
import type { ServiceShapes } from './service-shapes.js';

export interface RestXmlRequest {
  /** The path as sent, percent-encoding kept, without the query string. */
  path: string;
  query: Readonly<Record<string, readonly string[]>>;
  /** Lower-case names. */
  headers: Readonly<Record<string, string>>;
  /** The body as text; undefined or empty when there is none. */
  body?: string;
  /** The Host the request was sent to; for S3 it may hold the bucket. */
  host?: string;
  /** Hosts the SDK was pointed at (a bucket label in front of one is virtual-hosted). */
  endpointHosts?: readonly string[];
}

export function decodeRestXmlRequest(shapes: ServiceShapes, operationName: string, request: RestXmlRequest): Decoded<Record<string, unknown>> {
  const operation = shapes.requireOperation(operationName);
  const issues: WireIssue[] = [];
  const value: Record<string, unknown> = {};
  if (!operation.input) return { value, issues };
  const isS3 = shapes.model.metadata.endpointPrefix === 's3';
  const path = isS3 && request.host !== undefined ? s3Address(request.host, request.path, request.endpointHosts).path : request.path;
  const labels = matchUriLabels(operation.http.requestUri, path);
  if (labels === null) {
    issues.push({ code: 'uri-mismatch', pointer: '', wire: path, message: `path ${path} does not fit ${operation.name}'s URI ${operation.http.requestUri}` });
  }
  readHttpMembers(shapes, operation.input.shape, { headers: request.headers, query: request.query, labels: labels ?? {} }, value, issues);
  readXmlBody(shapes, operation.input.shape, request.body, value, issues, 'request body');
  return { value, issues };
}

export interface EncodedRestRequest {
  method: string;
  /** Path style (`/bucket/key`) with the template's query literals in `query`. */
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string>;
  body?: string;
}

export function encodeRestXmlRequest(shapes: ServiceShapes, operationName: string, input: Record<string, unknown>): EncodedRestRequest {
  const operation = shapes.requireOperation(operationName);
  const { headers, query, labels } = operation.input ? writeHttpMembers(shapes, operation.input.shape, input) : { headers: {}, query: {}, labels: {} };
  const filled = fillUri(operation.http.requestUri, labels);
  const mark = filled.indexOf('?');
  const path = mark < 0 ? filled : filled.slice(0, mark);
  if (mark >= 0) {
    for (const pair of filled.slice(mark + 1).split('&')) {
      const eq = pair.indexOf('=');
      query[eq < 0 ? pair : pair.slice(0, eq)] = [eq < 0 ? '' : pair.slice(eq + 1)];
    }
  }
  const body = operation.input ? writeXmlBody(shapes, operation.input.shape, input, { rootName: operation.input.locationName ?? operation.input.shape }) : undefined;
  if (body !== undefined) headers['content-type'] ??= 'application/xml';
  return { method: operation.http.method, path, query, headers, ...(body === undefined ? {} : { body }) };
}
