/**
 * `namesMentioning`: which entries of a laid-out table hold a key, from the text, with nothing
 * parsed but names; and no answer once the table has been edited, as the text no longer speaks
 * for it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultContractsDir } from '../load.js';
import { readCompactContract } from './contract-file.js';
import { namesMentioning } from './lazy-tables.js';

const S3 = join(defaultContractsDir(), 's3-2006-03-01.json');

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
