/**
 * Credentials inside text, found by the protocol name in front of them: a presigned URL in
 * a `Location` header or a JSON string (`…&X-Amz-Signature=…`), the canonical request AWS
 * echoes in a SignatureDoesNotMatch message (`x-amz-security-token:…`,
 * `X-Amz-Credential=AKIA…%2F20250101…`), an OAuth redirect (`#access_token=…`). The value
 * after the name is replaced by the placeholder and the rest of the text stays, so an
 * upstream error that quotes the request is still recorded, minus the secret.
 *
 * Only names that are credentials by protocol are rewritten here; a value that merely looks
 * secret is the scanner's business (secret-patterns.ts). For the credential parameters only
 * the access key id is replaced (`<redacted>/20250101/us-east-1/apigateway/aws4_request`):
 * the scope is useful for debugging and secret to no one.
 */
import { isUtf8 } from 'node:buffer';
import type { Body } from '../../core/exchange.js';
import { REDACTED } from '../../core/sensitive.js';

/** The placeholder as XML text: an XML parser reads it back as `<redacted>`. */
export const REDACTED_XML = REDACTED.replace(/</g, '&lt;').replace(/>/g, '&gt;');

const ASSIGNED_NAMES = [
  'x-amz-signature',
  'x-amz-security-token',
  'signature',
  'access_token',
  'id_token',
  'refresh_token',
  'client_secret',
  'api_key',
  'apikey',
  'password',
  'passwd',
  'awsaccesskeyid',
  'sig',
];
const HEADER_NAMES = ['x-amz-security-token', 'authorization', 'proxy-authorization', 'x-api-key', 'x-authorization', 'cookie', 'set-cookie'];
/** XML elements of AWS error bodies (S3's SignatureDoesNotMatch) and credential documents. */
const ELEMENT_NAMES = ['awsaccesskeyid', 'accesskeyid', 'signatureprovided', 'secretaccesskey', 'sessiontoken', 'securitytoken', 'x-amz-security-token', 'password'];

/**
 * One pass over the text, three forms (the first that matches at a place wins):
 * - `name: value` header lines (a canonical request, a dumped header set): to the line end;
 * - the access key id in `X-Amz-Credential=AKIA…/…` or `Credential=AKIA…/…`;
 * - `name=value` (URLs, forms, cookies): to the next separator;
 * - `<Name>value</Name>` (XML error bodies: `<AWSAccessKeyId>`, `<SignatureProvided>`): to the next `<`.
 * Runs are bounded: V8 keeps a backtrack entry per character of a greedy run, and an
 * unbounded one overflows on a multi-megabyte value. A value that fills its bound is
 * followed to its end by hand (see `valueEnd`).
 */
const BOUND = 8192;
const PAIRS = new RegExp(
  `(?<![A-Za-z0-9_-])(?:(${HEADER_NAMES.join('|')})(:[ \\t]{0,16})([^\\r\\n"\\\\]{1,${BOUND}})` +
    `|((?:x-amz-)?credential)(=)([A-Za-z0-9]{1,${BOUND}})` +
    `|(${ASSIGNED_NAMES.join('|')})(=)([^\\s&#"'<>\\\\;,]{1,${BOUND}})` +
    `|<(${ELEMENT_NAMES.join('|')})(>)([^<]{1,${BOUND}}))`,
  'gi',
);

