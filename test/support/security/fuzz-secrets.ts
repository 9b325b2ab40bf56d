/**
 * The secrets the fuzz plants, in two families:
 * - shaped: recognisable on their own (AWS key ids and session tokens, a secret access key
 *   after its name, private keys, JWTs, GitHub/Slack/… tokens, webhook URLs, URL
 *   passwords): wherever they land outside a known credential place, the exchange must be
 *   refused;
 * - unshaped: random text with no telling form (an API key value, a password): safe only
 *   because the place it travels in is known (a credential header or parameter, a
 *   contract-sensitive member, a credential named in text), where it must be redacted.
 * And the encodings a body may travel in, each of which hides ASCII from a plain byte search.
 */
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import type { TokenKind } from '../../../cassettes/redact/secret-patterns.js';
import { pick, randomAccessKeyId, randomInt, randomSecretAccessKey, randomSessionToken, randomString, type Rng } from '../samples/secret-samples.js';
import { secretPartOf, TOKEN_MAKERS } from '../samples/token-samples.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface Planted {
  /** What goes into the message. */
  text: string;
  /** What must never be found afterwards (the secret part of `text`). */
  secrets: string[];
  kind: string;
  /**
   * The text names its secret (`X-Amz-Signature=…`, `password=…`): where redaction can
   * rewrite text (headers, query values, JSON strings, UTF-8 bodies) the value is replaced
   * and the exchange recorded; elsewhere (a path, an encoded body) it is refused.
   */
  named?: boolean;
}

const AWS_MAKERS: Record<string, (rng: Rng) => Planted> = {
  'access-key-id': (rng) => {
    const id = randomAccessKeyId(rng);
    return { text: id, secrets: [id], kind: 'access-key-id' };
  },
  'session-token': (rng) => {
    const token = randomSessionToken(rng);
    return { text: token, secrets: [token], kind: 'session-token' };
  },
  'secret-access-key': (rng) => {
    const secret = randomSecretAccessKey(rng);
    return { text: `${pick(rng, ['aws_secret_access_key = ', 'SecretAccessKey: ', 'secret='])}${secret}`, secrets: [secret], kind: 'secret-access-key' };
  },
};

const SHAPED_KINDS = [...Object.keys(AWS_MAKERS), ...Object.keys(TOKEN_MAKERS)];

/** A shaped secret of the `index`-th kind (cycling, so every kind is planted evenly). */
export function shapedSecret(rng: Rng, index: number): Planted {
  const kind = SHAPED_KINDS[index % SHAPED_KINDS.length] as string;
  const aws = AWS_MAKERS[kind];
  if (aws !== undefined) return aws(rng);
  const text = TOKEN_MAKERS[kind as TokenKind](rng);
  const named = kind === 'signature' || kind === 'credential-parameter';
  return { text, secrets: [secretPartOf(kind as TokenKind, text)], kind, named };
}

export const SHAPED_KIND_COUNT = SHAPED_KINDS.length;

/** Random text with no telling form: 24 to 48 letters and digits. */
export function unshapedSecret(rng: Rng): string {
  return randomString(rng, ALNUM, 24 + randomInt(rng, 25));
}

export interface Encoded {
  body: Buffer;
  /** The `Content-Encoding` header to send, if any. */
  encoding?: string;
  name: string;
  /** tapegate undoes this one and stores the text: a named secret in it can be rewritten. */
  readable?: boolean;
}

/** `text` in one of the encodings that hid secrets from the old scanner. */
export function encodeHiding(rng: Rng, text: string): Encoded {
  const plain = Buffer.from(text, 'utf8');
  switch (randomInt(rng, 6)) {
    case 0:
      return { body: gzipSync(gzipSync(plain)), encoding: 'gzip, gzip', name: 'gzip, gzip' };
    case 1:
      return { body: deflateRawSync(plain), encoding: 'deflate', name: 'raw deflate' };
    case 2:
      return { body: brotliCompressSync(plain), encoding: 'br', name: 'br', readable: true };
    case 3:
      return { body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), name: 'UTF-16 LE with BOM' };
    case 4:
      return { body: Buffer.from(text, 'utf16le').swap16(), name: 'UTF-16 BE' };
    default:
      return { body: gzipSync(Buffer.from(text, 'utf16le')), encoding: 'gzip', name: 'UTF-16 LE in gzip' };
  }
}

/** Padding so compression really compresses (a tiny brotli stream keeps its bytes literal). */
export function padding(rng: Rng): string {
  return `${randomString(rng, 'abc ', 40)}${' lorem ipsum'.repeat(20)}`;
}
