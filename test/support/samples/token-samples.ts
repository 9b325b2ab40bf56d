/**
 * Made-up secrets of every kind the scanner knows besides AWS keys (secret-samples.ts has
 * those): private keys, JWTs, GitHub, GitLab, Slack, Stripe, Google, npm, SendGrid and
 * OpenAI-style tokens, webhook URLs, passwords in URLs. Generated from a seed at run time,
 * so no secret-shaped literal sits in the source (and no push protection trips over one);
 * valid nowhere.
 */
import type { TokenKind } from '../../../cassettes/redact/secret-patterns.js';
import { pick, randomInt, randomString, type Rng } from './secret-samples.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64 = `${ALNUM}+/`;
const BASE64URL = `${ALNUM}-_`;
const HEX = '0123456789abcdef';

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** A PEM private key block of a random flavour, lines of 64, with its END line. */
export function randomPrivateKey(rng: Rng): string {
  const label = pick(rng, ['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'DSA PRIVATE KEY']);
  const body = randomString(rng, BASE64, 256 + randomInt(rng, 1200));
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** header.payload.signature with a JSON header and payload, HS256 or none. */
export function randomJwt(rng: Rng): string {
  const alg = pick(rng, ['HS256', 'RS256', 'ES256', 'none']);
  const header = base64url(JSON.stringify({ alg, typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ sub: randomString(rng, ALNUM, 12), iat: 1_700_000_000 + randomInt(rng, 1e8), scope: 'read write' }));
  const signature = alg === 'none' ? '' : randomString(rng, BASE64URL, 43 + randomInt(rng, 300));
  return `${header}.${payload}.${signature}`;
}

export const TOKEN_MAKERS: Record<TokenKind, (rng: Rng) => string> = {
  'private-key': randomPrivateKey,
  jwt: randomJwt,
  'github-token': (rng) =>
    rng() < 0.5
      ? `${pick(rng, ['ghp', 'gho', 'ghu', 'ghs', 'ghr'])}_${randomString(rng, ALNUM, 36)}`
      : `github_pat_${randomString(rng, ALNUM, 22)}_${randomString(rng, ALNUM, 59)}`,
  'gitlab-token': (rng) => `glpat-${randomString(rng, `${ALNUM}_-`, 20)}`,
  'slack-token': (rng) =>
    `${pick(rng, ['xoxb', 'xoxp', 'xoxa', 'xoxs'])}-${randomString(rng, '0123456789', 12)}-${randomString(rng, '0123456789', 13)}-${randomString(rng, ALNUM, 24)}`,
  'slack-webhook': (rng) =>
    `https://hooks.slack.com/services/T${randomString(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}/B${randomString(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}/${randomString(rng, ALNUM, 24)}`,
  'discord-webhook': (rng) => `https://discord.com/api/webhooks/${randomString(rng, '0123456789', 18)}/${randomString(rng, BASE64URL, 68)}`,
  'stripe-key': (rng) => `${pick(rng, ['sk', 'rk'])}_${pick(rng, ['live', 'test'])}_${randomString(rng, ALNUM, 24 + randomInt(rng, 76))}`,
  'google-api-key': (rng) => `AIza${randomString(rng, BASE64URL, 35)}`,
  'npm-token': (rng) => `npm_${randomString(rng, ALNUM, 36)}`,
  'sendgrid-key': (rng) => `SG.${randomString(rng, BASE64URL, 22)}.${randomString(rng, BASE64URL, 43)}`,
  'openai-key': (rng) => `sk-${pick(rng, ['', 'proj-', 'ant-api03-'])}${randomString(rng, ALNUM, 48)}`,
  'url-credentials': (rng) =>
    `${pick(rng, ['postgres', 'https', 'mysql', 'amqp'])}://${randomString(rng, 'abcdefghij', 6)}:${randomString(rng, ALNUM, 16)}@db.example.internal:5432/app`,
  signature: (rng) => (rng() < 0.5 ? `X-Amz-Signature=${randomString(rng, HEX, 64)}` : `Signature=${encodeURIComponent(randomString(rng, BASE64, 27))}%3D`),
  'credential-parameter': (rng) => `${pick(rng, ['access_token', 'client_secret', 'password', 'api_key'])}=${randomString(rng, ALNUM, 20)}`,
};

/**
 * The secret part of a sample, as a test searches for it in a cassette or a log: for the
 * `name=value` kinds the value (the name is no secret), for a URL with a password the
 * password, for a private key its base64 body's first line (a BEGIN line is public text).
 */
export function secretPartOf(kind: TokenKind, sample: string): string {
  switch (kind) {
    case 'signature':
    case 'credential-parameter':
      return sample.slice(sample.indexOf('=') + 1);
    case 'url-credentials':
      return sample.slice(sample.indexOf(':', sample.indexOf('://') + 3) + 1, sample.indexOf('@'));
    case 'private-key':
      return sample.split('\n')[1] as string;
    default:
      return sample;
  }
}
