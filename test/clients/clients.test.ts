/**
 * `npm run test:clients`: the seed scenario from Python boto3 and from the AWS CLI, recorded
 * through `tapegate exec --mode record` against the fake API Gateway (which checks every
 * re-signed signature), then replayed through `tapegate exec` with the fake stopped: each
 * client's results are identical. Uses Debian's python3-boto3 (1.26) and awscli (2.9), which
 * .ci/run installs; both predate AWS_ENDPOINT_URL, so the scripts pass the endpoint themselves.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCassette } from '../../cassettes/format/store.js';
import { AWS_CLI, execRecord, execReplay, PYTHON } from '../support/debian-clients.js';
import { startFakeApiGateway, FAKE_APIGATEWAY_CREDENTIALS } from '../support/fake-apigateway/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tapegate-clients-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const clients = [
  { name: 'Python boto3', binary: PYTHON, command: [PYTHON, 'test/clients/seed_scenario.py'] },
  { name: 'AWS CLI', binary: AWS_CLI, command: ['bash', 'test/clients/seed-scenario-cli.sh', AWS_CLI] },
];

describe.each(clients)('$name', ({ name, binary, command }) => {
  it(`is installed (${binary}; .ci/run installs it with apt)`, () => {
    expect(existsSync(binary)).toBe(true);
  });

  it('records the seed scenario through the proxy and replays it offline with identical results', async () => {
    const cassette = join(dir, `${name.replace(/\W+/g, '-')}.cassette`);
    const fake = await startFakeApiGateway();
    let recorded: unknown;
    try {
      // The proxy re-signs with the provider chain's credentials: here, the environment's.
      const record = await execRecord(fake.url, FAKE_APIGATEWAY_CREDENTIALS, cassette, command);
      expect(record.stderr).toMatch(/recorded/);
      expect(record.status, record.stderr).toBe(0);
      recorded = JSON.parse(record.stdout);
      expect(fake.signatures.rejected).toBe(0);
      expect(fake.signatures.verified).toBe(fake.requests);
      expect(fake.requests).toBeGreaterThanOrEqual(15);
    } finally {
      await fake.close();
    }
    const { exchanges } = await readCassette(cassette);
    expect(exchanges.map((e) => e.operation)).toContain('apigateway.UpdateIntegrationResponse');
    for (const exchange of exchanges) expect(Object.keys(exchange.request.headers)).not.toContain('authorization');

    // Replay: the fake is gone, no credentials are given; the script cannot tell.
    const replay = await execReplay(cassette, command);
    expect(replay.status, replay.stderr).toBe(0);
    expect(replay.stderr).toMatch(/0 missed/);
    expect(JSON.parse(replay.stdout)).toEqual(recorded);
  });
});
