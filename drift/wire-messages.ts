/**
 * One sentence per wire change: the member, its old and new wire form, and what an old client
 * talking to a new server runs into. Kept beside messages.ts (the schema changes' sentences)
 * and apart from the comparisons, so the wording reads in one place.
 */
import type { RawWireChange } from './types.js';
import type { DriftSide } from './types.js';

/** `"Contents[*].Key"`, as messages.ts names schema members. */
function memberPath(path: readonly string[]): string {
  return `"${path.map((segment, i) => (segment === '*' ? '[*]' : i === 0 ? segment : `.${segment}`)).join('')}"`;
}

function owner(side: DriftSide, errorType: string | undefined): string {
  return side === 'request' ? 'request' : side === 'error' ? `${errorType ?? 'error'} response` : 'response';
}

/** `Request member "Key"`, `Response member "Contents[*].Key"`, or the message itself. */
function subject(path: readonly string[], side: DriftSide, errorType: string | undefined): string {
  const whose = owner(side, errorType);
  if (path.length === 0) return `The ${whose}`;
  return `${whose.charAt(0).toUpperCase()}${whose.slice(1)} member ${memberPath(path)}`;
}

/** What an old client and a new server make of it. */
function consequence(side: DriftSide): string {
  return side === 'request' ? 'AWS no longer reads it from clients built for the old model' : 'clients built for the old model will not find it';
}

const TIMESTAMP_FORMS: Record<string, string> = {
  iso8601: 'ISO 8601 (2024-05-06T07:08:09Z)',
  rfc822: 'an HTTP date (Mon, 06 May 2024 07:08:09 GMT)',
  unixTimestamp: 'epoch seconds (1714979289)',
};

const timestampForm = (format: unknown): string => TIMESTAMP_FORMS[String(format)] ?? JSON.stringify(format);

export function wireMessage(change: RawWireChange, side: DriftSide, errorType?: string): string {
  const who = subject(change.path, side, errorType);
  const before = change.spelled?.before ?? JSON.stringify(change.before);
  const after = change.spelled?.after ?? JSON.stringify(change.after);
  switch (change.code) {
    case 'protocol-changed':
      return `The service now speaks ${after} instead of ${before}: every request and answer is spelled another way, and clients built for the old model cannot call it.`;
    case 'target-prefix-changed':
      return `X-Amz-Target is now ${after} instead of ${before}: clients that send the old target reach no operation.`;
    case 'query-compatible-changed':
      return change.after === true
        ? 'Errors now also carry the query protocol code in x-amzn-query-error: clients built for the old model ignore the header.'
        : 'Errors no longer carry the query protocol code in x-amzn-query-error: clients that take the error code from it (awsQueryCompatible) now see another code.';
    case 'wire-name-changed':
      return `${who} ${side === 'request' ? 'is now sent' : 'now comes'} as ${after} instead of ${before}: ${consequence(side)}.`;
    case 'location-changed':
      return `${who} moved from ${before} to ${after}: ${consequence(side)}.`;
    case 'flattened-changed':
      return `${who} is ${change.after === true ? 'now' : 'no longer'} flattened: it travels as ${after} instead of ${before}: ${consequence(side)}.`;
    case 'xml-attribute-changed':
      return `${who} is now ${after} instead of ${before}: ${consequence(side)}.`;
    case 'xml-namespace-changed':
      return side === 'request'
        ? `${who} is now sent in XML namespace ${after} instead of ${before}: clients that still send the old namespace reach a server that may check it.`
        : `${who} now comes in XML namespace ${after} instead of ${before}: botocore and the JavaScript SDK read XML without looking at namespaces; a client that checks them will not match.`;
    case 'timestamp-format-changed':
      return side === 'request'
        ? `${who} is now sent as ${timestampForm(change.after)} instead of ${timestampForm(change.before)}: AWS no longer parses the timestamps of clients built for the old model.`
        : `${who} now comes as ${timestampForm(change.after)} instead of ${timestampForm(change.before)}: clients built for the old model fail to parse it.`;
    case 'error-code-changed':
      return `Error ${change.shape ?? errorType ?? ''} is now sent with code ${after} instead of ${before}: clients built for the old model do not recognise it and raise a generic error instead.`;
  }
}
