/**
 * The validator: one exchange → findings. Routes the request when no operation is given,
 * checks every part (labels, query, headers, body) of the request, then the response against
 * the success contract or the declared error it carries. A service's contracts load the first
 * time one of its exchanges is checked; each part's validator is compiled on its first use and
 * kept: interpreted at first, compiled once hot (part-validators.ts). The
 * contract set is shared.
 */
import type { Body, RecordedRequest, RecordedResponse } from '../core/exchange.js';
import { markStructures } from './schema-keywords.js';
import { escape, findingsFromAjv } from './ajv-findings.js';
import { contentTypeFinding } from './content-type.js';
import { ErrorJudge } from './error-judgement.js';
import { BODY_TYPE_MEMBERS, errorTypeOf } from './error-type.js';
import type { Finding, Side } from '../core/findings.js';
import { jsonTextTooDeep, jsonValueTooDeep, MAX_JSON_DEPTH, tooDeepText } from '../core/json-depth.js';
import { setOwn } from '../core/own.js';
import type { ValidationContext } from './learned-apis.js';
import { bundledContracts, type ContractSet } from './load.js';
import { nullMembersMessage, withoutNullMembers } from './null-members.js';
import { PartValidators, type PartCheck } from './part-validators.js';
import { ContractRouter } from './service-router.js';
import type { JsonSchema, OperationContract, SchemaPair } from './types.js';
import { wireMessagesOf, type WireMessages } from './wire-messages.js';
import { matchUriLabels } from './wire/rest-http-members.js';
import { isQueryFormCall } from './protocols/json.js';

export interface ExchangeToValidate {
  request: RecordedRequest;
  /** Absent when only the request is checked (a request that never got an answer). */
  response?: RecordedResponse;
}

interface NullMember {
  side: Side;
  pointer: string;
}

export class Validator {
  readonly contracts: ContractSet;
  readonly router: ContractRouter;
  private readonly parts = new PartValidators();
  private readonly checks = new Map<SchemaPair, PartCheck>();
  private readonly listQueryNames = new Map<OperationContract, Set<string>>();
  private readonly errors: ErrorJudge;

  constructor(contracts: ContractSet = bundledContracts()) {
    this.contracts = contracts;
    this.router = new ContractRouter(contracts);
    this.errors = new ErrorJudge(contracts);
  }

  /**
   * Findings for one exchange; `operation` skips routing when the caller already knows it.
   * `context`: what other exchanges said about the API (contracts/learned-apis.ts), for the
   * rules that depend on it; without it those rules accept every form that may apply.
   */
  validate(exchange: ExchangeToValidate, operation?: string | null, context: ValidationContext = {}): Finding[] {
    const { request } = exchange;
    let contract: OperationContract | undefined;
    let labels: Record<string, string> = {};
    if (operation) contract = this.contracts.operations.get(operation);
    const route = this.router.route(request);
    if (route && (!contract || route.operation === contract.id)) {
      contract ??= this.contracts.operations.get(route.operation);
      labels = route.labels;
    } else if (contract && this.wireOf(contract, request) !== null) {
      // A recorded rest-xml exchange that no longer names its service (S3: no Authorization,
      // no Host in a cassette) keeps its operation: its labels come from that operation's URI.
      labels = matchUriLabels(contract.http.uri, request.path) ?? {};
    }
    if (!contract) {
      return [
        {
          operation: operation ?? null,
          side: 'request',
          severity: 'error',
          code: 'unknown-operation',
          path: '/path',
          message: operation ? `no contract for operation ${operation}` : `no operation of the loaded contracts takes ${request.method} ${request.path}`,
        },
      ];
    }
    const nulls: NullMember[] = [];
    const wire = this.wireOf(contract, request);
    const findings = this.validateRequest(contract, request, labels, nulls, context, wire);
    if (exchange.response) findings.push(...this.validateResponse(contract, exchange.response, nulls, context, wire));
    const first = nulls[0];
    if (first !== undefined) {
      findings.push(this.finding(contract.id, first.side, 'info', 'null-member', first.pointer, nullMembersMessage(nulls)));
    }
    return findings;
  }

  /** The body as the SDKs' parsers see it: null members dropped (and noted in `nulls`). */
  private withoutNulls(value: unknown, side: Side, nulls: NullMember[]): unknown {
    const dropped: string[] = [];
    const result = withoutNullMembers(value, '/body', dropped);
    for (const pointer of dropped) nulls.push({ side, pointer });
    return result;
  }

