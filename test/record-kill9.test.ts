/**
 * Crash safety of `tapegate record`: the built CLI is killed with SIGKILL at a random moment
 * while a client sends requests one after another. Whatever the moment, the cassette read
 * afterwards (readCassette recovers the journal) holds every exchange whose response the
 * client received, whole and in order, and at most the one in flight besides.
 */
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as v1 from '@aws-sdk/client-api-gateway';
import { readCassette } from '../cassettes/format/store.js';
import { sdkClients, startFakeApiGateway } from './support/fake-apigateway/index.js';
import { assertBuilt, Cleanups, isolatedEnv, randomCredentials, spawnCli, tempDir } from './record-fixtures.js';

beforeAll(() => assertBuilt(['proxy/start.ts', 'proxy/pipeline.ts', 'proxy/steps/record.ts', 'proxy/arrival-order.ts', 'harness/commands/record.ts']));

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

const RUNS = 20;
/**
 * The kill comes up to this many milliseconds after the proxy said it listens (even runs:
 * often before or during the first request, which is slow: credentials, first validation)
 * or after the first response arrived (odd runs: in the middle of a stream of exchanges).
 */
const MAX_KILL_DELAY_MS = 300;

describe('kill -9 while recording', () => {
  it(`loses no delivered exchange over ${RUNS} random kills`, { timeout: 120_000 }, async () => {
    const credentials = randomCredentials();
    const fake = await startFakeApiGateway({ credentials });
    cleanups.add(() => fake.close());
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const env = isolatedEnv(dir, { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey });
    const outcomes: { delivered: number; kept: number }[] = [];

    for (let run = 0; run < RUNS; run++) {
      const file = join(dir, `kill-${run}.cassette`);
      const cli = spawnCli(['record', '--cassette', file, '--upstream', fake.url], env, cleanups);
      const sdk = sdkClients(await cli.url, randomCredentials());
      let killed = false;
      let timer: NodeJS.Timeout | undefined;
      const armKill = () => {
        timer = setTimeout(
          () => {
            killed = true;
            cli.child.kill('SIGKILL');
          },
          randomInt(0, MAX_KILL_DELAY_MS),
        );
      };
      if (run % 2 === 0) armKill();
      const names: string[] = [];
      while (!killed) {
        const name = `run${run}-call${names.length}`;
        try {
          await sdk.v1.send(new v1.CreateRestApiCommand({ name }));
        } catch {
          break;
        }
        names.push(name);
        if (timer === undefined) armKill();
      }
      clearTimeout(timer);
      if (!killed) cli.child.kill('SIGKILL');
      await cli.exit;
      sdk.destroy();

      const { exchanges } = await readCassette(file);
      const recorded = exchanges.map((e) => (e.request.body as { value?: { name?: string } }).value?.name);
      // Every delivered one, in order; at most the one in flight besides.
      expect(recorded.slice(0, names.length)).toEqual(names);
      expect(recorded.length - names.length).toBeLessThanOrEqual(1);
      for (const exchange of exchanges) {
        expect(exchange.response.status).toBe(201);
        expect(exchange.response.body).toMatchObject({ kind: 'json', value: { name: (exchange.request.body as { value: { name: string } }).value.name } });
      }
      outcomes.push({ delivered: names.length, kept: exchanges.length });
    }
    // The runs are only a test if some were killed mid-stream with exchanges delivered.
    expect(outcomes.filter((o) => o.delivered > 0).length).toBeGreaterThan(RUNS / 2);
  });
});
