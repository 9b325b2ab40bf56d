/**
 * Issue 10, item 7: the secret scanner on large answers. A valid upstream answer holding a
 * base64-like run of 5.5 MB or more overflowed the scanner's backtracking regex; the
 * RangeError was counted as "refused by the secret scanner", the client got its 200, the
 * exchange was silently not written and a later replay missed. The scanner is linear now:
 * big answers are recorded, and a key hidden in one is still found.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { readCassette } from '../../cassettes/format/store.js';
import { scanForSecrets } from '../../cassettes/redact/secret-scan.js';
import { maskSecretShapes, secretKindsIn } from '../../cassettes/redact/secret-patterns.js';
import { startProxy } from '../../index.js';
import { Cleanups } from '../record-fixtures.js';
import { V1_IR_PATH } from '../replay-fixtures.js';
import { send, SIGNED } from './support/http.js';
import { startMode } from './support/proxies.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

const MB = 1024 * 1024;
/** Base64 text that is not a credential: random letters and digits, mixed case. */
function base64Run(bytes: number): string {
  return randomBytes(Math.ceil((bytes * 3) / 4))
    .toString('base64')
    .replace(/=+$/, '')
    .slice(0, bytes);
}

describe('a large base64-like answer', () => {
  it('is recorded whole and replayed; the next answer is recorded too', async () => {
    const { proxy, upstream, cassette, lines } = await startMode('record', cleanups);
    const big = JSON.stringify({ id: 'a1', body: base64Run(6 * MB) });
    upstream!.answer = { status: 200, body: big };
    const first = await send(proxy.url, { path: V1_IR_PATH, headers: SIGNED, timeoutMs: 20_000 });
    expect(first.status).toBe(200);
    expect(first.body.length).toBe(big.length);

    upstream!.answer = { status: 200, body: '{"statusCode":"200"}' };
    expect((await send(proxy.url, { path: `${V1_IR_PATH}?next=1`, headers: SIGNED })).status).toBe(200);
    expect(await proxy.close()).toMatchObject({ forwarded: 2, recorded: 2, refused: 0 });
    expect(lines.filter((line) => line.includes('Failed to record'))).toEqual([]);

    const { exchanges } = await readCassette(cassette!);
    expect(exchanges.map((e) => e.seq)).toEqual([0, 1]);
    const replay = await startProxy({ mode: 'replay', cassette: cassette!, log: false });
    cleanups.add(() => replay.close());
    const replayed = await send(replay.url, { path: V1_IR_PATH, headers: SIGNED, timeoutMs: 20_000 });
    expect(replayed.status).toBe(200);
    expect(replayed.body.toString('utf8')).toBe(big);
  });

  it('with a key hidden at the end is still refused, naming the field, and the proxy goes on', async () => {
    const { proxy, upstream, lines } = await startMode('record', cleanups);
    const keyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
    upstream!.answer = { status: 200, body: JSON.stringify({ blob: `${base64Run(6 * MB)} ${keyId}` }) };
    expect((await send(proxy.url, { path: V1_IR_PATH, headers: SIGNED, timeoutMs: 20_000 })).status).toBe(200);
    upstream!.answer = { status: 200, body: '{}' };
    expect((await send(proxy.url, { path: `${V1_IR_PATH}?next=1`, headers: SIGNED })).status).toBe(200);
    expect(await proxy.close()).toMatchObject({ forwarded: 2, recorded: 1, refused: 1 });
    // Refused for the key, not for a scanner failure, and without showing it.
    const refusal = lines.find((line) => line.includes('Failed to record'));
    expect(refusal).toContain('an AWS access key id at /response/body/blob');
    expect(lines.join('\n')).not.toContain(keyId);
  });
});

describe('the scanner is linear in its input', () => {
  it.each([
    ['a plain run', (n: number) => base64Run(n)],
    ['a run after a session-token prefix', (n: number) => `FwoGZXIvYXdz${base64Run(n)}`],
    ['a run under a token name', (n: number) => `sessionToken=${base64Run(n)}`],
    ['40-character runs back to back', (n: number) => Array.from({ length: Math.ceil(n / 41) }, () => base64Run(40)).join(' ')],
    ['40-character runs in one long ARN-like token', (n: number) => Array.from({ length: Math.ceil(n / 45) }, () => `arn:${base64Run(40)}`).join('-')],
  ])('%s: 8 MB take no more than a few times 1 MB', (_, make) => {
    const time = (text: string): number => {
      const started = performance.now();
      secretKindsIn(text, 'note');
      secretKindsIn(text, 'secretValue');
      maskSecretShapes(text, '<x>');
      return performance.now() - started;
    };
    const small = make(MB);
    const large = make(8 * MB);
    time(small);
    const one = time(small);
    const eight = time(large);
    // Linear: 8x the text, about 8x the time (backtracking would be far worse, or overflow).
    expect(eight).toBeLessThan(Math.max(one, 5) * 30);
  });

  it('still finds what it found before in a long text: ids, prefixed tokens, tokens by name, keys by name', () => {
    const filler = base64Run(6 * MB);
    const keyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
    const secret = base64Run(40).replace(/^./, 'A').replace(/.$/, 'z');
    expect([...secretKindsIn(`${filler} ${keyId}`)]).toEqual(['access-key-id']);
    expect([...secretKindsIn(`${filler} IQoJb3JpZ2lu${base64Run(200)}`)]).toEqual(['session-token']);
    expect([...secretKindsIn(filler, 'x-session-token')]).toEqual(['session-token']);
    expect([...secretKindsIn(`${filler} aws_secret_access_key=${secret}`)]).toEqual(['secret-access-key']);
    const exchange = {
      seq: 0,
      operation: null,
      request: { method: 'GET', path: '/', query: {}, headers: {}, body: { kind: 'empty' as const } },
      response: { status: 200, headers: {}, body: { kind: 'bytes' as const, bytes: Buffer.from(`${filler}\n${keyId}`) } },
      timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
    };
    expect(scanForSecrets(exchange)).toEqual([{ pointer: '/response/body', kind: 'access-key-id', part: 'value' }]);
    expect(maskSecretShapes(`${filler}==`, '<x>')).toBe('<x>');
  });
});
