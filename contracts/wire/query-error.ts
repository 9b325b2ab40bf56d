/**
 * Query-protocol errors: `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code>
 * <Message>…</Message>…</Error><RequestId>…</RequestId></ErrorResponse>`. The code names the
 * error shape through its `error.code` (IAM's `NoSuchEntityException` is sent as
 * `NoSuchEntity`); the shape's other members sit beside `Code` and `Message`.
 */
import type { Decoded } from './issues.js';
import { CANNED_REQUEST_ID } from './query-response.js';
import type { ServiceShapes } from './service-shapes.js';
import { writeXml, type XmlTree } from './xml-encode.js';
import { errorFieldsTree, readErrorElement, resolveError, type EncodedError, type ErrorToSend, type WireError } from './xml-errors.js';
import { childElements, readXml, textOf, type XmlDocument, type XmlNode } from './xml-read.js';

export function decodeQueryError(shapes: ServiceShapes, body: string): Decoded<WireError> {
  const { document, issues } = readXml(body, 'error body');
  if (document === undefined) return { value: undefined, issues };
  const { error, wire } = findError(document);
  if (error === undefined) {
    issues.push({ code: 'missing-error-code', pointer: '', wire: document.name, message: `the error body's root is <${document.name}>, expected <ErrorResponse><Error>` });
    return { value: undefined, issues };
  }
  const value = readErrorElement(shapes, error, wire, issues);
  const [requestId] = childElements(document.root, 'RequestId');
  if (value.requestId === undefined && requestId) value.requestId = textOf(requestId);
  return { value, issues };
}

function findError(document: XmlDocument): { error?: XmlNode; wire: string } {
  if (document.name === 'Error') return { error: document.root, wire: 'Error' };
  const [error] = childElements(document.root, 'Error');
  const wire = `${document.name}/Error`;
  return error ? { error, wire } : { wire };
}

export function encodeQueryError(shapes: ServiceShapes, error: ErrorToSend, requestId = CANNED_REQUEST_ID): EncodedError {
  const { code, shape, status, sender } = resolveError(shapes, error);
  const inner: Record<string, XmlTree> = { Type: sender ? 'Sender' : 'Receiver', Code: code };
  if (error.message !== undefined) inner.Message = error.message;
  Object.assign(inner, errorFieldsTree(shapes, shape, error.fields));
  const tree: Record<string, XmlTree> = {};
  if (shapes.model.metadata.xmlNamespace) tree['@xmlns'] = shapes.model.metadata.xmlNamespace;
  tree.Error = inner;
  tree.RequestId = requestId;
  return { status, code, body: writeXml('ErrorResponse', tree) };
}
