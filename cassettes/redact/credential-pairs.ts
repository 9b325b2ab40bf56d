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
import type { Body } from '../../core/exchange.js';
import { REDACTED } from '../../core/sensitive.js';

/** `name=value` (URLs, forms, cookies): the value runs to the next separator. */
const ASSIGNED = new RegExp(
  '(?<![A-Za-z0-9_-])(' +
    [
      'x-amz-signature', 'x-amz-security-token', 'signature', 'access_token', 'id_token', 'refresh_token',
      'client_secret', 'api_key', 'apikey', 'password', 'passwd', 'awsaccesskeyid', 'sig',
    ].join('|') +
    ')(=)([^\\s&#"\'<>\\\\;,]+)',
  'gi',
);

/** The access key id in `X-Amz-Credential=AKIA…/…` or `Credential=AKIA…/…` (an Authorization header). */
const CREDENTIAL_SCOPE = /(?<![A-Za-z0-9_-])((?:x-amz-)?credential)(=)([A-Za-z0-9]+)/gi;

/** `name: value` header lines (a canonical request, a dumped header set): the value runs to the line end. */
const HEADER_LINE = /(?<![A-Za-z0-9_-])(x-amz-security-token|authorization|proxy-authorization|x-api-key|x-authorization|cookie|set-cookie)(:[ \t]*)([^\r\n"\\]+)/gi;

const PATTERNS: readonly RegExp[] = [HEADER_LINE, ASSIGNED, CREDENTIAL_SCOPE];

/** A cheap first look: every pattern needs one of these characters right after a name. */
const MAY_HOLD = /[=:]/;

/** `text` with every credential named by protocol replaced; the same string when there is none. */
export function redactCredentialPairs(text: string): string {
  if (text.length < 6 || !MAY_HOLD.test(text)) return text;
  let out = text;
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (match: string, name: string, separator: string, value: string) =>
      value === REDACTED || value.startsWith(REDACTED) ? match : `${name}${separator}${REDACTED}`,
    );
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function redactJsonStrings(value: unknown): unknown {
  if (typeof value === 'string') return redactCredentialPairs(value);
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((element: unknown) => {
      const redacted = redactJsonStrings(element);
      if (redacted !== element) changed = true;
      return redacted;
    });
    return changed ? out : value;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const entries = Object.entries(value as Record<string, unknown>).map(([key, member]): [string, unknown] => {
      const redacted = redactJsonStrings(member);
      if (redacted !== member) changed = true;
      return [key, redacted];
    });
    return changed ? Object.fromEntries(entries) : value;
  }
  return value;
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
