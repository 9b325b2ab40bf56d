/**
 * tapegate/vitest used as a user would: record the seed scenario against the fake API Gateway
 * in one describe, replay it with the fake stopped in the next.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCassette } from '../cassettes/format/store.js';
import { clientsFor } from '../harness/demo/clients.js';
import { runSeedScenario, type StepResult } from '../harness/demo/seed-scenario.js';
import { useCassette } from '../harness/vitest/index.js';
import { startFakeApiGateway, FAKE_APIGATEWAY_CREDENTIALS, type FakeApiGateway } from './support/fake-apigateway/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tapegate-vitest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let recorded: StepResult[] = [];

describe('in record mode against the fake upstream', () => {
  let fake: FakeApiGateway;
  beforeAll(async () => {
    fake = await startFakeApiGateway();
  });
  const tape = useCassette('seed', { mode: 'record', dir, upstream: () => fake.url, credentials: FAKE_APIGATEWAY_CREDENTIALS });
  afterAll(async () => {
    await fake.close();
  });

  it('hands the tests an endpoint, a region and throw-away credentials', () => {
    expect(tape.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(tape.region).toBe('us-east-1');
    expect(tape.credentials.accessKeyId).not.toBe(FAKE_APIGATEWAY_CREDENTIALS.accessKeyId);
    expect(tape.cassette).toBe(join(dir, 'seed.cassette'));
  });

  it('records the scenario through the proxy, re-signed for the fake', async () => {
    recorded = await runSeedScenario(clientsFor(tape.endpoint));
    expect(recorded.filter((step) => step.error).map((step) => step.error!.name)).toEqual(['NotFoundException']);
    expect(fake.signatures.rejected).toBe(0);
    expect(tape.stats()).toMatchObject({ mode: 'record', recorded: recorded.length });
  });
});

describe('in replay mode, the fake stopped', () => {
  const tape = useCassette('seed', { mode: 'replay', dir, failOnUnused: true });

  it('persisted the cassette when the recording describe ended', async () => {
    const { exchanges } = await readCassette(join(dir, 'seed.cassette'));
    expect(exchanges).toHaveLength(recorded.length);
  });

  it('gives the same SDK results offline', async () => {
    const replayed = await runSeedScenario(clientsFor(tape.endpoint));
    expect(replayed).toEqual(recorded);
    expect(tape.stats()).toMatchObject({ mode: 'replay', missed: 0 });
  });
});

describe('default cassette name', () => {
  const tape = useCassette(undefined, { mode: 'auto', dir, upstream: 'http://127.0.0.1:9', credentials: FAKE_APIGATEWAY_CREDENTIALS });
  it('is named after the test file', () => {
    expect(tape.cassette).toBe(join(dir, 'vitest-integration.cassette'));
  });
});
