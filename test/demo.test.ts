import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

describe('tapegate demo (what npm start runs)', () => {
  it('replays the bundled seed scenario offline, every call served and every exchange within contract', () => {
    // No credentials and no network: the demo must not need either.
    const result = runCli(['demo'], { env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', HTTPS_PROXY: '', HTTP_PROXY: '' } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^tapegate demo: replaying cassettes\/examples\/seed-scenario\.cassette \(21 exchanges\), offline$/);
    expect(lines[1]).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+$/);
    for (const seed of [
      /apigateway\.GetIntegrationResponse\s+200 .*"method\.response\.header\.Access-Control-Allow-Origin":"'\*'"/,
      /apigateway\.UpdateIntegrationResponse\s+200 .*"contentHandling":"CONVERT_TO_TEXT"/,
      /apigateway\.GetIntegrationResponse\s+404\s+NotFoundException/,
      /apigatewayv2\.CreateIntegrationResponse\s+201/,
      /apigatewayv2\.UpdateIntegrationResponse\s+200 .*"ContentHandlingStrategy":"CONVERT_TO_TEXT"/,
      /apigatewayv2\.UpdateIntegration\s+200 .*"TimeoutInMillis":15000/,
    ]) {
      expect(result.stdout).toMatch(seed);
    }
    expect(result.stdout).toMatch(/Contract findings:\n {2}none: every request and response fits its contract/);
    expect(result.stdout).toMatch(/served 21, missed 0, never used 0/);
  });

  it('fails with exit 1 and says why when the cassette does not hold the scenario', () => {
    const result = runCli(['demo', '--cassette', 'cassettes/examples/seed-operations.cassette.missing']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/seed-operations\.cassette\.missing/);
  });
});
