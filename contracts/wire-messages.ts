/**
 * The bodies of query and rest-xml exchanges as the validator checks them: decoded by the
 * wire codecs (contracts/wire) from the form or XML into the protocol-neutral value the
 * contract's schemas describe (member names, ISO 8601 timestamps, base64 blobs), with what the
 * wire form did wrong as findings. One reader per service, made from the contract's wire model
 * the first time one of its exchanges is checked.
 *
 * Which part of the value is the body: a query request's whole input (every member travels in
 * the form), a query answer's `{Operation}Result`; for rest-xml the members without an HTTP
 * location, or the payload member's own value (as rest-json's payload body). Header, URI and
 * query-string members are checked by the text-part schemas, as for rest-json.
 */
import type { Body, RecordedRequest, RecordedResponse } from '../core/exchange.js';
import type { Finding } from '../core/findings.js';
import { ownValue } from '../core/own.js';
import type { OperationContract, ServiceContract } from './types.js';
import { wireFindings } from './wire-findings.js';
import type { WireIssue } from './wire/issues.js';
import { decodeQueryError } from './wire/query-error.js';
import { writeForm } from './wire/query-form.js';
import { decodeQueryRequest } from './wire/query-request-decode.js';
import { decodeQueryResponse } from './wire/query-response.js';
import { readXmlBody } from './wire/rest-xml-body.js';
import { decodeRestXmlError } from './wire/rest-xml-error.js';
import { ROOT_IS_MEMBER } from './wire/s3-xml-names.js';
import { ServiceShapes } from './wire/service-shapes.js';
import type { WireError } from './wire/xml-errors.js';

export interface WireBody {
  /** The neutral value to check against the part's body schema; undefined when there is none to check. */
  value: unknown;
  findings: Finding[];
}

export interface WireErrorBody {
  /** Undefined when no error could be read (bad XML, no `<Error>`). */
  error?: WireError;
  /** S3 answers a HEAD with a status and no body: there is no code to judge, as the SDKs name it by status. */
  statusOnly: boolean;
  findings: Finding[];
}

const readers = new WeakMap<ServiceContract, WireMessages | null>();

/**
 * The reader of a query or rest-xml service, and of a json service's query form when its
 * contract carries one (`awsQueryCompatible`: SQS); null for the other JSON services.
 */
export function wireMessagesOf(service: ServiceContract): WireMessages | null {
  let reader = readers.get(service);
  if (reader === undefined) {
    reader = service.wireModel === undefined ? null : new WireMessages(service);
    readers.set(service, reader);
  }
  return reader;
}

function textOf(body: Body): string {
  if (body.kind === 'empty') return '';
  if (body.kind === 'json') return body.raw ?? JSON.stringify(body.value);
  return Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength).toString('utf8');
}

export class WireMessages {
  readonly shapes: ServiceShapes;
  private readonly query: boolean;
  /** A json contract's wire model is the query form of a service that was a query service (SQS). */
  private readonly queryFormOfJson: boolean;

  constructor(service: ServiceContract) {
    this.shapes = new ServiceShapes(service.wireModel, `the ${service.service} contracts' wire model`);
    this.queryFormOfJson = service.protocol === 'json';
    this.query = service.protocol === 'query' || this.queryFormOfJson;
  }

  request(contract: OperationContract, request: RecordedRequest): WireBody {
    if (this.query) {
      const decoded = decodeQueryRequest(this.shapes, this.formOf(request));
      return { value: decoded.value, findings: wireFindings(decoded.issues, contract.id, 'request') };
    }
    if (contract.request.bodyKind !== 'json') return { value: undefined, findings: [] };
    return this.restBody(contract, this.shapes.requireOperation(contract.name).input?.shape, request.body, 'request');
  }

  response(contract: OperationContract, response: RecordedResponse): WireBody {
    if (this.query) {
      const decoded = decodeQueryResponse(this.shapes, contract.name, textOf(response.body));
      return { value: decoded.value, findings: wireFindings(decoded.issues, contract.id, 'response') };
    }
    if (contract.response.bodyKind !== 'json') return { value: undefined, findings: [] };
    return this.restBody(contract, this.shapes.requireOperation(contract.name).output?.shape, response.body, 'response');
  }

  /**
   * The status an error shape is sent with in the query form of a json service, which the json
   * model may have dropped (SQS's OverLimit: 403); undefined elsewhere, where the contract's is it.
   */
  queryFormStatus(shape: string | undefined): number | undefined {
    if (shape === undefined || !this.queryFormOfJson) return undefined;
    return this.shapes.shape(shape).error?.httpStatusCode;
  }

  /**
   * The error type the contract names `error` by: its code, as query and rest-xml contracts name
   * errors; a json contract names them by shape, which the query code
   * (`AWS.SimpleQueueService.NonExistentQueue`) names through the wire model.
   */
  errorType(error: WireError): string {
    return this.queryFormOfJson ? (error.shape ?? error.code) : error.code;
  }

  error(contract: OperationContract, response: RecordedResponse): WireErrorBody {
    const text = textOf(response.body);
    if (!this.query && text.trim() === '') return { statusOnly: true, findings: [] };
    const decoded = this.query ? decodeQueryError(this.shapes, text) : decodeRestXmlError(this.shapes, { status: response.status, body: text });
    const issues = decoded.issues.map((issue): WireIssue => (issue.pointer === '/code' ? { ...issue, pointer: '/fields/Code' } : issue));
    const findings = wireFindings(issues, contract.id, 'response', '/body', '/fields');
    return decoded.value ? { error: decoded.value, statusOnly: false, findings } : { statusOnly: false, findings };
  }

  /** The form a query request sends: its body, or (a GET) its query string. */
  private formOf(request: RecordedRequest): string {
    if (request.body.kind !== 'empty' || ownValue(request.query, 'Action') === undefined) return textOf(request.body);
    const pairs: [string, string][] = [];
    // Presigned-URL authentication parameters are the signature's, not the operation's.
    for (const [name, values] of Object.entries(request.query)) if (!/^x-amz-/i.test(name)) for (const value of values) pairs.push([name, value]);
    return writeForm(pairs);
  }

  private restBody(contract: OperationContract, shapeName: string | undefined, body: Body, side: 'request' | 'response'): WireBody {
    if (shapeName === undefined) return { value: undefined, findings: [] };
    const out: Record<string, unknown> = {};
    const issues: WireIssue[] = [];
    readXmlBody(this.shapes, shapeName, textOf(body), out, issues, `${side} body`, side === 'response' ? ownValue(ROOT_IS_MEMBER, contract.name) : undefined);
    const payload = this.shapes.shape(shapeName).payload;
    if (payload === undefined) return { value: out, findings: wireFindings(issues, contract.id, side) };
    // The payload member's value is the body, as rest-json's payload body is.
    return { value: ownValue(out, payload), findings: wireFindings(issues, contract.id, side, '/body', `/${payload}`) };
  }
}
