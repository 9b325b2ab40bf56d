import { describe, expect, it } from 'vitest';
import { TapegateError } from '../core/errors.js';
import { parseByteSize, parseHeaderNames, parseHost, parsePort, parseProfile, parseRepeat, parseTimeoutMs, parseUpstreamTimeout } from './option-values.js';

function failure(run: () => unknown): TapegateError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TapegateError);
    expect((error as TapegateError).exitCode).toBe(2);
    return error as TapegateError;
  }
  throw new Error('expected a TapegateError');
}

describe('parsePort', () => {
  it('takes integers 0–65535 as numbers or digits', () => {
    expect([parsePort('0'), parsePort(' 8080 '), parsePort(65535), parsePort(0)]).toEqual([0, 8080, 65535, 0]);
  });

  it.each([['65536'], ['-1'], ['1.5'], ['abc'], [''], ['0x10'], [NaN], [undefined]])('refuses %j', (value) => {
    expect(failure(() => parsePort(value)).message).toMatch(/^Failed to parse "--port": expected an integer from 0 to 65535, got /);
  });
});

describe('parseHost', () => {
  it('takes IP addresses and host names', () => {
    expect(['127.0.0.1', '::1', '[::1]', 'localhost', 'my-box.internal'].map((h) => parseHost(h))).toEqual(['127.0.0.1', '::1', '::1', 'localhost', 'my-box.internal']);
  });

  it.each([['http://127.0.0.1'], ['127.0.0.1:80'], ['a b'], [''], ['-bad.example'], ['x/y']])('refuses %j', (value) => {
    expect(failure(() => parseHost(value)).message).toContain('Failed to parse "--host": expected an IP address or a host name');
  });
});

describe('parseByteSize', () => {
  it('reads bytes, binary and decimal units', () => {
    expect([parseByteSize('1048576'), parseByteSize('10MiB'), parseByteSize('512KiB'), parseByteSize('1.5MB'), parseByteSize('2k'), parseByteSize(7)]).toEqual([
      1048576,
      10 * 1024 * 1024,
      512 * 1024,
      1_500_000,
      2048,
      7,
    ]);
  });

  it.each([['0'], ['lots'], ['10 parsecs'], ['-5'], ['0.1']])('refuses %j', (value) => {
    expect(failure(() => parseByteSize(value)).message).toContain('Failed to parse "--max-body": expected a positive size');
  });
});

describe('parseRepeat', () => {
  it('takes last and error only', () => {
    expect([parseRepeat('last'), parseRepeat('error')]).toEqual(['last', 'error']);
    expect(failure(() => parseRepeat('forever')).message).toBe('Failed to parse "--repeat": expected "last" or "error", got "forever"');
  });
});

describe('recording option values', () => {
  it.each([
    ['30', 30_000],
    ['0.5', 500],
    [2, 2000],
    ['86400', 86_400_000],
  ])('--upstream-timeout %j is %d ms', (value, ms) => {
    expect(parseUpstreamTimeout(value)).toBe(ms);
  });

  it.each(['0', '-1', 'abc', '1e3', '', '86401', '30s'])('--upstream-timeout %j exits 2', (value) => {
    expect(() => parseUpstreamTimeout(value)).toThrow(`Failed to parse "--upstream-timeout": expected a positive number of seconds up to 86400, got ${JSON.stringify(value)}`);
  });

  it('checks the programmatic timeout, the profile and header names', () => {
    expect(parseTimeoutMs(5000)).toBe(5000);
    expect(() => parseTimeoutMs(0)).toThrow('Failed to parse "upstreamTimeoutMs"');
    expect(() => parseTimeoutMs(1.5)).toThrow('Failed to parse "upstreamTimeoutMs"');
    expect(parseProfile('team-dev')).toBe('team-dev');
    expect(() => parseProfile('a b')).toThrow('Failed to parse "--profile"');
    expect(parseHeaderNames(['x-api-key,x-tenant', 'x-trace'])).toEqual(['x-api-key', 'x-tenant', 'x-trace']);
    expect(() => parseHeaderNames(['x-api-key:'])).toThrow('Failed to parse "--redact-headers": expected HTTP header names such as x-api-key, got "x-api-key:"');
  });
});
