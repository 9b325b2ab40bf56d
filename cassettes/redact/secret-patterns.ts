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

import { ArnTracker, eachRun, nameBefore } from './base64-runs.js';

export type SecretKind = 'access-key-id' | 'secret-access-key' | 'session-token' | TokenKind;

// Every pattern here is bounded (no `+`, `*` or `{n,}` over text): runs of unbounded length
// are found by base64-runs.ts, which never backtracks, so scanning is linear in the text.
const ACCESS_KEY_ID = /(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/;
/** A token prefix and 20 more token characters: `{20}`, not `{20,}`, is the same test. */
const SESSION_TOKEN_START = /(?:FwoGZXIvYXdz|IQoJb3JpZ2lu|AQoDYXdz|AQoEXAMPLE)[A-Za-z0-9/+=]{20}/;
/** Runs this long are session-token-like (under a token-ish name) and always masked. */
const LONG_RUN = 100;
/** Secret access keys: a run of exactly this many characters, not followed by `=`. */
const SECRET_KEY_LENGTH = 40;

const SECRET_NAME = /secret|passw|token|credential|private.?key|access.?key/i;
const TOKEN_NAME = /token/i;
const PAGINATION_NAME = /next.?token|page.?token|pagination|continuation/i;
/** An access key id, then a short separator (`:`, `, `, ` / `, a newline…), right before a value. */
const KEY_ID_BEFORE_VALUE = /(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}[\s:,;|="'/\\]{1,16}$/;

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

/** A key id right before `index` (within 40 characters), then only separators. */
function keyIdBefore(text: string, index: number): boolean {
  return KEY_ID_BEFORE_VALUE.test(text.slice(Math.max(0, index - 40), index));
}

function scanText(text: string, name: string | undefined, kinds: Set<SecretKind>): void {
  if (ACCESS_KEY_ID.test(text)) kinds.add('access-key-id');
  if (SESSION_TOKEN_START.test(text)) kinds.add('session-token');
  const secretName = name !== undefined && isSecretName(name);
  if (text.length >= LONG_RUN && !kinds.has('session-token')) {
    const tokenName = name !== undefined && isTokenName(name);
    eachRun(text, LONG_RUN, (start) => {
      const context = tokenName ? undefined : nameBefore(text, start);
      if (!tokenName && (context === undefined || !isTokenName(context))) return false;
      kinds.add('session-token');
      return true;
    });
  }
  if (text.length < SECRET_KEY_LENGTH || kinds.has('secret-access-key')) return;
  // Part of an ARN is never a secret; asked last, of candidates only, in text order.
  const arn = new ArnTracker(text);
  eachRun(text, SECRET_KEY_LENGTH, (start, end) => {
    // Exactly 40, and no `=` after it (that would be the padding of longer base64).
    if (end - start !== SECRET_KEY_LENGTH || text.charCodeAt(end) === 0x3d) return false;
    if (!hasBothCases(text.slice(start, end))) return false;
    const context = secretName ? undefined : nameBefore(text, start);
    if (!secretName && !(context !== undefined && isSecretName(context)) && !keyIdBefore(text, start)) return false;
    if (arn.inside(start)) return false;
    kinds.add('secret-access-key');
    return true;
  });
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
  addTokenKinds(text, kinds);
  const decoded = percentDecoded(text);
  if (decoded !== undefined) {
    scanText(decoded, name, kinds);
    addTokenKinds(decoded, kinds);
  }
  return kinds;
}

/** Key ids and prefixed session tokens inside a run shorter than LONG_RUN (so bounded). */
const SHAPES_IN_SHORT_RUN = /(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}|(?:FwoGZXIvYXdz|IQoJb3JpZ2lu|AQoDYXdz|AQoEXAMPLE)[A-Za-z0-9/+=]{20,}/g;

/**
 * Every credential shape masked, context or not: runs of LONG_RUN or more (with up to two
 * `=` of padding after them), runs of exactly 40, and key ids and prefixed tokens inside
 * shorter runs. Each run is cut out by base64-runs.ts; a regex only ever sees one short run.
 */
function maskShapes(text: string, replacement: string): string {
  let out = '';
  let copied = 0;
  eachRun(text, 16, (start, end) => {
    const length = end - start;
    let masked: string | null = null;
    let stop = end;
    if (length >= LONG_RUN) {
      while (stop < text.length && stop < end + 2 && text.charCodeAt(stop) === 0x3d) stop++;
      masked = replacement;
    } else if (length === SECRET_KEY_LENGTH) {
      masked = replacement;
    } else {
      const run = text.slice(start, end);
      const replaced = run.replace(SHAPES_IN_SHORT_RUN, replacement);
      if (replaced !== run) masked = replaced;
    }
    if (masked !== null) {
      out += text.slice(copied, start) + masked;
      copied = stop;
    }
    return false;
  });
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * `text` with everything credential-shaped replaced by `replacement`, context or not (a
 * bare 40-character run counts here): for labels and pointers shown to people. Text that
 * holds a percent-encoded secret is shown decoded, then masked.
 */
export function maskSecretShapes(text: string, replacement: string): string {
  const decoded = percentDecoded(text);
  const source = decoded !== undefined && maskAll(decoded, '') !== decoded ? decoded : text;
  return maskAll(source, replacement);
}

function maskAll(text: string, replacement: string): string {
  let out = maskShapes(text, replacement);
  for (const regex of tokenMasks()) out = out.replace(regex, replacement);
  return out;
}

/*
 * Credentials of other services and other shapes of secret, each distinctive on its own:
 * a hit anywhere, name or no name. Each pattern starts at a literal or a boundary (a
 * lookbehind), and every run is bounded: V8 keeps one backtrack entry per character of a
 * greedy run, so an unbounded run over a 5 MB base64 body overflows its stack. A token
 * longer than a bound is still found (its first part matches); masking then hides that
 * first part.
 */

export type TokenKind =
  | 'private-key'
  | 'jwt'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'discord-webhook'
  | 'stripe-key'
  | 'google-api-key'
  | 'npm-token'
  | 'sendgrid-key'
  | 'openai-key'
  | 'url-credentials'
  | 'signature'
  | 'credential-parameter';

export interface TokenPattern {
  kind: TokenKind;
  /** How a refusal names it: "what looks like <text>". */
  text: string;
  regex: RegExp;
  /** What masking removes, when more than the match (a private key's whole block). */
  mask?: RegExp;
}

export const TOKEN_PATTERNS: readonly TokenPattern[] = Object.freeze([
  // PKCS#1/#8, EC, DSA, OpenSSH, encrypted PKCS#8 and PGP private keys; PuTTY key files.
  {
    kind: 'private-key',
    text: 'a private key',
    regex: /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|PuTTY-User-Key-File-[0-9]{1,4}:/,
    // The block up to its END line (base64 and headers hold no dash), or the PuTTY header line.
    mask: /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----[^-]{0,65536}(?:-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----)?|PuTTY-User-Key-File-[0-9]{1,4}:[^\r\n]{0,256}/,
  },
  // header.payload.signature, base64url; the header is JSON (`{"` is `eyJ`). The signature may be empty (alg none).
  { kind: 'jwt', text: 'a JSON Web Token', regex: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,16384}\.[A-Za-z0-9_-]{2,16384}\.[A-Za-z0-9_-]{0,16384}/ },
  { kind: 'github-token', text: 'a GitHub token', regex: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{30,255})/ },
  { kind: 'gitlab-token', text: 'a GitLab token', regex: /(?<![A-Za-z0-9_-])gl(?:pat|dt|rt|ptt)-[A-Za-z0-9_-]{20,256}/ },
  { kind: 'slack-token', text: 'a Slack token', regex: /(?<![A-Za-z0-9_-])(?:xox[abposre]|xapp)-[A-Za-z0-9-]{10,512}/ },
  { kind: 'slack-webhook', text: 'a Slack webhook URL', regex: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{10,512}/i },
  { kind: 'discord-webhook', text: 'a Discord webhook URL', regex: /discord(?:app)?\.com\/api\/webhooks\/[0-9]{5,32}\/[A-Za-z0-9_-]{20,512}/i },
  { kind: 'stripe-key', text: 'a Stripe key', regex: /(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,512}/ },
  { kind: 'google-api-key', text: 'a Google API key', regex: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}/ },
  { kind: 'npm-token', text: 'an npm token', regex: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}/ },
  { kind: 'sendgrid-key', text: 'a SendGrid key', regex: /(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/ },
  { kind: 'openai-key', text: 'an OpenAI or Anthropic key', regex: /(?<![A-Za-z0-9_-])sk-(?:proj-|ant-[a-z0-9]{2,8}-)?[A-Za-z0-9_-]{32,512}/ },
  // scheme://user:password@host, found from its `://` (a literal V8 searches for fast).
  { kind: 'url-credentials', text: 'a password in a URL', regex: /:\/\/[^\s/?#@:"'<>\\]{1,256}:[^\s/?#@"'<>\\]{1,256}@/ },
  // A SigV4 signature (64 hex) or a SigV2 one (base64 of 20 or 32 bytes, maybe percent-encoded) after its name.
  { kind: 'signature', text: 'a request signature', regex: /(?<![A-Za-z0-9_-])(?:x-amz-signature|signature)=(?:[a-f0-9]{64}|[A-Za-z0-9+/%]{27,1024}={0,2})/i },
  // OAuth tokens and passwords as URL or form parameters.
  {
    kind: 'credential-parameter',
    text: 'a credential parameter',
    regex: /(?<![A-Za-z0-9_-])(?:access_token|id_token|refresh_token|client_secret|api_key|apikey|password|passwd)=[^\s&#"'<>\\;,]{6,4096}/i,
  },
]);

const TOKEN_TEXT: ReadonlyMap<SecretKind, string> = new Map(TOKEN_PATTERNS.map((pattern) => [pattern.kind, pattern.text]));

/** How a refusal names a token kind (`a JSON Web Token`); undefined for the AWS kinds. */
export function tokenKindText(kind: SecretKind): string | undefined {
  return TOKEN_TEXT.get(kind);
}

let masks: RegExp[] | undefined;

/** The token patterns as global regexes for `replace`, built on first use. */
function tokenMasks(): RegExp[] {
  masks ??= TOKEN_PATTERNS.map((pattern) => {
    const regex = pattern.mask ?? pattern.regex;
    return new RegExp(regex.source, `${regex.flags}g`);
  });
  return masks;
}

/** Adds the kind of every token pattern found in `text`. */
function addTokenKinds(text: string, kinds: Set<SecretKind>): void {
  for (const pattern of TOKEN_PATTERNS) if (pattern.regex.test(text)) kinds.add(pattern.kind);
}
