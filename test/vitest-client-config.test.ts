/**
 * The README quickstart, literally: SDK clients built from `tape.clientConfig()` and nothing
 * else, in record mode against the fake API Gateway and then in replay with it stopped
 * (issue 12, item 1: the frozen credentials object made the SDK throw on its first send).
 */
import { APIGatewayClient, CreateRestApiCommand, DeleteRestApiCommand, GetResourcesCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, CreateApiCommand, DeleteApiCommand } from '@aws-sdk/client-apigatewayv2';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCassette, type CassetteHandle } from '../harness/vitest/index.js';
import { PROJECT_ROOT } from './support/cli.js';
import { startFakeApiGateway, FAKE_APIGATEWAY_CREDENTIALS, type FakeApiGateway } from './support/fake-apigateway/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tapegate-client-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Both APIs, each client made from clientConfig() alone, as the README shows. */
async function scenario(tape: CassetteHandle): Promise<unknown[]> {
  const v1 = new APIGatewayClient(tape.clientConfig());
  const v2 = new ApiGatewayV2Client(tape.clientConfig());
  const rest = await v1.send(new CreateRestApiCommand({ name: 'quickstart' }));
  const resources = await v1.send(new GetResourcesCommand({ restApiId: rest.id! }));
  const http = await v2.send(new CreateApiCommand({ Name: 'quickstart-http', ProtocolType: 'HTTP' }));
  await v2.send(new DeleteApiCommand({ ApiId: http.ApiId! }));
  await v1.send(new DeleteRestApiCommand({ restApiId: rest.id! }));
  v1.destroy();
  v2.destroy();
  return [rest.name, resources.items?.map((item) => item.path), http.Name, http.ProtocolType];
}

let recorded: unknown[] = [];

describe('clientConfig() in record mode', () => {
  let fake: FakeApiGateway;
  beforeAll(async () => {
    fake = await startFakeApiGateway();
  });
  const tape = useCassette('quickstart', { mode: 'record', dir, upstream: () => fake.url, credentials: FAKE_APIGATEWAY_CREDENTIALS });
  afterAll(async () => {
    await fake.close();
  });

  it('drives real v1 and v2 SDK clients through the proxy', async () => {
    recorded = await scenario(tape);
    expect(recorded).toEqual(['quickstart', ['/'], 'quickstart-http', 'HTTP']);
    expect(fake.signatures.rejected).toBe(0);
    expect(tape.stats()).toMatchObject({ mode: 'record', recorded: 5 });
  });

  it('hands out credentials the SDK may annotate, a fresh object each time', () => {
    const config = tape.clientConfig();
    expect(Object.isFrozen(config.credentials)).toBe(false);
    expect(config.credentials).not.toBe(tape.clientConfig().credentials);
    expect(config.credentials).toEqual(tape.credentials);
  });
});

describe('clientConfig() in replay mode, the fake stopped', () => {
  const tape = useCassette('quickstart', { mode: 'replay', dir, failOnUnused: true });

  it('gives the same SDK results offline', async () => {
    expect(await scenario(tape)).toEqual(recorded);
    expect(tape.stats()).toMatchObject({ mode: 'replay', missed: 0 });
  });
});

describe('the README quickstart', () => {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const block = /```ts\n((?:(?!```)[\s\S])*from 'tapegate\/vitest'(?:(?!```)[\s\S])*)```/.exec(readme)?.[1] ?? '';

  it('imports what it uses from vitest', () => {
    expect(block).toContain('tape.clientConfig()');
    const imported =
      /import \{([^}]*)\} from 'vitest'/
        .exec(block)?.[1]
        ?.split(',')
        .map((name) => name.trim()) ?? [];
    for (const name of ['describe', 'it', 'expect']) if (new RegExp(`\\b${name}\\(`).test(block)) expect(imported).toContain(name);
  });

  it('calls useCassette as it is declared: the name first, the options second', () => {
    expect(readme).not.toMatch(/useCassette\(\s*\{/);
  });
});
