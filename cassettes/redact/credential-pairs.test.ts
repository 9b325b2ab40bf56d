import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../core/sensitive.js';
import type { Body } from '../../core/exchange.js';
import { isCredentialHeader, isCredentialQueryName } from './credential-names.js';
import { redactBodyPairs, redactCredentialPairs } from './credential-pairs.js';
import { createRng, randomAccessKeyId, randomSessionToken, randomString } from '../../test/support/samples/secret-samples.js';

const rng = createRng(0x5ec2e7);
const hex = (n: number): string => randomString(rng, '0123456789abcdef', n);

describe('credential names', () => {
  it('headers: X-Api-Key, X-Authorization, anything named token, secret, password, api key, credential', () => {
    for (const name of [
      'x-api-key',
      'X-Api-Key',
      'x-authorization',
      'authorization',
      'proxy-authorization',
      'cookie',
      'x-amz-security-token',
      'x-my-token',
      'x-client-secret',
      'x-db-password',
      'apikey',
      'x-credential',
      'x-goog-api-key',
    ]) {
      expect(isCredentialHeader(name), name).toBe(true);
    }
    for (const name of ['content-type', 'x-amzn-requestid', 'x-amz-apigw-id', 'x-amzn-errortype', 'next-token', 'x-client-token', 'x-keyid', 'accept']) {
      expect(isCredentialHeader(name), name).toBe(false);
    }
  });

  it('query parameters: access_token, Signature, AWSAccessKeyId, password, key, …; never the pagination ones', () => {
    for (const name of [
      'access_token',
      'Signature',
      'X-Amz-Signature',
      'AWSAccessKeyId',
      'password',
      'key',
      'sig',
      'api_key',
      'client_secret',
      'X-Amz-Security-Token',
      'id_token',
    ]) {
      expect(isCredentialQueryName(name), name).toBe(true);
    }
    for (const name of ['nextToken', 'position', 'limit', 'includeValue', 'includeValues', 'keyId', 'tagKeys', 'mode', 'format', 'failonwarnings', 'clientToken']) {
      expect(isCredentialQueryName(name), name).toBe(false);
    }
  });
});

