/**
 * rest-xml (S3) errors: `<Error><Code>NoSuchKey</Code><Message>…</Message><Key>…</Key>
 * <RequestId>…</RequestId></Error>`, the code naming the error shape. An error without a body
 * (HEAD requests) is named by its status, as botocore names it (`404`, message `Not Found`).
 * S3's detail elements (`<Key>`, `<BucketName>`, …: s3-error-details.ts) are read as envelope,
 * never as unknown members of the (mostly memberless) error shapes.
 */
import { STATUS_CODES } from 'node:http';
import type { Decoded, WireIssue } from './issues.js';
import { errorFieldsTree, readErrorElement, resolveError, type EncodedError, type ErrorToSend, type WireError } from './xml-errors.js';
import { CANNED_REQUEST_ID } from './query-response.js';
import { S3_ERROR_DETAILS } from './s3-error-details.js';
import type { ServiceShapes } from './service-shapes.js';
import { writeXml, type XmlTree } from './xml-encode.js';
import { childElements, readXml } from './xml-read.js';

export function decodeRestXmlError(shapes: ServiceShapes, response: { status: number; body?: string }): Decoded<WireError> {
  const issues: WireIssue[] = [];
  if (response.body === undefined || response.body.trim() === '') {
    const code = String(response.status);
    return {
      value: { code, message: STATUS_CODES[response.status] ?? code, fields: {}, ...(shapes.errorShapeName(code) ? { shape: shapes.errorShapeName(code) as string } : {}) },
      issues,
    };
  }
  const { document, issues: xmlIssues } = readXml(response.body, 'error body');
  issues.push(...xmlIssues);
  if (document === undefined) return { value: undefined, issues };
  // S3's own errors are `<Error>` at the root; a few proxies wrap them as the query protocol does.
  const error = document.name === 'Error' ? document.root : childElements(document.root, 'Error')[0];
  if (error === undefined) {
    issues.push({ code: 'missing-error-code', pointer: '', wire: document.name, message: `the error body's root is <${document.name}>, expected <Error>` });
    return { value: undefined, issues };
  }
  // The detail elements are S3's: another rest-xml service (a user's Route 53 contracts) reports them as any other unknown member.
  const details = shapes.model.metadata.endpointPrefix === 's3' ? S3_ERROR_DETAILS : undefined;
  return { value: readErrorElement(shapes, error, document.name === 'Error' ? 'Error' : `${document.name}/Error`, issues, details), issues };
}

export function encodeRestXmlError(shapes: ServiceShapes, error: ErrorToSend, requestId = CANNED_REQUEST_ID): EncodedError & { headers: Record<string, string> } {
  const { code, shape, status } = resolveError(shapes, error);
  const tree: Record<string, XmlTree> = { Code: code };
  if (error.message !== undefined) tree.Message = error.message;
  Object.assign(tree, errorFieldsTree(shapes, shape, error.fields));
  tree.RequestId = requestId;
  return { status, code, headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId }, body: writeXml('Error', tree) };
}
