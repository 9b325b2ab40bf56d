/**
 * What AWS credentials look like in text, and when a lookalike counts.
 *
 * - Access key ids (`AKIA` long-term, `ASIA` temporary, `ABIA` bearer, `ACCA`
 *   context-specific, then 16 upper-case letters or digits) are distinctive: any one,
 *   anywhere, is a hit.
 * - Session tokens are long base64 with a recognisable start (`FwoGZXIvYXdz`,
 *   `IQoJb3JpZ2lu`, `AQoDYXdz`, `AQoEXAMPLE`): a hit anywhere. Any run of 100+ base64
 *   characters is a hit too when it sits under a token-ish name (field, header, `name=`).
 * - Secret access keys are 40 characters of `[A-Za-z0-9/+]`, which plenty of harmless
 *   data is too. A run of exactly 40 (with both cases of letters, not inside an ARN) is a
 *   hit only when its field or header name says secret (`secret`, `password`, `token`,
 *   `credential`, `accessKey`…), when the text just before it is such a name with `=` or
 *   `:` (`aws_secret_access_key=…`, `"SecretAccessKey": "…"`), or when it follows an access
 *   key id (`AKIA…:…`). A bare 40-character key with no such context is not recognised.
 * - Pagination tokens (`nextToken`, `position`-like names) are not secrets.
 *
 * AWS's documented example keys (`AKIA…EXAMPLE`, `wJalr…EXAMPLEKEY`)
 * are hits like any other: a cassette should never hold anything key-shaped, and an
 * allow-list would let a real key through by looking like an example.
 */

export type SecretKind = 'access-key-id' | 'secret-access-key' | 'session-token';

const ACCESS_KEY_ID = /(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/;
const SESSION_TOKEN_START = /(?:FwoGZXIvYXdz|IQoJb3JpZ2lu|AQoDYXdz|AQoEXAMPLE)[A-Za-z0-9/+=]{20,}/;
/** A run of exactly 40 secret-key characters (an `=` after it means longer base64). */
const SECRET_KEY_SHAPE = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const LONG_BASE64 = /[A-Za-z0-9/+]{100,}={0,2}/g;

const SECRET_NAME = /secret|passw|token|credential|private.?key|access.?key/i;
const TOKEN_NAME = /token/i;
const PAGINATION_NAME = /next.?token|page.?token|pagination|continuation/i;
/** `name=`, `name: `, `"name": "`, `\"name\":\"` right before a value (in a 80-char window). */
const NAME_BEFORE_VALUE = /([A-Za-z0-9_.-]+)[\\"']*\s*[:=]\s*[\\"']*$/;
/** An access key id, then a short separator (`:`, `, `, ` / `, a newline…), right before a value. */
const KEY_ID_BEFORE_VALUE = /(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}[\s:,;|="'/\\]{1,16}$/;
/** Where the token holding a match starts: after whitespace, quotes or brackets. */
const TOKEN_BREAK = /[\s"'`,;()[\]{}<>]/;
const ARN_START = /arn(?::|%3A)/i;

/** A field, header or parameter name that says its value is a credential. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !PAGINATION_NAME.test(name);
}

function isTokenName(name: string): boolean {
  return TOKEN_NAME.test(name) && !PAGINATION_NAME.test(name);
}

function hasBothCases(text: string): boolean {
  return /[A-Z]/.test(text) && /[a-z]/.test(text);
}

/** The name in a `name=value` / `"name": "value"` context ending at `index`, if any. */
function nameBefore(text: string, index: number): string | undefined {
  return NAME_BEFORE_VALUE.exec(text.slice(Math.max(0, index - 80), index))?.[1];
}

/** True when the match at `index` is part of an ARN (`arn:aws:iam::…:role/…`): never a secret. */
function insideArn(text: string, index: number): boolean {
  // ARNs run to 2048 characters at most; the cap keeps long unbroken text linear.
  const limit = Math.max(0, index - 2048);
  let start = index;
  while (start > limit && !TOKEN_BREAK.test(text.charAt(start - 1))) start--;
  return ARN_START.test(text.slice(start, index));
}

function scanText(text: string, name: string | undefined, kinds: Set<SecretKind>): void {
  if (ACCESS_KEY_ID.test(text)) kinds.add('access-key-id');
  if (SESSION_TOKEN_START.test(text)) kinds.add('session-token');
  const secretName = name !== undefined && isSecretName(name);
  if (text.length >= 100) {
    const tokenName = name !== undefined && isTokenName(name);
    for (const match of text.matchAll(LONG_BASE64)) {
      const context = tokenName ? undefined : nameBefore(text, match.index);
      if (tokenName || (context !== undefined && isTokenName(context))) {
        kinds.add('session-token');
        break;
      }
    }
  }
  if (text.length < 40 || kinds.has('secret-access-key')) return;
  for (const match of text.matchAll(SECRET_KEY_SHAPE)) {
    if (!hasBothCases(match[0]) || insideArn(text, match.index)) continue;
    const context = nameBefore(text, match.index);
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    if (secretName || (context !== undefined && isSecretName(context)) || KEY_ID_BEFORE_VALUE.test(before)) {
      kinds.add('secret-access-key');
      return;
    }
  }
}

function percentDecoded(text: string): string | undefined {
  if (!text.includes('%')) return undefined;
  try {
    const decoded = decodeURIComponent(text);
    return decoded === text ? undefined : decoded;
  } catch {
    return undefined;
  }
}

/**
 * The kinds of credential that `text` holds, judged with `name` (the field, header or
 * parameter it is the value of, if any). Percent-encoded text is looked at decoded too.
 */
export function secretKindsIn(text: string, name?: string): Set<SecretKind> {
  const kinds = new Set<SecretKind>();
  if (text.length < 20) return kinds;
  scanText(text, name, kinds);
  const decoded = percentDecoded(text);
  if (decoded !== undefined) scanText(decoded, name, kinds);
  return kinds;
}

const ANY_SECRET_SHAPE = new RegExp(
  [
    `(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}`,
    SESSION_TOKEN_START.source,
    `[A-Za-z0-9/+]{100,}={0,2}`,
    `(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])`,
  ].join('|'),
  'g',
);

/**
 * `text` with everything credential-shaped replaced by `replacement`, context or not (a
 * bare 40-character run counts here): for labels and pointers shown to people. Text that
 * holds a percent-encoded secret is shown decoded, then masked.
 */
export function maskSecretShapes(text: string, replacement: string): string {
  const decoded = percentDecoded(text);
  const source = decoded !== undefined && decoded.replace(ANY_SECRET_SHAPE, '') !== decoded ? decoded : text;
  return source.replace(ANY_SECRET_SHAPE, replacement);
}
