/**
 * rest-xml (S3) answers, both ways: the neutral output from status, headers and XML body, and
 * a canned answer (status, headers, body) from a neutral output, with the root element name
 * and namespace S3 itself uses (`s3-xml-names.ts`).
 */
import type { Decoded, WireIssue } from './issues.js';
import { readHttpMembers, writeHttpMembers } from './rest-http-members.js';
import { readXmlBody, writeXmlBody } from './rest-xml-body.js';
import { ROOT_IS_MEMBER, S3_NAMESPACE, outputRootName } from './s3-xml-names.js';
import type { ServiceShapes } from './service-shapes.js';

export interface RestXmlResponse {
  status: number;
  /** Lower-case names. */
  headers: Readonly<Record<string, string>>;
  body?: string;
}

export function decodeRestXmlResponse(shapes: ServiceShapes, operationName: string, response: RestXmlResponse): Decoded<Record<string, unknown>> {
  const operation = shapes.requireOperation(operationName);
  const issues: WireIssue[] = [];
  const value: Record<string, unknown> = {};
  if (!operation.output) return { value, issues };
  readHttpMembers(shapes, operation.output.shape, { headers: response.headers, status: response.status }, value, issues);
  readXmlBody(shapes, operation.output.shape, response.body, value, issues, 'response body', ROOT_IS_MEMBER[operation.name]);
  return { value, issues };
}

export interface EncodedRestResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

export function encodeRestXmlResponse(shapes: ServiceShapes, operationName: string, output: Record<string, unknown>): EncodedRestResponse {
  const operation = shapes.requireOperation(operationName);
  const status = operation.http.responseCode ?? 200;
  if (!operation.output) return { status, headers: {} };
  const written = writeHttpMembers(shapes, operation.output.shape, output);
  const isS3 = shapes.model.metadata.endpointPrefix === 's3';
  const namespace = isS3 ? S3_NAMESPACE : shapes.model.metadata.xmlNamespace;
  const rootMember = ROOT_IS_MEMBER[operation.name];
  const body = writeXmlBody(shapes, operation.output.shape, output, {
    rootName: rootMember ?? (isS3 ? outputRootName(operation.name) : (shapes.shape(operation.output.shape).locationName ?? `${operation.name}Result`)),
    ...(namespace ? { namespace } : {}),
    ...(rootMember ? { rootMember } : {}),
  });
  if (body !== undefined) written.headers['content-type'] ??= 'application/xml';
  return { status: written.status ?? status, headers: written.headers, ...(body === undefined ? {} : { body }) };
}