  private validateRequest(
    contract: OperationContract,
    request: RecordedRequest,
    labels: Record<string, string>,
    nulls: NullMember[],
    context: ValidationContext,
    wire: WireMessages | null,
  ): Finding[] {
    const id = contract.id;
    const findings = [
      ...this.check(contract.request.path, labels, id, 'request', '/path', context),
      ...this.check(contract.request.query, this.queryObject(contract, request.query), id, 'request', '/query', context),
      ...this.check(contract.request.headers, request.headers, id, 'request', '/headers', context),
    ];
    if (wire !== null) {
      // query and rest-xml: the form or XML body decoded to the neutral value the schema describes.
      const body = wire.request(contract, request);
      findings.push(...body.findings);
      if (body.value !== undefined && contract.request.body)
        findings.push(...notAgain(body.findings, this.check(contract.request.body, body.value, id, 'request', '/body', context)));
      return findings;
    }
    if (contract.request.bodyKind === 'json' && contract.request.body) {
      this.pushContentType(findings, id, 'request', request);
      const parsed = this.jsonBody(request.body, id, 'request', findings);
      const value = parsed === undefined ? undefined : this.withoutNulls(parsed, 'request', nulls);
      if (value !== undefined) {
        const misplaced = this.uriMembersInBody(contract, value);
        const explained = new Set(misplaced.map((finding) => finding.path));
        findings.push(...misplaced);
        // A misplaced URI member is also unknown to the body schema: report it once.
        for (const finding of this.check(contract.request.body, value, id, 'request', '/body', context)) {
          if (!explained.has(finding.path)) findings.push(finding);
        }
      }
    }
    return findings;
  }

  private validateResponse(contract: OperationContract, response: RecordedResponse, nulls: NullMember[], context: ValidationContext, wire: WireMessages | null): Finding[] {
    const id = contract.id;
    const findings: Finding[] = [];
    // Both SDKs parse every status below 300 as the operation's output, so the body is
    // checked as one even when the status is not the model's (that alone is the finding).
    if (response.status < 300) {
      if (response.status !== contract.response.status) {
        findings.push(
          contract.http.implicitStatus
            ? this.finding(
                id,
                'response',
                'info',
                'undeclared-status',
                '/status',
                `status ${response.status} where the model of ${id} declares none (200 by default); the SDKs take any 2xx`,
              )
            : this.finding(id, 'response', 'error', 'unexpected-status', '/status', `status ${response.status} where ${id} answers ${contract.response.status}`),
        );
      }
      findings.push(...this.check(contract.response.headers, response.headers, id, 'response', '/headers', context));
      if (wire !== null) {
        const body = wire.response(contract, response);
        findings.push(...body.findings);
        if (body.value !== undefined && contract.response.body) {
          findings.push(...notAgain(body.findings, this.check(contract.response.body, body.value, id, 'response', '/body', context)));
        }
        return findings;
      }
      if (contract.response.bodyKind === 'json' && contract.response.body) {
        this.pushContentType(findings, id, 'response', response);
        const value = this.jsonBody(response.body, id, 'response', findings);
        if (value !== undefined) findings.push(...this.check(contract.response.body, this.withoutNulls(value, 'response', nulls), id, 'response', '/body', context));
      }
      return findings;
    }
    if (wire !== null) return [...findings, ...this.validateWireError(contract, response, wire, context)];
    const source = errorTypeOf(response.headers, response.body.kind === 'json' ? response.body.value : undefined);
    if (!source || source.type === '') {
      // The SDKs raise a generic error named after the status (botocore) or "Unknown" (JavaScript v3):
      // no client can tell which error this is.
      const what = source ? `an empty error type at ${source.pointer}` : 'no error type';
      findings.push(
        this.finding(
          id,
          'response',
          'error',
          'missing-error-type',
          source?.pointer ?? '/headers/x-amzn-errortype',
          `status ${response.status} with ${what} (X-Amzn-ErrorType header, code, Code or __type in the body); the SDKs raise a generic error no client can tell apart`,
        ),
      );
      return findings;
    }
    const judged = this.errors.judge(contract, source);
    if (judged.kind !== 'declared') findings.push(judged.finding);
    this.pushContentType(findings, id, 'response', response);
    // An error body the SDKs cannot parse (JSON.parse throws in the JavaScript SDK) is wrong whatever its type.
    const value = this.jsonBody(response.body, id, 'response', findings);
    // A type no contract of the service describes: nothing to check its body against.
    if (judged.kind === 'common' || judged.kind === 'unknown') return findings;
    const declared = judged.error;
    if (declared.status !== response.status) {
      findings.push(
        this.finding(id, 'response', 'error', 'error-status-mismatch', '/status', `${declared.type} comes with status ${declared.status}, received ${response.status}`),
      );
    }
    findings.push(...this.check(declared.headers, response.headers, id, 'response', '/headers', context));
    if (value !== undefined) {
      const body = this.check(declared.body, this.withoutNulls(value, 'response', nulls), id, 'response', '/body', context);
      findings.push(...body.filter((finding) => !isErrorProtocolMember(finding)));
    }
    return findings;
  }

