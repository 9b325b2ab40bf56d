/**
 * Made-up AWS credentials for tests of redaction and of the secret scanner: generated at
 * run time from a seed, so no key-shaped literal sits in the source and a failing run can
 * be repeated with its seed. Shapes follow real credentials (alphabets, lengths, the
 * prefixes STS tokens start with); none of them is valid anywhere.
 */

/** A small deterministic generator (mulberry32): numbers in [0, 1). */
export type Rng = () => number;

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';

export function randomInt(rng: Rng, below: number): number {
  return Math.floor(rng() * below);
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[randomInt(rng, items.length)] as T;
}

export function randomString(rng: Rng, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(randomInt(rng, alphabet.length));
  return out;
}

/** `AKIA`/`ASIA`/`ABIA`/`ACCA` and 16 more: base32 like real ids, or any upper alnum. */
export function randomAccessKeyId(rng: Rng): string {
  const prefix = pick(rng, ['AKIA', 'ASIA', 'ABIA', 'ACCA'] as const);
  return prefix + randomString(rng, rng() < 0.5 ? BASE32 : UPPER_ALNUM, 16);
}

export function randomSecretAccessKey(rng: Rng): string {
  return randomString(rng, SECRET_ALPHABET, 40);
}

/**
 * An STS session token: the older `FwoGZXIvYXdzE…` form (about 300–400 characters) or
 * the current `IQoJb3JpZ2luX2Vj…` form (about 600–1,100), base64 with its padding.
 */
export function randomSessionToken(rng: Rng): string {
  const [prefix, min, spread] = rng() < 0.5 ? (['FwoGZXIvYXdzE', 300, 100] as const) : (['IQoJb3JpZ2luX2VjE', 600, 500] as const);
  const length = min + randomInt(rng, spread);
  const body = randomString(rng, SECRET_ALPHABET, length - prefix.length);
  return prefix + body + pick(rng, ['', '=', '=='] as const);
}

/** A 12-digit account id that cannot be mistaken for a placeholder (no leading zero). */
export function randomAccountId(rng: Rng): string {
  return String(100_000_000_000 + randomInt(rng, 900_000_000_000));
}
