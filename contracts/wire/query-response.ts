/**
 * Query-protocol answers: `<{Op}Response xmlns="…"><{Op}Result>…</{Op}Result>
 * <ResponseMetadata><RequestId>…</RequestId></ResponseMetadata></{Op}Response>`, the result
 * element named by the operation's `output.resultWrapper`. Decoded into the neutral output
 * and encoded back from it (canned answers that the SDKs parse).
 */
import { TapegateError } from '../../core/errors.js';
import type { Decoded } from './issues.js';
import type { Operation } from './model.js';
import type { ServiceShapes } from './service-shapes.js';
import { decodeXmlShape } from './xml-decode.js';
import { encodeXmlShape, writeXml, type XmlTree } from './xml-encode.js';
import { childElements, readXml, textOf } from './xml-read.js';

export interface QueryResponse extends Decoded<Record<string, unknown>> {
  requestId?: string;
}

/** The request id canned answers carry unless told otherwise. */
export const CANNED_REQUEST_ID = '00000000-0000-4000-8000-000000000000';

function resultName(operation: Operation): string {
  return operation.output?.resultWrapper ?? `${operation.name}Result`;
}

export function decodeQueryResponse(shapes: ServiceShapes, operationName: string, body: string): QueryResponse {
  const operation = shapes.requireOperation(operationName);
  const { document, issues } = readXml(body, 'response body');
  if (document === undefined) return { value: undefined, issues };
  const wrapper = `${operation.name}Response`;
  if (document.name !== wrapper) {
    issues.push({ code: 'unknown-member', pointer: '', wire: document.name, message: `the root element is <${document.name}>, expected <${wrapper}>` });
  }
  const result = resultName(operation);
  let value: Record<string, unknown> = {};
  for (const key of Object.keys(document.root)) {
    if (key === '#text' || key.startsWith('@') || key === 'ResponseMetadata') continue;
    if (key === result && operation.output) continue;
    issues.push({ code: 'unknown-member', pointer: '', wire: `${document.name}/${key}`, message: `${document.name}/${key} is neither ${result} nor ResponseMetadata` });
  }
  const [resultNode] = childElements(document.root, result);
  if (operation.output && resultNode !== undefined) {
    value = decodeXmlShape(shapes, operation.output, resultNode, issues, '', `${document.name}/${result}`) as Record<string, unknown>;
  }
  const [metadata] = childElements(document.root, 'ResponseMetadata');
  const [requestId] = metadata ? childElements(metadata, 'RequestId') : [];
  return requestId ? { value, issues, requestId: textOf(requestId) } : { value, issues };
}

export function encodeQueryResponse(shapes: ServiceShapes, operationName: string, output: Record<string, unknown>, requestId = CANNED_REQUEST_ID): string {
  const operation = shapes.requireOperation(operationName);
  const tree: Record<string, XmlTree> = {};
  if (shapes.model.metadata.xmlNamespace) tree['@xmlns'] = shapes.model.metadata.xmlNamespace;
  if (operation.output) tree[resultName(operation)] = encodeXmlShape(shapes, operation.output, output);
  else if (Object.keys(output).length > 0) throw new TapegateError(`Failed to encode "/": expected no output, ${operationName} has none`, 2);
  tree.ResponseMetadata = { RequestId: requestId };
  return writeXml(`${operation.name}Response`, tree);
}
