/**
 * The project the README's examples run in: a user's project with tapegate installed from the
 * packed tarball (installed-package.ts), the test fake API Gateway as its upstream through
 * `tapegate.config.json` (the README documents `upstream`), and what its examples name: the
 * cassettes under test/cassettes (recorded here against the fake, through the installed CLI),
 * a script and a pytest suite that call API Gateway, the README's vitest quickstart as the
 * project's test (`npm test`), a `dev` profile in its own AWS credentials file, and, when the
 * botocore models are beside the checkout (../shared/models, never committed), the botocore
 * folders the drift and generate examples name. Each example gets a fresh copy of it.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from './cli.js';
import { installedProject, type InstalledProject } from './installed-package.js';
import { FAKE_APIGATEWAY_CREDENTIALS, startFakeApiGateway, type FakeApiGateway } from './fake-apigateway/index.js';

export interface ExampleProject {
  fake: FakeApiGateway;
  /** The botocore models beside the checkout, or null when they are not there. */
  models: string | null;
  /** A fresh copy of the project for one example. */
  workspace(): string;
  /** The environment an example runs in, in `workspace` (`clients`: Debian's python3, pytest and aws first on PATH). */
  env(workspace: string, clients?: boolean): NodeJS.ProcessEnv;
  close(): Promise<void>;
}

const SMOKE_SCRIPT = `// The project's smoke script: one call to API Gateway, wherever AWS_ENDPOINT_URL points.
import { APIGatewayClient, GetRestApisCommand } from '@aws-sdk/client-api-gateway';

if (!process.env.AWS_ENDPOINT_URL) throw new Error('run me under tapegate exec: AWS_ENDPOINT_URL is not set');
const out = await new APIGatewayClient({ maxAttempts: 1 }).send(new GetRestApisCommand({}));
console.log(JSON.stringify((out.items ?? []).map((api) => api.name)));
`;

const PYTEST_SUITE = `import os

import boto3


def test_rest_apis():
    # boto3 < 1.28 does not read AWS_ENDPOINT_URL itself
    client = boto3.client("apigateway", endpoint_url=os.environ["AWS_ENDPOINT_URL"])
    assert [api["name"] for api in client.get_rest_apis()["items"]] == ["readme"]
`;

/** The file the README's vitest quickstart becomes (its cassette: test/__cassettes__/ beside it). */
export const QUICKSTART_TEST = 'test/integration-responses.test.ts';

/** What the README's quickstart asks for: REST API a1, resource r1, GET, integration response 200. */
function seedFake(fake: FakeApiGateway): void {
  fake.state.restApis.set('a1', {
    wire: { id: 'a1', name: 'readme', rootResourceId: 'r1', createdDate: 1_700_000_000 },
    resources: new Map([
      [
        'r1',
        {
          id: 'r1',
          path: '/',
          methods: new Map([
            [
              'GET',
              {
                wire: { httpMethod: 'GET', authorizationType: 'NONE' },
                responses: new Map(),
                integration: { wire: { type: 'MOCK' }, responses: new Map([['200', { statusCode: '200' }]]) },
              },
            ],
          ]),
        },
      ],
    ]),
  });
}

function modelsBesideCheckout(): string | null {
  const models = join(PROJECT_ROOT, '..', 'shared', 'models');
  return existsSync(join(models, 'botocore-1.43.67', 'apigateway')) && existsSync(join(models, 'botocore-1.29.39', 'apigateway')) ? models : null;
}

