import { describe, expect, it } from 'vitest';
import { parseFailOn } from '../core/findings.js';
import { checkTimeoutMs, parseMode, parseProfile, parseUpstreamTimeout } from './record-options.js';
import { formatRecordSummary, type RecordStats } from './record-summary.js';
import { findingLine } from './recorder.js';

describe('recording options', () => {
  it.each([['30', 30_000], ['0.5', 500], [2, 2000], ['86400', 86_400_000]])('--upstream-timeout %j is %d ms', (value, ms) => {
    expect(parseUpstreamTimeout(value)).toBe(ms);
  });

  it.each(['0', '-1', 'abc', '1e3', '', '86401', '30s'])('--upstream-timeout %j exits 2', (value) => {
    expect(() => parseUpstreamTimeout(value)).toThrow(`Failed to parse "--upstream-timeout": expected a positive number of seconds up to 86400, got ${JSON.stringify(value)}`);
  });

  it('checks the programmatic timeout, fail-on, mode and profile', () => {
    expect(checkTimeoutMs(undefined)).toBe(30_000);
    expect(() => checkTimeoutMs(0)).toThrow('Failed to parse "upstreamTimeoutMs"');
    expect(() => checkTimeoutMs(1.5)).toThrow('Failed to parse "upstreamTimeoutMs"');
    expect(parseFailOn('warn')).toBe('warn');
    expect(() => parseFailOn('info')).toThrow('Failed to parse "--fail-on"');
    expect(parseMode('auto')).toBe('auto');
    expect(() => parseMode('replay')).toThrow('Failed to parse "mode"');
    expect(parseProfile('team-dev')).toBe('team-dev');
    expect(() => parseProfile('a b')).toThrow('Failed to parse "--profile"');
  });
});

describe('record summary and finding lines', () => {
  const stats: RecordStats = {
    mode: 'record', cassette: 'x.cassette', forwarded: 3, recorded: 2, replayed: 0, upstreamFailures: 1, refused: 0, rejected: 0,
    exchanges: 2, findings: [], findingCounts: { error: 1, warn: 0, info: 2 }, failOnReached: true,
  };

  it('says what each mode did', () => {
    expect(formatRecordSummary(stats)).toBe(
      'tapegate record summary: 3 forwarded, 2 recorded, 1 upstream failure, 0 refused by the secret scanner, 0 rejected (cassette of 2 exchanges)\n' +
        'findings: 1 error, 0 warn, 2 info (at or above --fail-on: exit 1)\n',
    );
    expect(formatRecordSummary({ ...stats, mode: 'auto', replayed: 4, failOnReached: false })).toMatch(/^tapegate auto summary: 4 replayed, 3 forwarded, 2 recorded, /);
    expect(formatRecordSummary({ ...stats, mode: 'passthrough', cassette: null })).toMatch(/^tapegate passthrough summary: 3 forwarded, 1 upstream failure, 0 rejected\n/);
  });

  it('prints a finding as one line', () => {
    expect(findingLine({ operation: 'apigateway.PutIntegration', side: 'request', severity: 'error', code: 'invalid-enum', path: '/body/type', message: 'must be\none of' }))
      .toBe('finding: error apigateway.PutIntegration request /body/type must be one of');
    expect(findingLine({ operation: null, side: 'request', severity: 'warn', code: 'unknown-operation', path: '', message: 'no operation' }))
      .toBe('finding: warn (unknown operation) request / no operation');
  });
});