  /**
   * The reader of the operation's form and XML bodies; null for the JSON protocols, except for
   * a request in the query form to a json service whose contract carries that form (SQS from
   * SDKs released before it moved to json): then the whole exchange is read as query.
   */
  private wireOf(contract: OperationContract, request: RecordedRequest): WireMessages | null {
    const service = this.contracts.service(contract.service);
    if (service === undefined) return null;
    if (service.protocol === 'json' && (service.wireModel === undefined || !isQueryFormCall(request))) return null;
    return wireMessagesOf(service);
  }

  /**
   * An XML error (query `<ErrorResponse><Error>`, S3 `<Error>`): its `Code` judged as the
   * JSON protocols' error type is (declared, service-wide, common, unknown), its other members
   * checked against the error shape. A body-less S3 error (the answer to a HEAD) is named by
   * its status alone, as both SDKs name it: nothing to judge.
   */
  private validateWireError(contract: OperationContract, response: RecordedResponse, wire: WireMessages, context: ValidationContext): Finding[] {
    const id = contract.id;
    const read = wire.error(contract, response);
    const findings = read.findings;
    // Bad XML, no <Error> or no <Code>: the decode said so already.
    if (read.statusOnly || read.error === undefined || read.error.code === '') return findings;
    const judged = this.errors.judge(contract, { type: wire.errorType(read.error), pointer: '/body/Code' });
    if (judged.kind !== 'declared') findings.push(judged.finding);
    if (judged.kind === 'common' || judged.kind === 'unknown') return findings;
    const declared = judged.error;
    const status = wire.queryFormStatus(read.error.shape) ?? declared.status;
    if (status !== response.status) {
      findings.push(this.finding(id, 'response', 'error', 'error-status-mismatch', '/status', `${declared.type} comes with status ${status}, received ${response.status}`));
    }
    findings.push(...this.check(declared.headers, response.headers, id, 'response', '/headers', context));
    findings.push(...this.check(declared.body, read.error.fields, id, 'response', '/body', context).filter((finding) => !isErrorProtocolMember(finding)));
    return findings;
  }

  private pushContentType(findings: Finding[], operation: string, side: Side, part: { headers: Record<string, string>; body: Body }): void {
    const finding = contentTypeFinding(operation, side, part.headers, part.body);
    if (finding) findings.push(finding);
  }

  /**
   * The parsed body; an empty body counts as `{}`; bytes that are not JSON are a finding.
   * JSON nested beyond MAX_JSON_DEPTH is a finding too, never walked: ajv and the findings
   * recurse once per level (a caller of this public API may hand over any value).
   */
  private jsonBody(body: Body, operation: string, side: Side, findings: Finding[]): unknown {
    const tooDeep = (): void => {
      findings.push(
        this.finding(
          operation,
          side,
          'error',
          'invalid-json',
          '/body',
          `body is JSON ${tooDeepText()}, more than tapegate parses (MAX_JSON_DEPTH ${MAX_JSON_DEPTH}); it is kept as bytes and not checked`,
        ),
      );
    };
    if (body.kind === 'json') {
      if (!jsonValueTooDeep(body.value)) return body.value;
      tooDeep();
      return undefined;
    }
    if (body.kind === 'empty') return {};
    if (jsonTextTooDeep(body.bytes)) {
      tooDeep();
      return undefined;
    }
    findings.push(
      this.finding(
        operation,
        side,
        'error',
        'invalid-json',
        '/body',
        `body is not JSON (${body.bytes.length} bytes starting ${JSON.stringify(Buffer.from(body.bytes.subarray(0, 24)).toString('utf8'))})`,
      ),
    );
    return undefined;
  }

