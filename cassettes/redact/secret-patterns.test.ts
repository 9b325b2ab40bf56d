/**
 * The token patterns one by one: each finds its own kind in every setting a value travels
 * in (bare, inside prose, JSON-escaped, percent-encoded), masking removes the secret part,
 * and the look-alikes that real API Gateway traffic is full of are left alone.
 */
import { describe, expect, it } from 'vitest';
import { maskSecretShapes, secretKindsIn, TOKEN_PATTERNS, tokenKindText, type TokenKind } from './secret-patterns.js';
import { createRng, randomString } from '../../test/support/samples/secret-samples.js';
import { secretPartOf, TOKEN_MAKERS } from '../../test/support/samples/token-samples.js';

const KINDS = Object.keys(TOKEN_MAKERS) as TokenKind[];
const SAMPLES_PER_KIND = 100;

describe('token patterns', () => {
  it('cover every kind the samples make, each with a text for refusals', () => {
    expect(TOKEN_PATTERNS.map((pattern) => pattern.kind).sort()).toEqual([...KINDS].sort());
    for (const kind of KINDS) expect(tokenKindText(kind)).toMatch(/^an? /);
  });

  it.each(KINDS)('%s: found bare, in prose, JSON-escaped and percent-encoded; masking removes it', (kind) => {
    const rng = createRng(kind.length * 7919);
    for (let i = 0; i < SAMPLES_PER_KIND; i++) {
      const sample = TOKEN_MAKERS[kind](rng);
      const label = `${kind} #${i}: ${sample.slice(0, 40)}`;
      const settings = [sample, `see ${sample} for details`, JSON.stringify({ note: sample }), `redirect=${encodeURIComponent(`prefix ${sample}`)}`];
      for (const text of settings) expect([...secretKindsIn(text)], label).toContain(kind);
      expect(maskSecretShapes(`see ${sample} here`, '<hidden>'), label).not.toContain(secretPartOf(kind, sample));
    }
  });

  it('leave the look-alikes alone', () => {
    const rng = createRng(42);
    const harmless = [
      // A v2 pagination token is base64 JSON, one segment: no JWT.
      `eyJ${randomString(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 120)}`,
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      '-----BEGIN PUBLIC KEY-----',
      'ghp_short and github_pat_x',
      'xoxb-1 is not a token',
      'sk_live_ is cut short',
      'a task-list-item-with-many-words-in-its-identifier-yes',
      'https://example.com/path?x=1',
      'arn:aws:iam::123456789012:role/service-role/apigateway-logs',
      'Signature=abc; password=x',
      'hooks.slack.com/services/',
      'integration.response.header.Authorization',
      'method.request.header.X-Api-Key',
      "$input.params('access_token')",
    ];
    for (const text of harmless) expect([...secretKindsIn(text)], text).toEqual([]);
  });

  // The AWS patterns' own behaviour on huge input is another test's (secret-scan); these are the token patterns'.
  it('stay linear on 5.5 MB of adversarial text', () => {
    const size = 5.5 * 1024 * 1024;
    const units = ['eyJ', 'a://b:c', '-----BEGIN ', '-----BEGIN RSA PRIVATE KEY-----', 'xoxb-', 'Signature=', '!eyJabcdefghijkl.', 'ghp_', 'sk-'];
    const inputs = units.map((unit) => unit.repeat(Math.ceil(size / unit.length)));
    inputs.push(`!eyJ${'a'.repeat(size)}`, `x://${'a'.repeat(size)}`);
    const start = performance.now();
    for (const text of inputs) {
      for (const pattern of TOKEN_PATTERNS) {
        pattern.regex.test(text);
        text.replace(new RegExp((pattern.mask ?? pattern.regex).source, `${pattern.regex.flags}g`), '');
      }
    }
    // Generous for a loaded CI machine; a quadratic pattern would take hours here.
    expect(performance.now() - start).toBeLessThan(30_000);
  });
});
