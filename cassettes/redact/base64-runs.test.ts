import { describe, expect, it } from 'vitest';
import { createRng, randomString } from '../../test/support/samples/secret-samples.js';
import { ArnTracker, eachRun, nameBefore } from './base64-runs.js';

/** The regular expression nameBefore replaces (quadratic in its window), as the reference. */
const NAME_BEFORE_VALUE = /([A-Za-z0-9_.-]+)[\\"']*\s*[:=]\s*[\\"']*$/;
const reference = (text: string, index: number): string | undefined => NAME_BEFORE_VALUE.exec(text.slice(Math.max(0, index - 80), index))?.[1];

/** The look-back ArnTracker replaces (2048 steps per call), as the reference. */
function insideArnReference(text: string, index: number, reach = 2048): boolean {
  const limit = Math.max(0, index - reach);
  let start = index;
  while (start > limit && !/[\s"'`,;()[\]{}<>]/.test(text.charAt(start - 1))) start--;
  return /arn(?::|%3A)/i.test(text.slice(start, index));
}

describe('eachRun', () => {
  it('visits maximal runs of base64 characters at least min long, in order, and stops when asked', () => {
    const seen: string[] = [];
    const text = 'ab cdefgh/+ij,k==lmnop';
    eachRun(text, 3, (start, end) => void seen.push(text.slice(start, end)));
    expect(seen).toEqual(['cdefgh/+ij', 'lmnop']);
    const first: string[] = [];
    eachRun(text, 1, (start, end) => (first.push(text.slice(start, end)), true));
    expect(first).toEqual(['ab']);
  });
});

describe('nameBefore', () => {
  it('reads the name of name=value, "name": "value" and \\"name\\":\\"value\\" contexts', () => {
    expect(nameBefore('aws_secret_access_key = X', 24)).toBe('aws_secret_access_key');
    expect(nameBefore('{"SecretAccessKey": "X', 21)).toBe('SecretAccessKey');
    expect(nameBefore('{\\"token\\":\\"X', 13)).toBe('token');
    expect(nameBefore('no context X', 11)).toBeUndefined();
  });

  it('agrees with the regular expression it replaces on 20,000 random texts', () => {
    const rng = createRng(0x5ec);
    for (let n = 0; n < 20_000; n++) {
      const text = randomString(rng, 'aZ9_.-"\'\\ :=\t/', 1 + Math.floor(rng() * 120));
      const index = Math.floor(rng() * (text.length + 1));
      expect(nameBefore(text, index), JSON.stringify([text, index])).toBe(reference(text, index));
    }
  });
});

describe('ArnTracker', () => {
  it('agrees with the look-back it replaces at every index of 2,000 random texts', () => {
    const rng = createRng(0xa7);
    for (let n = 0; n < 2_000; n++) {
      const text = randomString(rng, 'aArRnN:%3 -"x', 1 + Math.floor(rng() * 60));
      const tracker = new ArnTracker(text);
      for (let index = 0; index <= text.length; index++) {
        expect(tracker.inside(index), JSON.stringify([text, index])).toBe(insideArnReference(text, index));
      }
    }
  });

  it('forgets an arn: more than 2048 characters back', () => {
    const text = `arn:${'x'.repeat(3000)}`;
    const tracker = new ArnTracker(text);
    expect(tracker.inside(2000)).toBe(true);
    expect(tracker.inside(2048)).toBe(true);
    expect(tracker.inside(2049)).toBe(false);
    expect([insideArnReference(text, 2048), insideArnReference(text, 2049)]).toEqual([true, false]);
  });
});
