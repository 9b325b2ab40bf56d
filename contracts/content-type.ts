/**
 * The `Content-Type` of a JSON body. Neither botocore nor the JavaScript SDK v3 looks at it
 * before parsing a rest-json body, so a wrong label breaks no SDK call: it is a `warn`, not an
 * error. It is still reported, because AWS always labels JSON as JSON and an emulator that
 * answers `text/html` (a web framework's default leaking through) differs from AWS where
 * anything but an SDK reads the answer: browsers, HTTP libraries, proxies that sniff or
 * rewrite by type. The SDKs label every request body they send `application/json` and send
 * no Content-Type with a body-less request, so the same holds on the request side.
 */
import type { Body } from '../core/exchange.js';
import type { Finding, Side } from '../core/findings.js';

/** application/json, the JSON protocols' x-amz-json-1.0/1.1, and `+json` types (RFC 6839); any parameters. */
export function isJsonMediaType(value: string): boolean {
  const type = (value.split(';', 1)[0] ?? '').trim().toLowerCase();
  return type === 'application/json' || type === 'application/x-amz-json-1.0' || type === 'application/x-amz-json-1.1' || /^application\/[^/\s]+\+json$/.test(type);
}

/**
 * A `content-type` finding when `body` is JSON that the SDKs read and its label says otherwise
 * or nothing; null when it is fine. A body that is not JSON is `invalid-json`'s, not this.
 */
export function contentTypeFinding(operation: string, side: Side, headers: Record<string, string>, body: Body): Finding | null {
  if (body.kind !== 'json') return null;
  const label = headers['content-type'];
  if (label !== undefined && isJsonMediaType(label)) return null;
  const what = side === 'request' ? 'the SDKs send' : 'AWS sends';
  const message =
    label === undefined
      ? `a JSON body without a Content-Type; ${what} application/json (the SDKs parse the body without looking at the label, other HTTP clients go by it)`
      : `Content-Type ${JSON.stringify(label)} on a JSON body; ${what} application/json (the SDKs parse the body without looking at the label, other HTTP clients go by it)`;
  return { operation, side, severity: 'warn', code: 'content-type', path: '/headers/content-type', message };
}