/** What each form's value may hold, character by character (the regex classes above). */
const VALUE_CHAR: readonly RegExp[] = [/[^\r\n"\\]/, /[A-Za-z0-9]/, /[^\s&#"'<>\\;,]/, /[^<]/];

/** A cheap first look: no pattern can match text that names none of these. */
const MAY_HOLD = /signature|token|credential|secret|api[-_]?key|passw|authoriz|cookie|sig=|accesskeyid/i;

/** Where a value that filled the regex's bound really ends. */
function valueEnd(text: string, end: number, form: number): number {
  const allowed = VALUE_CHAR[form] as RegExp;
  let at = end;
  while (at < text.length && allowed.test(text.charAt(at))) at++;
  return at;
}

/** `text` with every credential named by protocol replaced; the same string when there is none. */
export function redactCredentialPairs(text: string): string {
  if (text.length < 6 || !MAY_HOLD.test(text)) return text;
  PAIRS.lastIndex = 0;
  let out = '';
  let copied = 0;
  for (let match = PAIRS.exec(text); match !== null; match = PAIRS.exec(text)) {
    const form = match[1] !== undefined ? 0 : match[4] !== undefined ? 1 : match[7] !== undefined ? 2 : 3;
    const [name, separator, value] = [match[form * 3 + 1], match[form * 3 + 2], match[form * 3 + 3]] as [string, string, string];
    let end = match.index + match[0].length;
    if (value.length === BOUND) PAIRS.lastIndex = end = valueEnd(text, end, form);
    if (value.startsWith(REDACTED) || value.startsWith(REDACTED_XML)) continue;
    // Inside XML the placeholder is escaped, so the document stays well-formed for the SDKs that parse it on replay.
    const [open, placeholder] = form === 3 ? ['<', REDACTED_XML] : ['', REDACTED];
    out += text.slice(copied, match.index) + open + name + separator + placeholder;
    copied = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** From this size on a byte body is looked at in windows before it is decoded whole. */
const LOOK_FIRST_BYTES = 64 * 1024;
const LOOK_WINDOW_BYTES = 64 * 1024;
/** Longer than anything MAY_HOLD matches, so each of its matches lies whole in some window. */
const LOOK_OVERLAP_BYTES = 32;

/**
 * False when the text of `bytes` certainly needs no redaction: it is not UTF-8 without NUL
 * (then it is not decoded at all), or it names no credential anywhere. The names are ASCII
 * and read the same in latin1, window by window, so a large body without one (an S3 object,
 * a log file) is never decoded into a string as large as itself.
 */
function mayNeedRedaction(bytes: Buffer): boolean {
  if (bytes.includes(0) || !isUtf8(bytes)) return false;
  for (let at = 0; ; at += LOOK_WINDOW_BYTES - LOOK_OVERLAP_BYTES) {
    if (MAY_HOLD.test(bytes.toString('latin1', at, at + LOOK_WINDOW_BYTES))) return true;
    if (at + LOOK_WINDOW_BYTES >= bytes.length) return false;
  }
}

function redactJsonStrings(value: unknown): unknown {
  if (typeof value === 'string') return redactCredentialPairs(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const list = value as unknown[];
    let out: unknown[] | undefined;
    for (let i = 0; i < list.length; i++) {
      const redacted = redactJsonStrings(list[i]);
      if (redacted !== list[i]) (out ??= [...list])[i] = redacted;
    }
    return out ?? value;
  }
  // Copied only on the first change: most bodies hold no credential and cost one walk.
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key in record) {
    const member = record[key];
    const redacted = redactJsonStrings(member);
    if (redacted === member) continue;
    // defineProperty keeps even a `__proto__` member a member.
    out ??= copyOf(record);
    Object.defineProperty(out, key, { value: redacted, enumerable: true, writable: true, configurable: true });
  }
  return out ?? value;
}

function copyOf(record: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key in record) Object.defineProperty(copy, key, { value: record[key], enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * `body` with named credentials rewritten in every JSON string, or in the text of a byte
 * body that is UTF-8 text. Bytes that are not (still compressed, UTF-16, binary) are left
 * for the scanner, which refuses the exchange if they hold a secret.
 */
export function redactBodyPairs(body: Body): Body {
  if (body.kind === 'json') {
    const value = redactJsonStrings(body.value);
    if (value === body.value) return body;
    // `raw` still holds the credential; the redacted value is written instead.
    return { kind: 'json', value, ...(body.encoding ? { encoding: body.encoding } : {}) };
  }
  if (body.kind === 'bytes' && body.bytes.length > 0) {
    if (body.bytes.length >= LOOK_FIRST_BYTES && !mayNeedRedaction(Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength))) return body;
    let text: string;
    try {
      text = utf8.decode(body.bytes);
    } catch {
      return body;
    }
    if (text.includes('\u0000')) return body;
    const redacted = redactCredentialPairs(text);
    if (redacted === text) return body;
    return { kind: 'bytes', bytes: Buffer.from(redacted, 'utf8'), ...(body.encoding ? { encoding: body.encoding } : {}) };
  }
  return body;
}
