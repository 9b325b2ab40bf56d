/**
 * ajv's errors → findings: a code of our own, a JSON Pointer into the request or response
 * (the part's prefix + ajv's instancePath, + the member for `required`), and a sentence that
 * says what was expected and what came.
 */
import type { ErrorObject } from 'ajv';
import { KNOWN_KEYWORD, type UnknownMemberParams } from './schema-keywords.js';
import type { Finding, FindingCode, Severity, Side } from '../core/findings.js';
import { isRedacted } from '../core/sensitive.js';

const CODES: Record<string, FindingCode> = {
  required: 'missing-required',
  type: 'invalid-type',
  enum: 'invalid-enum',
  const: 'invalid-enum',
  minLength: 'too-short',
  maxLength: 'too-long',
  minItems: 'too-short',
  maxItems: 'too-long',
  minProperties: 'too-short',
  maxProperties: 'too-long',
  minimum: 'too-small',
  exclusiveMinimum: 'too-small',
  maximum: 'too-large',
  exclusiveMaximum: 'too-large',
  pattern: 'pattern-mismatch',
  format: 'invalid-format',
};

/**
 * Keywords a redaction placeholder may fail (a sensitive member with a pattern or a minimum
 * length): the recorded value is `<redacted>` on purpose, so there is nothing to judge.
 */
const VALUE_KEYWORDS = new Set(['pattern', 'minLength', 'maxLength', 'enum', 'const', 'format']);

/** Keywords whose failure only summarises failures already reported beneath them. */
const SUMMARY_KEYWORDS = new Set(['if', 'allOf', 'anyOf', 'oneOf', 'propertyNames', '$ref']);

export interface FindingContext {
  operation: string | null;
  side: Side;
  /** `/body`, `/query`, `/path`, `/headers`. */
  prefix: string;
}

export function findingsFromAjv(errors: ErrorObject[] | null | undefined, context: FindingContext): Finding[] {
  if (!errors) return [];
  const findings: Finding[] = [];
  for (const error of errors) {
    if (SUMMARY_KEYWORDS.has(error.keyword)) continue;
    const finding = toFinding(error, context);
    if (finding) findings.push(finding);
  }
  return findings;
}

const RESPONSE_DRIFT = new Set<FindingCode>(['invalid-enum', 'too-small', 'too-large']);

function toFinding(error: ErrorObject, context: FindingContext): Finding | null {
  if (VALUE_KEYWORDS.has(error.keyword) && error.propertyName === undefined && isRedacted(error.data)) return null;
  const base = context.prefix + error.instancePath;
  const make = (code: FindingCode, severity: Severity, path: string, message: string): Finding => ({
    operation: context.operation,
    side: context.side,
    severity,
    code,
    path,
    message,
  });
  if (error.keyword === KNOWN_KEYWORD) {
    const params = error.params as UnknownMemberParams;
    const path = `${base}/${escape(params.property)}`;
    if (params.sameButCase !== undefined) {
      return make(
        'wrong-casing',
        context.side === 'request' ? 'error' : 'warn',
        path,
        `member "${params.property}" is not on the wire under that name; expected "${params.sameButCase}" (wire names differ from SDK names in letter case)`,
      );
    }
    return make(
      'unknown-field',
      context.side === 'request' ? 'warn' : 'info',
      path,
      context.side === 'request'
        ? `member "${params.property}" is not in the contract; AWS ignores or rejects it`
        : `member "${params.property}" is not in the contract (AWS may be ahead of the model)`,
    );
  }
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return make('missing-required', 'error', `${base}/${escape(missing)}`, `required member "${missing}" is missing`);
  }
  const code = CODES[error.keyword] ?? 'schema-violation';
  // A response value outside the model's enum or numeric range is AWS ahead of (or beside) the
  // model: drift, not a violation. Real answers do this: every DynamoDB table description carries
  // `NumberOfDecreasesToday: 0` where the model says at least 1, and no SDK checks ranges in answers.
  const severity: Severity = context.side === 'response' && RESPONSE_DRIFT.has(code) ? 'warn' : 'error';
  const path = error.propertyName !== undefined ? `${base}/${escape(error.propertyName)}` : base;
  return make(code, severity, path, describe(error));
}

/**
 * An overlay may say in words which forms a pattern stands for (`"tapegateExpected":
 * "method.response.header.{name}"` beside the `pattern`): the finding then names those forms
 * rather than the regular expression.
 */
export const EXPECTED_KEYWORD = 'tapegateExpected';

function describe(error: ErrorObject): string {
  const received = preview(error.data);
  const params = error.params as Record<string, unknown>;
  const expected: unknown = error.parentSchema?.[EXPECTED_KEYWORD];
  switch (error.keyword) {
    case 'pattern':
      if (typeof expected === 'string') {
        return error.propertyName !== undefined
          ? `key "${error.propertyName}" is not a form AWS accepts here; expected ${expected}`
          : `${received} is not a form AWS accepts here; expected ${expected}`;
      }
      return error.propertyName !== undefined ? `key "${error.propertyName}" does not match ${String(params.pattern)}` : `${received} does not match ${String(params.pattern)}`;
    case 'enum':
      return `${received} is not one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `expected ${String(params.type)}, received ${received}`;
    case 'minLength':
    case 'maxLength':
      return `${received} has length ${lengthOf(error.data)}; expected ${error.keyword === 'minLength' ? 'at least' : 'at most'} ${String(params.limit)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${received} is ${error.keyword.includes('inimum') ? 'below' : 'above'} the limit ${String(params.limit)}`;
    case 'format':
      return `${received} is not a valid ${String(params.format)}`;
    default:
      return `${received}: ${error.message ?? error.keyword}`;
  }
}

function lengthOf(value: unknown): number {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  return typeof value === 'object' && value !== null ? Object.keys(value).length : 0;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