/** `quickstart`: the README's vitest example, the project's own test. */
export async function exampleProject(quickstart: string): Promise<ExampleProject> {
  const installed: InstalledProject = installedProject('1.0.0');
  const fake = await startFakeApiGateway();
  seedFake(fake);
  const models = modelsBesideCheckout();
  const root = mkdtempSync(join(tmpdir(), 'tapegate-readme-'));
  const template = join(root, 'template');
  const made: string[] = [];

  const env = (workspace: string, clients = false): NodeJS.ProcessEnv => {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|AWS_|TAPEGATE_|NODE_OPTIONS$|npm_)/.test(name)));
    const bins = [join(workspace, 'node_modules', '.bin'), ...(clients ? ['/usr/bin'] : []), dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'];
    return {
      ...inherited,
      PATH: bins.join(':'),
      CI: '',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // The standard provider chain finds the fake's credentials: in the environment, and as the `dev` profile.
      AWS_ACCESS_KEY_ID: FAKE_APIGATEWAY_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: FAKE_APIGATEWAY_CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_SHARED_CREDENTIALS_FILE: join(workspace, '.aws', 'credentials'),
      AWS_CONFIG_FILE: join(workspace, '.aws', 'config'),
    };
  };
  // Not execFileSync: the fake answers from this process's event loop.
  const run = (command: string, args: string[], extra: NodeJS.ProcessEnv = {}) =>
    promisify(execFile)(command, args, { cwd: template, env: { ...env(template), ...extra }, encoding: 'utf8', timeout: 120_000 });

  mkdirSync(join(template, '.aws'), { recursive: true });
  symlinkSync(join(installed.dir, 'node_modules'), join(template, 'node_modules'));
  // The project's own dev tools, linked as npm links a dependency's bin.
  for (const bin of ['vitest', 'tsx', 'tsc']) symlinkSync(join(PROJECT_ROOT, 'node_modules', '.bin', bin), join(installed.dir, 'node_modules', '.bin', bin));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(template, path)), { recursive: true });
    writeFileSync(join(template, path), text);
  };
  write('package.json', JSON.stringify({ name: 'readme-examples', private: true, type: 'module', scripts: { test: 'vitest run' } }, null, 2));
  const config = JSON.stringify({ upstream: fake.url }, null, 2);
  write('tapegate.config.json', config);
  write('ci/tapegate.config.json', config);
  const { accessKeyId, secretAccessKey } = FAKE_APIGATEWAY_CREDENTIALS;
  write(
    '.aws/credentials',
    `[default]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n\n[dev]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n`,
  );
  write('.aws/config', '[default]\nregion = us-east-1\n\n[profile dev]\nregion = us-east-1\n');
  write('scripts/smoke.js', SMOKE_SCRIPT);
  write('tests/test_smoke.py', PYTEST_SUITE);
  write(QUICKSTART_TEST, quickstart);
  if (models) {
    for (const release of ['botocore-1.29.39', 'botocore-1.43.67']) symlinkSync(join(models, release), join(template, release));
    mkdirSync(join(template, 'botocore'));
    symlinkSync(join(models, 'botocore-1.43.67'), join(template, 'botocore', 'data'));
  }

  // The cassettes the examples replay, recorded against the fake through the installed CLI.
  await run('tapegate', ['exec', '--mode', 'record', '--cassette', 'test/cassettes/smoke.cassette', '--', 'node', 'scripts/smoke.js']);
  for (const copy of ['test/cassettes/apis.cassette', 'test/cassettes/cli.cassette', 'apis.cassette', 'fixtures/smoke.cassette']) {
    mkdirSync(dirname(join(template, copy)), { recursive: true });
    cpSync(join(template, 'test/cassettes/smoke.cassette'), join(template, copy));
  }
  await run('tapegate', ['cassette', 'export', 'apis.cassette', '--json', '--output', 'edited.json']);
  mkdirSync(join(template, 'test', 'fixtures'));
  cpSync(join(template, 'edited.json'), join(template, 'test', 'fixtures', 'seed.json'));
  await run('npx', ['vitest', 'run', QUICKSTART_TEST], { TAPEGATE_MODE: 'record' });
  await run('git', ['init', '-q']);

  return {
    fake,
    models,
    workspace: () => {
      const workspace = join(root, `example-${made.length}`);
      made.push(workspace);
      cpSync(template, workspace, { recursive: true, verbatimSymlinks: true });
      return workspace;
    },
    env,
    close: async () => {
      await fake.close();
      installed.remove();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
