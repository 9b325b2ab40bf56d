/**
 * What a finding reads of ajv's errors (contracts/ajv-findings.ts), for tests that compare the
 * two tiers of a part's check (contracts/part-validators.ts) with each other and with ajv.
 */
import type { ErrorObject } from 'ajv';
import { expect } from 'vitest';
import type { CheckFunction } from '../../contracts/part-validators.js';

export function readable(errors: ErrorObject[] | null | undefined): unknown[] {
  return (errors ?? []).map((error) => {
    const expected: unknown = error.parentSchema?.tapegateExpected;
    return {
      keyword: error.keyword,
      instancePath: error.instancePath,
      params: error.params,
      message: error.message,
      data: error.data,
      propertyName: error.propertyName,
      expected,
    };
  });
}

/** The errors of one check; a check is valid exactly when it has none. */
export function errorsOf(validate: CheckFunction, value: unknown, context: object = {}): unknown[] {
  const valid = validate.call(context, value);
  const errors = readable(validate.errors);
  expect(valid).toBe(errors.length === 0);
  return errors;
}