describe('credentials named inside text', () => {
  it('a presigned URL keeps everything but its signature, token and key id', () => {
    const [id, token, signature] = [randomAccessKeyId(rng), randomSessionToken(rng), hex(64)];
    const url =
      `https://bucket.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${id}%2F20250101%2Fus-east-1%2Fs3%2Faws4_request` +
      `&X-Amz-Security-Token=${encodeURIComponent(token)}&X-Amz-Signature=${signature}&X-Amz-SignedHeaders=host`;
    expect(redactCredentialPairs(url)).toBe(
      `https://bucket.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${REDACTED}%2F20250101%2Fus-east-1%2Fs3%2Faws4_request` +
        `&X-Amz-Security-Token=${REDACTED}&X-Amz-Signature=${REDACTED}&X-Amz-SignedHeaders=host`,
    );
  });

  it('the canonical request AWS echoes in a signature mismatch loses the token line and the Authorization line', () => {
    const [id, token] = [randomAccessKeyId(rng), randomSessionToken(rng)];
    const message =
      "The request signature we calculated does not match the signature you provided. The Canonical String for this request should have been\n'POST\n/restapis\n\n" +
      `host:apigateway.us-east-1.amazonaws.com\nx-amz-date:20250101T000000Z\nx-amz-security-token:${token}\n\nhost;x-amz-date;x-amz-security-token\n'\n` +
      `authorization: AWS4-HMAC-SHA256 Credential=${id}/20250101/us-east-1/apigateway/aws4_request, Signature=${hex(64)}`;
    const redacted = redactCredentialPairs(message);
    expect(redacted).toContain(`x-amz-security-token:${REDACTED}\n`);
    expect(redacted).toContain(`authorization: ${REDACTED}`);
    expect(redacted).not.toContain(token);
    expect(redacted).not.toContain(id);
    expect(redacted).toContain('host;x-amz-date;x-amz-security-token');
  });

  it('an S3-style XML error keeps its code and string to sign, not the key id or the signature', () => {
    const [id, signature] = [randomAccessKeyId(rng), hex(64)];
    const xml = `<Error><Code>SignatureDoesNotMatch</Code><AWSAccessKeyId>${id}</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256</StringToSign><SignatureProvided>${signature}</SignatureProvided></Error>`;
    const redacted = redactCredentialPairs(xml);
    expect(redacted).toBe(
      '<Error><Code>SignatureDoesNotMatch</Code><AWSAccessKeyId>&lt;redacted&gt;</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256</StringToSign><SignatureProvided>&lt;redacted&gt;</SignatureProvided></Error>',
    );
    expect(redactCredentialPairs(redacted)).toBe(redacted);
  });

  it('OAuth and SigV2 parameters, passwords in forms; idempotent; untouched text is the same string', () => {
    const secret = randomString(rng, 'abcdefghijklmnopqrstuvwxyz0123456789', 32);
    expect(redactCredentialPairs(`https://app.example/cb#access_token=${secret}&token_type=bearer`)).toBe(`https://app.example/cb#access_token=${REDACTED}&token_type=bearer`);
    expect(redactCredentialPairs(`?AWSAccessKeyId=AKIDEXAMPLE&Expires=1&Signature=${secret}%3D`)).toBe(`?AWSAccessKeyId=${REDACTED}&Expires=1&Signature=${REDACTED}`);
    expect(redactCredentialPairs(`user=ann&password=${secret}`)).toBe(`user=ann&password=${REDACTED}`);
    const once = redactCredentialPairs(`password=${secret} and x-api-key: ${secret}`);
    expect(redactCredentialPairs(once)).toBe(once);
    const plain = 'nothing to see: a=b, c=d';
    expect(redactCredentialPairs(plain)).toBe(plain);
  });

  it('follows a value past the regex bound and stays linear on megabytes', () => {
    const long = randomString(rng, 'abcdefghij', 20_000);
    expect(redactCredentialPairs(`password=${long}&next=1`)).toBe(`password=${REDACTED}&next=1`);
    const huge = `x-api-key: ${'a'.repeat(5.5 * 1024 * 1024)}\nok`;
    expect(redactCredentialPairs(huge)).toBe(`x-api-key: ${REDACTED}\nok`);
    const many = 'password='.repeat(600_000);
    expect(() => redactCredentialPairs(many)).not.toThrow();
  });

  it('bodies: JSON strings at any depth (the raw text dropped), UTF-8 text bytes; other bytes left to the scanner', () => {
    const secret = hex(40);
    const json: Body = { kind: 'json', value: { message: `see https://x/?access_token=${secret}`, nested: [{ a: 'fine' }] }, raw: '{ "kept": "formatting" }' };
    expect(redactBodyPairs(json)).toEqual({ kind: 'json', value: { message: `see https://x/?access_token=${REDACTED}`, nested: [{ a: 'fine' }] } });
    const clean: Body = { kind: 'json', value: { a: 'b' } };
    expect(redactBodyPairs(clean)).toBe(clean);
    const text: Body = { kind: 'bytes', bytes: Buffer.from(`<Error><Url>https://b/k?Signature=${secret}</Url></Error>`), encoding: 'gzip' };
    expect(Buffer.from((redactBodyPairs(text) as { bytes: Uint8Array }).bytes).toString()).toBe(`<Error><Url>https://b/k?Signature=${REDACTED}</Url></Error>`);
    expect(redactBodyPairs(text)).toMatchObject({ encoding: 'gzip' });
    const utf16: Body = { kind: 'bytes', bytes: Buffer.from(`password=${secret}`, 'utf16le') };
    expect(redactBodyPairs(utf16)).toBe(utf16);
  });

  it('large text bodies: a credential anywhere, across the edges of the windows looked at first, is still redacted', () => {
    const secret = hex(40);
    const line = 'ts,level,message\n';
    const filler = line.repeat(Math.ceil((3 * 64 * 1024) / line.length));
    // Windows of 64 KiB advance by 64 KiB less 32 bytes: names placed around the first two edges.
    for (const at of [0, 65_536 - 12, 65_536 - 3, 65_504 - 5, 65_504 + 1, 2 * 65_504 - 7, 2 * 65_504 + 30, filler.length - 1]) {
      const text = `${filler.slice(0, at)} X-Amz-Signature=${secret}&${filler.slice(at)}`;
      const body: Body = { kind: 'bytes', bytes: Buffer.from(text) };
      const redacted = redactBodyPairs(body) as { bytes: Uint8Array };
      expect(Buffer.from(redacted.bytes).toString(), `at ${at}`).toBe(`${filler.slice(0, at)} X-Amz-Signature=${REDACTED}&${filler.slice(at)}`);
    }
    // Without a credential name, the same body comes back.
    const clean: Body = { kind: 'bytes', bytes: Buffer.from(filler) };
    expect(redactBodyPairs(clean)).toBe(clean);
  });
});
