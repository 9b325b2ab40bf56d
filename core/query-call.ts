/**
 * The `Action` and `Version` of a query-protocol call (STS, SNS, IAM, …), from the query
 * string (a GET, or a POST that puts them there) or from the form body
 * (`application/x-www-form-urlencoded`). The request line the proxy caches routes by and the
 * query router both ask; the body is scanned once per request (the answer is kept per body
 * object), for two keys only, never decoded whole: that is the validator's job, later.
 */
import type { Body } from './exchange.js';
import { ownValue } from './own.js';

export interface QueryCall {
  action: string;
  /** Absent when the call does not say. */
  version?: string;
}

/** What the call is read from: a RecordedRequest will do. */
export interface QueryCallSource {
  query?: Record<string, string[]>;
  headers?: Record<string, string>;
  body?: Body;
}

const fromBodies = new WeakMap<object, QueryCall | null>();

function decode(text: string): string {
  const spaced = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** The value of form key `name` in `form` (latin1 text of the body), or undefined. */
function formValue(form: string, name: string): string | undefined {
  const needle = `${name}=`;
  for (let at = form.indexOf(needle); at !== -1; at = form.indexOf(needle, at + 1)) {
    if (at !== 0 && form.charCodeAt(at - 1) !== 0x26 /* & */) continue;
    const start = at + needle.length;
    const end = form.indexOf('&', start);
    return decode(form.slice(start, end === -1 ? form.length : end));
  }
  return undefined;
}

function isForm(headers: Record<string, string> | undefined): boolean {
  const type = headers === undefined ? undefined : ownValue(headers, 'content-type');
  return type !== undefined && type.toLowerCase().includes('application/x-www-form-urlencoded');
}

/** The call a request makes, or null when it names no Action. */
export function queryCallOf(request: QueryCallSource): QueryCall | null {
  const action = request.query === undefined ? undefined : ownValue(request.query, 'Action')?.[0];
  if (action !== undefined && action !== '') {
    const version = ownValue(request.query!, 'Version')?.[0];
    return version === undefined ? { action } : { action, version };
  }
  const body = request.body;
  if (body === undefined || body.kind !== 'bytes' || !isForm(request.headers)) return null;
  const known = fromBodies.get(body);
  if (known !== undefined) return known;
  const form = Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength).toString('latin1');
  const found = formValue(form, 'Action');
  const version = found === undefined ? undefined : formValue(form, 'Version');
  const call = found === undefined || found === '' ? null : version === undefined ? { action: found } : { action: found, version };
  fromBodies.set(body, call);
  return call;
}
