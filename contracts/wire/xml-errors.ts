/**
 * What every XML protocol's errors share: the neutral `WireError`, reading an `<Error>` element
 * (`Code`, `Message`, `Type`, `RequestId`, and the error shape's own members beside them), and
 * resolving an error to send (its code as the model spells it, its shape, its status).
 */
import { TapegateError } from '../../core/errors.js';
import type { WireIssue } from './issues.js';
import type { ServiceShapes } from './service-shapes.js';
import { decodeXmlShape } from './xml-decode.js';
import { encodeXmlShape, type XmlTree } from './xml-encode.js';
import { childElements, textOf, type XmlNode } from './xml-read.js';

/** An AWS error in neutral form, for every XML protocol. */
export interface WireError {
  code: string;
  message?: string;
  /** `Sender` or `Receiver` (query), absent in S3's errors. */
  type?: string;
  requestId?: string;
  /** The error shape the code names, when the model has one. */
  shape?: string;
  /** The other members: decoded by the error shape when there is one, else as text. */
  fields: Record<string, unknown>;
  /**
   * The protocol's detail elements (S3's `<Key>`, `<BucketName>`, `<Condition>`: s3-error-details.ts)
   * the error shape does not declare, as text: envelope, kept but checked against no shape.
   */
  details?: Record<string, string>;
}

// S3 adds HostId (its request's second id) to every error: envelope, like RequestId. SQS's
// query errors carry an empty <Detail/> after the Message (its API reference shows it in every
// error response): envelope too, never a member of the error shape.
const ENVELOPE = new Set(['Code', 'Message', 'Type', 'Detail', 'RequestId', 'HostId', '#text']);
const NO_DETAILS: ReadonlySet<string> = new Set();

/**
 * Reads the `<Error>` element of any XML protocol into a `WireError` (shared with rest-xml).
 * `details` names the protocol's detail elements: one the error shape does not declare as a
 * member goes to `details`, not to `fields`, so it is never an unknown member of the shape.
 */
export function readErrorElement(shapes: ServiceShapes, error: XmlNode, wire: string, issues: WireIssue[], details = NO_DETAILS): WireError {
  const [code] = childElements(error, 'Code');
  const [message] = childElements(error, 'Message');
  const [type] = childElements(error, 'Type');
  const [requestId] = childElements(error, 'RequestId');
  const codeText = code ? textOf(code) : '';
  if (codeText === '') issues.push({ code: 'missing-error-code', pointer: '/code', wire: `${wire}/Code`, message: `${wire} has no Code` });
  const shape = shapes.errorShapeName(codeText);
  const rest: XmlNode = {};
  let detailed: Record<string, string> | undefined;
  const members = shape === undefined || details.size === 0 ? undefined : shapes.structure(shape).byXmlName;
  for (const key of Object.keys(error)) {
    if (ENVELOPE.has(key) || key.startsWith('@')) continue;
    if (details.has(key) && members?.has(key) !== true) (detailed ??= {})[key] = textOf(childElements(error, key)[0] ?? {});
    else rest[key] = error[key];
  }
  let fields: Record<string, unknown> = {};
  if (shape !== undefined) fields = decodeXmlShape(shapes, { shape }, rest, issues, '/fields', wire) as Record<string, unknown>;
  else for (const key of Object.keys(rest)) fields[key] = textOf(childElements(rest, key)[0] ?? {});
  // Assigned one by one: conditional spreads cost more than the rest of this function.
  const read: Omit<WireError, 'fields'> & { fields?: Record<string, unknown> } = { code: codeText };
  if (message) read.message = textOf(message);
  if (type) read.type = textOf(type);
  if (requestId) read.requestId = textOf(requestId);
  if (shape) read.shape = shape;
  read.fields = fields;
  if (detailed) read.details = detailed;
  return read as WireError;
}

export interface ErrorToSend {
  /** The error's code (`NoSuchEntity`) or the name of its shape (`NoSuchEntityException`). */
  code: string;
  message?: string;
  fields?: Record<string, unknown>;
  /** Defaults to the error shape's `httpStatusCode`, else 400 (500 for a fault). */
  status?: number;
}

export interface EncodedError {
  status: number;
  code: string;
  body: string;
}

/** The code, shape and status an error is sent with. */
export function resolveError(shapes: ServiceShapes, error: ErrorToSend): { code: string; shape?: string; status: number; sender: boolean } {
  const byName = shapes.hasShape(error.code) && shapes.shape(error.code).exception === true;
  const shapeName = shapes.errorShapeName(error.code) ?? (byName ? error.code : undefined);
  const shape = shapeName === undefined ? undefined : shapes.shape(shapeName);
  const fault = shape?.fault === true || shape?.error?.senderFault === false;
  const code = shapeName === undefined ? error.code : shapes.errorCode(shapeName);
  return { code, ...(shapeName ? { shape: shapeName } : {}), status: error.status ?? shape?.error?.httpStatusCode ?? (fault ? 500 : 400), sender: !fault };
}

/** Error members as XML elements beside Code and Message. */
export function errorFieldsTree(shapes: ServiceShapes, shape: string | undefined, fields: Record<string, unknown> | undefined): Record<string, XmlTree> {
  if (fields === undefined || Object.keys(fields).length === 0) return {};
  if (shape === undefined) throw new TapegateError('Failed to encode "/fields": an error without a shape in the model carries no fields', 2);
  return encodeXmlShape(shapes, { shape }, fields, '/fields') as Record<string, XmlTree>;
}
