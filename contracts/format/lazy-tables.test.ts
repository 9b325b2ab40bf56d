/**
 * A laid-out table's entries read one at a time: found by halving a sorted table, and by a
 * search of the text when the table is in another order; `namesMentioning`: which entries hold
 * a key, from the text, with nothing parsed but names, and no answer once the table has been
 * edited, as the text no longer speaks for it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultContractsDir } from '../load.js';
import type { CompactContract } from './compact-types.js';
import { readCompactContract } from './contract-file.js';
import { namesMentioning } from './lazy-tables.js';
import { serializeContract } from './serialize.js';

const S3 = join(defaultContractsDir(), 's3-2006-03-01.json');

describe('entries read one at a time', () => {
  it('finds every entry of a sorted table, first read by name, as JSON.parse reads the file; and no entry that is not there', () => {
    const table = readCompactContract(S3).wireShapes!;
    const parsed = (JSON.parse(readFileSync(S3, 'utf8')) as { wireShapes: Record<string, unknown> }).wireShapes;
    // Read in reverse, so no entry is found by having just passed it.
    for (const name of Object.keys(parsed).reverse()) expect(table[name], name).toEqual(parsed[name]);
    for (const name of ['AAA', 'Bucket0', 'zzz', '']) expect(Object.hasOwn(table, name), name).toBe(false);
  });

  it('finds every entry of a table in another order (a hand edit), names with escapes too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapegate-lazy-tables-'));
    try {
      const names = ['Zeta', 'alpha', 'Mu', 'quote"d', 'Beta', 'back\\slash'];
      const shapes: Record<string, { type: string; title: string }> = {};
      for (const name of names) shapes[name] = { type: 'string', title: name };
      const compact: CompactContract = {
        ...(JSON.parse(readFileSync(join(defaultContractsDir(), 'sqs-2012-11-05.json'), 'utf8')) as CompactContract),
        shapes,
      };
      const file = join(dir, 'sqs-2012-11-05.json');
      writeFileSync(file, serializeContract(compact));
      const table = readCompactContract(file).shapes;
      for (const name of names) expect(table[name], name).toEqual({ type: 'string', title: name });
      expect(Object.hasOwn(table, 'Omega')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('namesMentioning', () => {
  it('names, in the file’s order, the entries whose line holds the key: every error shape of S3 and nothing else', () => {
    const table = readCompactContract(S3).wireShapes!;
    const parsed = (JSON.parse(readFileSync(S3, 'utf8')) as { wireShapes: Record<string, { exception?: boolean }> }).wireShapes;
    const errors = Object.keys(parsed).filter((name) => parsed[name]!.exception === true);
    expect(errors.length).toBeGreaterThan(5);
    expect(namesMentioning(table, ['"exception":'])).toEqual(errors);
    expect(namesMentioning(table, ['"exception":', '"xmlNamespace":'])).toEqual(
      Object.keys(parsed).filter((name) => JSON.stringify(parsed[name]).match(/"(exception|xmlNamespace)":/)),
    );
  });

  it('has no answer for a table edited since it was read, nor for a record that is no lazy table', () => {
    const table = readCompactContract(S3).wireShapes!;
    table.NoSuchKey = { type: 'structure', members: {} };
    expect(namesMentioning(table, ['"exception":'])).toBeUndefined();
    expect(namesMentioning({ NoSuchKey: { exception: true } }, ['"exception":'])).toBeUndefined();
  });
});