  /** URI members travel in the path only; the same name in the body is a client bug. */
  private uriMembersInBody(contract: OperationContract, body: unknown): Finding[] {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
    const findings: Finding[] = [];
    // A body member may legitimately share a URI member's SDK name (v1 PutIntegration: URI
    // `httpMethod` → {http_method}, body `integrationHttpMethod` → "httpMethod" on the wire).
    const bodyNames = new Set(contract.request.members.filter((m) => m.location === 'body').map((m) => m.wireName));
    for (const member of contract.request.members) {
      if (member.location !== 'uri') continue;
      for (const name of new Set([member.member, member.wireName])) {
        if (Object.hasOwn(body, name) && !bodyNames.has(name)) {
          findings.push(
            this.finding(
              contract.id,
              'request',
              'error',
              'uri-member-in-body',
              `/body/${escape(name)}`,
              `"${name}" is a URI member ({${member.wireName}}) and does not belong in the body`,
            ),
          );
        }
      }
    }
    return findings;
  }

  /** Query values as the schema expects them: arrays for list members, one string otherwise. */
  private queryObject(contract: OperationContract, query: Record<string, string[]>): Record<string, string | string[]> {
    let lists = this.listQueryNames.get(contract);
    if (!lists) {
      const properties = (contract.request.query.validation.properties ?? {}) as Record<string, JsonSchema>;
      lists = new Set(Object.keys(properties).filter((name) => properties[name]?.type === 'array'));
      this.listQueryNames.set(contract, lists);
    }
    const result: Record<string, string | string[]> = {};
    for (const name of Object.keys(query)) {
      const values = query[name]!;
      // setOwn: a parameter named `__proto__` is checked like any other, not made the prototype.
      setOwn(result, name, lists.has(name) ? values : (values[values.length - 1] ?? ''));
    }
    return result;
  }

  private check(pair: SchemaPair, value: unknown, operation: string, side: Side, prefix: string, context: ValidationContext): Finding[] {
    let check = this.checks.get(pair);
    if (!check) {
      // Bodies report members the contract does not name; query strings and headers carry
      // plenty the model never mentions (SigV4, user agents), so they stay silent about extras.
      if (prefix === '/body') markStructures(pair.validation);
      check = this.parts.checkOf(this.contracts.service(operation.slice(0, operation.indexOf('.')))!, pair.validation);
      this.checks.set(pair, check);
    }
    const validate = check.validate;
    // The context reaches the tapegateLearned keyword as the validation's `this` (schema-keywords.ts).
    if (validate.call(context, value)) return [];
    return unique(findingsFromAjv(validate.errors, { operation, side, prefix }));
  }

  private finding(operation: string, side: Side, severity: Finding['severity'], code: Finding['code'], path: string, message: string): Finding {
    return { operation, side, severity, code, path, message };
  }
}

/**
 * The members an error body carries for the protocol, not for the error shape: the type
 * (`code`, `Code`, `__type`) and the message under either spelling (both SDKs read `message`,
 * else `Message`). Neither is unknown or miscased, whatever the shape declares.
 */
const ERROR_PROTOCOL_POINTERS = new Set([...BODY_TYPE_MEMBERS, 'message', 'Message'].map((name) => `/body/${name}`));

function isErrorProtocolMember(finding: Finding): boolean {
  return (finding.code === 'unknown-field' || finding.code === 'wrong-casing') && ERROR_PROTOCOL_POINTERS.has(finding.path);
}

/**
 * A form or XML value that could not be read (`<SenderFault>maybe</SenderFault>`) is left out of
 * the decoded value, and the wire finding says why (`invalid-type`); a required member left out
 * that way is not also `missing-required`: one finding for one wrong value.
 */
function notAgain(wire: readonly Finding[], schema: Finding[]): Finding[] {
  if (wire.length === 0 || schema.length === 0) return schema;
  const unreadable = new Set(wire.filter((finding) => finding.code === 'invalid-type').map((finding) => finding.path));
  return unreadable.size === 0 ? schema : schema.filter((finding) => !(finding.code === 'missing-required' && unreadable.has(finding.path)));
}

/**
 * An overlay may restate a bound the model already has (v2 timeoutInMillis 50–30000 is both);
 * the value then fails twice in the same way, and one finding says it.
 */
function unique(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.code}\u0000${finding.path}\u0000${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
