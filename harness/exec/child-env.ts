/**
 * The environment of a command run under `tapegate exec`: every AWS SDK that reads endpoint
 * variables is pointed at the proxy, and in replay nothing real can be reached.
 *
 * `AWS_ENDPOINT_URL` is read by boto3 ≥ 1.28, the AWS CLI ≥ 2.13 and the AWS SDK for
 * JavaScript v3 ≥ 3.410; the per-service variables (`AWS_ENDPOINT_URL_<SERVICE ID>`, spaces as
 * underscores, upper case) by the same releases. Older clients take `endpoint_url` /
 * `--endpoint-url`: scripts can read `AWS_ENDPOINT_URL` themselves.
 */
import { delimiter, join } from 'node:path';
import type { ContractSet } from '../../contracts/load.js';
import { packageRoot } from '../../core/package-root.js';
import type { ProxyMode } from '../../index.js';

export const REPLAY_ACCESS_KEY_ID = 'TAPEGATEEXECREPLAY';

export function endpointVariable(serviceId: string): string {
  return `AWS_ENDPOINT_URL_${serviceId.replace(/[\s-]+/g, '_').toUpperCase()}`;
}

/** Where the package keeps its pytest plugin (`tapegate_pytest.py`): in the sources, never in dist/. */
export function pytestPluginDir(): string {
  return join(packageRoot(), 'harness', 'pytest');
}

/**
 * `control`: the proxy's control surface when it serves sessions; then `TAPEGATE_URL` names
 * the proxy for per-test fixtures, and the pytest plugin is importable (`-p tapegate_pytest`).
 */
export function childEnv(base: NodeJS.ProcessEnv, url: string, mode: ProxyMode, contracts: ContractSet, control: string | null = null): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, AWS_ENDPOINT_URL: url, TAPEGATE_ENDPOINT_URL: url, TAPEGATE_MODE: mode };
  if (control !== null) {
    env.TAPEGATE_URL = url;
    // Sessions take exec's --mode, the proxy's default: a fixture reading TAPEGATE_MODE must not override it.
    delete env.TAPEGATE_MODE;
    env.PYTHONPATH = [pytestPluginDir(), ...(base.PYTHONPATH ? [base.PYTHONPATH] : [])].join(delimiter);
  }
  for (const service of contracts.services) env[endpointVariable(service.serviceId)] = url;
  if (mode === 'replay') {
    // Replay needs no credentials, but SDKs insist on signing: give them throw-away ones, and
    // a region, where none are set. Set ones are harmless: they only sign requests to the proxy.
    if (!env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE) {
      env.AWS_ACCESS_KEY_ID = REPLAY_ACCESS_KEY_ID;
      env.AWS_SECRET_ACCESS_KEY = 'tapegate-replay-needs-no-secret';
      delete env.AWS_SESSION_TOKEN;
    }
    if (!env.AWS_REGION && !env.AWS_DEFAULT_REGION) {
      env.AWS_REGION = 'us-east-1';
      env.AWS_DEFAULT_REGION = 'us-east-1';
    }
  }
  return env;
}
