/**
 * Findings are data, never exceptions: a contract violation or an oddity in one exchange.
 * `path` is a JSON Pointer into the request or response as the validator sees it:
 * `/status`, `/path/<label>`, `/query/<name>`, `/headers/<lower-case-name>`, `/body/...`.
 */
import { badInput } from './errors.js';

export type Severity = 'error' | 'warn' | 'info';

export type Side = 'request' | 'response';

export type FindingCode =
  /** Method + path matched no operation (of a service the contracts cover, or of no known service). */
  | 'unknown-operation'
  /**
   * An exchange of a service the contracts do not cover (cognito-idp, sts, lambda beside API
   * Gateway): not checked, counted as "not covered". Info: it never fails a run.
   */
  | 'uncovered-service'
  /**
   * A call in the query protocol to a service whose contract is json (SQS from botocore < 1.31,
   * the AWS CLI < 2.13): routed to its operation, but the json contract does not describe the
   * form and XML on the wire, so it is not checked. Info: it never fails a run.
   */
  | 'query-protocol-call'
  /**
   * An unsigned call that is no AWS operation (an emulator's own reset or health endpoint),
   * recorded as it passed to --upstream: not checked. Info: it never fails a run.
   */
  | 'unsigned-call'
  /** Members whose value is `null`, treated as absent as the SDKs do: info, one per exchange. */
  | 'null-member'
  /** A JSON body labelled with another Content-Type, or none (the SDKs do not look; warn). */
  | 'content-type'
  /** A body that should be JSON does not parse. */
  | 'invalid-json'
  /** A body that should be XML (query answers, rest-xml) is not well-formed, declares a DOCTYPE or nests too deep. */
  | 'invalid-xml'
  /** A query-protocol form body with a malformed percent escape. */
  | 'invalid-form'
  /** A query list index that is not 1, 2, 3, …: `Tags.member.0.Key`; the item is not read. */
  | 'invalid-list-index'
  /** Query list indices that skip a number (`member.1`, `member.3`). */
  | 'list-index-gap'
  /** A query or XML map entry without its key or its value. */
  | 'incomplete-map-entry'
  /** A form key sent twice, a map key twice, or a non-list XML element repeated. */
  | 'duplicate-key'
  /** A query request whose `Version` is not the contract's API version. */
  | 'version-mismatch'
  /** The success status is not the one the contract gives. */
  | 'unexpected-status'
  /** Another 2xx where the model declares no success status (rest protocols: 200 is only botocore's default). */
  | 'undeclared-status'
  /**
   * An error type the operation does not declare: info when its service declares it elsewhere
   * or every AWS service may send it (the SDKs raise it all the same), warn otherwise.
   */
  | 'undeclared-error'
  /** An error response without a type in `X-Amzn-ErrorType`, `__type` or `code`. */
  | 'missing-error-type'
  /** A status that does not belong to the error type it carries. */
  | 'error-status-mismatch'
  | 'missing-required'
  | 'invalid-type'
  | 'invalid-enum'
  | 'too-short'
  | 'too-long'
  | 'too-small'
  | 'too-large'
  | 'pattern-mismatch'
  | 'invalid-format'
  /** A member under its SDK name (`ContentHandlingStrategy`) instead of its wire name. */
  | 'wrong-casing'
  /** A URI member repeated in the body. */
  | 'uri-member-in-body'
  /** A member the contract does not know: info in a response (AWS ahead of the model). */
  | 'unknown-field'
  /** Any other schema keyword failing (kept generic rather than dropped). */
  | 'schema-violation'
  /**
   * The validator itself failed on this exchange (a contract whose schema does not compile,
   * a bug): the exchange was not checked. An error, so a run that could not check something
   * does not pass as clean.
   */
  | 'validator-failure';

export interface Finding {
  /** `service.Operation`, or null when the request could not be routed. */
  operation: string | null;
  side: Side;
  severity: Severity;
  code: FindingCode;
  /** JSON Pointer (RFC 6901) into the request or response. */
  path: string;
  message: string;
}

const severityRank: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

/** True when `finding` is at least as severe as `level`. */
export function atLeast(severity: Severity, level: Severity): boolean {
  return severityRank[severity] >= severityRank[level];
}

/** `--fail-on`: the lowest severity that makes a run exit 1 (`never`: findings never fail it). */
export const FAIL_ON_LEVELS = ['error', 'warn', 'never'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

export function parseFailOn(value: unknown, what = '--fail-on'): FailOn {
  if ((FAIL_ON_LEVELS as readonly unknown[]).includes(value)) return value as FailOn;
  throw badInput(what, 'expected "error", "warn" or "never"', value);
}

/** True when a finding of this severity fails a run under `failOn`. */
export function fails(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && atLeast(severity, failOn);
}
