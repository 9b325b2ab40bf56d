/**
 * What every service of the fake AWS shares: the request it is handed, the answer it gives, and
 * the three ways AWS spells a body (XML, JSON 1.0, rest-json) and an error in each protocol, so
 * that a service module only says what it answers, not how the bytes look.
 */
import { escapeXml } from '../../../core/text.js';

export interface FakeRequest {
  method: string;
  /** Path and query exactly as on the request line (what the signature covers). */
  url: string;
  /** Path without the query string, as sent (still percent-encoded). */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface FakeAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** A service of the fake: null when it does not know the request (the server then answers the protocol's UnknownOperation). */
export type FakeService = (request: FakeRequest, requestId: string) => FakeAnswer | null;

/** A request the fake refuses the way the service would: thrown by a service, answered by the server. */
export class FakeAwsError extends Error {
  override readonly name = 'FakeAwsError';
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** Extra elements (XML) or members (JSON) AWS adds to this error, e.g. S3's `Key`. */
    readonly extra: Record<string, string> = {},
    /** For json services that were query services (SQS): the query error code, sent in `x-amzn-query-error`. */
    readonly queryCode?: string,
  ) {
    super(message);
  }
}

export function header(request: FakeRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** `{name: value}` as XML elements; nested objects and arrays of objects as nested elements (arrays repeat the name). */
export function xmlElements(value: Record<string, unknown>): string {
  return Object.entries(value)
    .map(([name, member]) => {
      if (member === undefined) return '';
      if (Array.isArray(member)) return member.map((item) => xmlElements({ [name]: item as unknown })).join('');
      if (member !== null && typeof member === 'object') return `<${name}>${xmlElements(member as Record<string, unknown>)}</${name}>`;
      return `<${name}>${escapeXml(typeof member === 'string' ? member : JSON.stringify(member))}</${name}>`;
    })
    .join('');
}

export function xmlAnswer(status: number, xml: string, headers: Record<string, string> = {}): FakeAnswer {
  const body = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, 'utf8');
  return { status, headers: { 'content-type': 'text/xml', 'content-length': String(body.length), ...headers }, body };
}

/** A query-protocol success: `<{Op}Response><{Op}Result>…</{Op}Result><ResponseMetadata>…`. */
export function queryAnswer(operation: string, namespace: string, result: Record<string, unknown> | null, requestId: string): FakeAnswer {
  const resultXml = result === null ? '' : `<${operation}Result>${xmlElements(result)}</${operation}Result>`;
  return xmlAnswer(200, `<${operation}Response xmlns="${namespace}">${resultXml}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`, {
    'x-amzn-requestid': requestId,
  });
}

export function jsonAnswer(status: number, value: unknown, contentType: string, headers: Record<string, string> = {}): FakeAnswer {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  return { status, headers: { 'content-type': contentType, 'content-length': String(body.length), ...headers }, body };
}

/** A JSON body of the request, or a protocol error naming what was wrong with it. */
export function jsonInput(request: FakeRequest): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(request.body.toString('utf8') || '{}');
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new FakeAwsError('SerializationException', 400, 'Start of structure or map found where not expected.');
}

export type Protocol = 'query' | 'json' | 'rest-json' | 'rest-xml';

/** An error as the protocol spells it (botocore's parsers read each of these). */
export function errorAnswer(protocol: Protocol, error: FakeAwsError, requestId: string, jsonPrefix = ''): FakeAnswer {
  const fault = error.status >= 500 ? 'Receiver' : 'Sender';
  switch (protocol) {
    case 'query':
      return xmlAnswer(
        error.status,
        `<ErrorResponse><Error><Type>${fault}</Type>${xmlElements({ Code: error.code, Message: error.message, ...error.extra })}</Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
        { 'x-amzn-requestid': requestId },
      );
    case 'rest-xml':
      return xmlAnswer(error.status, `<Error>${xmlElements({ Code: error.code, Message: error.message, ...error.extra, RequestId: requestId })}</Error>`, {
        'x-amz-request-id': requestId,
      });
    case 'json':
      return jsonAnswer(error.status, { __type: `${jsonPrefix}${error.code}`, message: error.message, ...error.extra }, 'application/x-amz-json-1.0', {
        'x-amzn-requestid': requestId,
        ...(error.queryCode === undefined ? {} : { 'x-amzn-query-error': `${error.queryCode};${fault}` }),
      });
    case 'rest-json':
      return jsonAnswer(error.status, { message: error.message, ...error.extra }, 'application/json', { 'x-amzn-errortype': error.code, 'x-amzn-requestid': requestId });
  }
}
