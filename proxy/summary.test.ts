import { describe, expect, it } from 'vitest';
import type { ProxyStats } from './stats.js';
import { formatSummary } from './summary.js';

const base: ProxyStats = {
  mode: 'replay',
  cassette: 'x.cassette',
  exchanges: 3,
  served: 4,
  missed: 1,
  forwarded: 0,
  unsigned: 0,
  recorded: 0,
  upstreamFailures: 0,
  refused: 0,
  rejected: 0,
  failOnReached: false,
  expired: null,
  unused: [{ seq: 2, operation: null }],
  findings: [],
  findingCounts: { error: 1, warn: 0, info: 2 },
};

describe('formatSummary', () => {
  it('prints counts, the unused exchanges and findings by severity', () => {
    expect(formatSummary(base)).toBe(
      'tapegate replay summary: 4 served, 1 missed, 0 rejected (cassette of 3 exchanges)\n' +
        'never used: 1 exchange\n' +
        '  #2 (unknown operation)\n' +
        'findings: 1 error, 0 warn, 2 info\n',
    );
  });

  it('lists at most 50 unused exchanges and says how many more', () => {
    const unused = Array.from({ length: 53 }, (_, seq) => ({ seq, operation: 'apigateway.GetRestApis' }));
    const text = formatSummary({ ...base, unused });
    expect(text).toContain('never used: 53 exchanges\n');
    expect(text).toContain('  #49 apigateway.GetRestApis\n  ... and 3 more\n');
    expect(text).not.toContain('#50 ');
  });

  it('lists as many as asked (exec: a few, with a hint how to see the rest)', () => {
    const unused = Array.from({ length: 8 }, (_, seq) => ({ seq, operation: 'apigateway.GetRestApis' }));
    const text = formatSummary({ ...base, unused }, { unusedListed: 5, moreHint: ' (--verbose lists them all)' });
    expect(text).toContain('never used: 8 exchanges\n  #0 apigateway.GetRestApis\n');
    expect(text).toContain('  #4 apigateway.GetRestApis\n  ... and 3 more (--verbose lists them all)\n');
    expect(formatSummary({ ...base, unused }, { unusedListed: Infinity })).toContain('  #7 apigateway.GetRestApis\nfindings');
  });
});

describe('formatSummary of the recording modes', () => {
  const stats: ProxyStats = {
    ...base,
    mode: 'record',
    served: 0,
    missed: 0,
    forwarded: 3,
    recorded: 2,
    upstreamFailures: 1,
    exchanges: 2,
    unused: [],
    failOnReached: true,
  };

  it('says what each mode did', () => {
    expect(formatSummary(stats)).toBe(
      'tapegate record summary: 3 forwarded, 2 recorded, 1 upstream failure, 0 refused by the secret scanner, 0 rejected (cassette of 2 exchanges)\n' +
        'findings: 1 error, 0 warn, 2 info (at or above --fail-on: exit 1)\n',
    );
    expect(formatSummary({ ...stats, mode: 'auto', served: 4, failOnReached: false })).toMatch(/^tapegate auto summary: 4 replayed, 3 forwarded, 2 recorded, /);
    expect(formatSummary({ ...stats, mode: 'passthrough', cassette: null })).toMatch(/^tapegate passthrough summary: 3 forwarded, 1 upstream failure, 0 rejected\n/);
  });
});
