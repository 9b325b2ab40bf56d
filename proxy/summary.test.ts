import { describe, expect, it } from 'vitest';
import { formatSummary, type ReplayStats } from './summary.js';

const base: ReplayStats = {
  exchanges: 3,
  served: 4,
  missed: 1,
  rejected: 0,
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
});
