import { describe, expect, it } from 'vitest';
import { TapegateError } from '../core/errors.js';
import { parseProxyOptions, type ProxyOptions } from './options.js';

function failure(options: ProxyOptions, naming?: 'option' | 'flag'): string {
  try {
    parseProxyOptions(options, naming);
  } catch (error) {
    expect(error).toBeInstanceOf(TapegateError);
    expect((error as TapegateError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('expected parseProxyOptions to throw');
}

describe('parseProxyOptions', () => {
  it('fills every default once, per mode', () => {
    const replay = parseProxyOptions({ cassette: 'a.cassette' });
    expect(replay).toMatchObject({ mode: 'replay', host: '127.0.0.1', port: 0, maxBodyBytes: 10 * 1024 * 1024, failOn: 'never', forward: null, force: false });
    expect(replay.match.repeat).toBe('last');
    // Replay follows the cassette header on account ids unless told.
    expect(replay.redact.accountIds).toBeUndefined();
    const auto = parseProxyOptions({ mode: 'auto', cassette: 'a.cassette' });
    expect(auto.match.repeat).toBe('error');
    expect(auto.redact.accountIds).toBeUndefined();
    expect(auto.forward).toMatchObject({ timeoutMs: 30_000, recordFailures: false });
    const record = parseProxyOptions({ mode: 'record', cassette: 'a.cassette', force: true, redactAccountIds: true });
    expect(record).toMatchObject({ force: true, redact: { accountIds: true, extraHeaders: [] } });
    expect(parseProxyOptions({ mode: 'passthrough' }).cassette).toBeNull();
  });

  it('takes the CLI strings as they come', () => {
    const settings = parseProxyOptions({ cassette: 'a.cassette', port: '8080', maxBodyBytes: '1KiB', host: '[::1]' }, 'flag');
    expect(settings).toMatchObject({ port: 8080, maxBodyBytes: 1024, host: '::1' });
  });

  it('blames a bad value by its option name, or by its flag at the CLI edge', () => {
    expect(failure({ cassette: 'a', port: 70000 })).toBe('Failed to parse "port": expected an integer from 0 to 65535, got 70000');
    expect(failure({ cassette: 'a', port: '70000' }, 'flag')).toBe('Failed to parse "--port": expected an integer from 0 to 65535, got "70000"');
    expect(failure({ cassette: 'a', maxBodyBytes: 0 })).toContain('Failed to parse "maxBodyBytes"');
    expect(failure({ cassette: 'a', maxBodyBytes: 'lots' }, 'flag')).toContain('Failed to parse "--max-body"');
    expect(failure({ mode: 'record', cassette: 'a', upstream: 'ftp://x' }, 'flag')).toContain('Failed to parse "--upstream"');
    expect(failure({ mode: 'record', cassette: 'a', failOn: 'info' as never })).toContain('Failed to parse "failOn"');
    expect(failure({ mode: 'record', cassette: 'a', upstreamTimeoutMs: 1.5 })).toContain('Failed to parse "upstreamTimeoutMs"');
    expect(failure({ mode: 'sideways' as never, cassette: 'a' })).toBe(
      'Failed to parse "mode": expected "replay", "record", "auto", "passthrough", "once", "none", "all", "new_episodes", got "sideways"',
    );
    expect(failure({ mode: 'record' } as never)).toContain('Failed to parse "cassette": record mode needs a cassette file');
  });
});
