/**
 * Wire issues (contracts/wire/issues.ts: what a form or XML body does that its protocol does
 * not allow) as findings, beside the schema findings of the neutral value they decoded to.
 * Pointers go into the neutral value under the message part (`/body/Tags` for a `member.0`
 * in `Tags.member.0.Key`); the message names the wire place (the form key, the XML path).
 * Codes and severities follow the json protocol's where one fits: a member the model lacks is
 * `unknown-field` (warn in a request, info in an answer), a value of the wrong type `invalid-type`.
 */
import type { Finding, FindingCode, Severity, Side } from '../core/findings.js';
import type { WireIssue, WireIssueCode } from './wire/issues.js';

const CODES: Record<WireIssueCode, FindingCode> = {
  'invalid-xml': 'invalid-xml',
  'xml-doctype': 'invalid-xml',
  'xml-too-deep': 'invalid-xml',
  'invalid-form': 'invalid-form',
  'invalid-list-index': 'invalid-list-index',
  'list-index-gap': 'list-index-gap',
  'incomplete-map-entry': 'incomplete-map-entry',
  'duplicate-key': 'duplicate-key',
  'unknown-member': 'unknown-field',
  'invalid-value': 'invalid-type',
  'unknown-action': 'unknown-operation',
  'version-mismatch': 'version-mismatch',
  'uri-mismatch': 'unknown-operation',
  'missing-error-code': 'missing-error-type',
};

function severityOf(code: FindingCode, side: Side): Severity {
  // As for JSON bodies: AWS may be ahead of the model in what it sends, never in what it takes.
  if (code === 'unknown-field') return side === 'request' ? 'warn' : 'info';
  // A repeated element in an answer: the SDKs keep one and go on.
  if (code === 'duplicate-key' && side === 'response') return 'warn';
  return 'error';
}

/** `issues` as findings; `prefix` is where the decoded value sits (`/body`), `from` a prefix of the issue pointers to drop (`/fields` of an error). */
export function wireFindings(issues: readonly WireIssue[], operation: string, side: Side, prefix = '/body', from = ''): Finding[] {
  return issues.map((issue) => {
    const code = CODES[issue.code];
    const inner = from !== '' && (issue.pointer === from || issue.pointer.startsWith(`${from}/`)) ? issue.pointer.slice(from.length) : issue.pointer;
    return { operation, side, severity: severityOf(code, side), code, path: prefix + inner, message: issue.message };
  });
}
