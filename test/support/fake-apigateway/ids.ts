/**
 * Identifiers shaped like API Gateway's: random lower-case letters and digits, with the lengths
 * AWS uses (rest api and v2 api ids 10, resource ids 6, v2 integration ids 7, ...).
 */
import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function randomId(length: number): string {
  let id = '';
  for (let i = 0; i < length; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

/** A fresh id of `length` that `taken` does not hold yet. */
export function freshId(length: number, taken: { has(id: string): boolean }): string {
  for (;;) {
    const id = randomId(length);
    if (!taken.has(id)) return id;
  }
}

export const ID_LENGTH = {
  restApi: 10,
  resource: 6,
  api: 10,
  integration: 7,
  integrationResponse: 6,
} as const;
