/**
 * `npm run cassettes:examples`: records the seed scenario (harness/demo/seed-scenario.ts)
 * through the recording proxy against the test fake API Gateway, which checks every re-signed
 * signature, into cassettes/examples/seed-scenario.cassette: the cassette `npm start` replays.
 * Never touches a real account: the upstream is the fake on 127.0.0.1.
 */
import { fileURLToPath } from 'node:url';
import { startProxy } from '../proxy/start.js';
import { clientsFor } from '../harness/demo/clients.js';
import { runSeedScenario } from '../harness/demo/seed-scenario.js';
import { startFakeApiGateway, FAKE_APIGATEWAY_CREDENTIALS } from '../test/support/fake-apigateway/index.js';

const cassette = fileURLToPath(new URL('../cassettes/examples/seed-scenario.cassette', import.meta.url));
const fake = await startFakeApiGateway();
try {
  const proxy = await startProxy({ mode: 'record', cassette, force: true, upstream: fake.url, credentials: FAKE_APIGATEWAY_CREDENTIALS, log: false });
  const steps = await runSeedScenario(clientsFor(proxy.url), (step) => {
    process.stdout.write(`${step.operation} ${step.status ?? ''}${step.error ? ` ${step.error.name}` : ''}\n`);
  });
  const stats = await proxy.close();
  if (fake.signatures.rejected > 0) throw new Error(`the fake rejected ${fake.signatures.rejected} re-signed requests`);
  if (stats.findingCounts.error > 0) throw new Error(`${stats.findingCounts.error} contract errors while recording`);
  process.stdout.write(`recorded ${stats.recorded} exchanges of ${steps.length} calls into cassettes/examples/seed-scenario.cassette\n`);
} finally {
  await fake.close();
}
