import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Body } from '../../core/exchange.js';
import { AccountIdMap } from './account-ids.js';
import { hasDigitRun, redactResponseAccountIds } from './account-ids-redact.js';
import { createRng, randomInt, randomString } from '../../test/support/samples/secret-samples.js';

const rng = createRng(0xacc0);
const bytesOf = (body: Body): Buffer => Buffer.from((body as { bytes: Uint8Array }).bytes);

describe('account ids in byte bodies', () => {
  it('hasDigitRun agrees with /\\d{12}/ on digit-heavy text of every length', () => {
    for (let i = 0; i < 3000; i++) {
      const text = randomString(rng, '0123456789012345678x', randomInt(rng, 40));
      expect(hasDigitRun(Buffer.from(text, 'latin1'), 12), text).toBe(/\d{12}/.test(text));
    }
  });

  it('finds an id anywhere in a large body, and gives back a body without one untouched', () => {
    const binary = randomBytes(3 * 1024 * 1024);
    // Random binary holds no 12 ASCII digits in a row (the chance is about 10^-10).
    const plain: Body = { kind: 'bytes', bytes: binary };
    expect(redactResponseAccountIds({ status: 200, headers: {}, body: plain }, new AccountIdMap()).body).toBe(plain);

    for (const at of [0, 1_000_003, binary.length - 40]) {
      const arn = Buffer.from('arn:aws:iam::210987654321:role/r');
      const bytes = Buffer.from(binary);
      arn.copy(bytes, at);
      const body = redactResponseAccountIds({ status: 200, headers: {}, body: { kind: 'bytes', bytes } }, new AccountIdMap()).body;
      const expected = Buffer.from(bytes);
      Buffer.from('arn:aws:iam::000000000001:role/r').copy(expected, at);
      expect(bytesOf(body).equals(expected), `at ${at}`).toBe(true);
    }
  });
});
