/**
 * `npm start` / `tapegate demo`: replay the bundled example cassette through the replay
 * proxy with the AWS SDK for JavaScript v3, print each call and the contract findings of every
 * exchange. Offline: the proxy never opens a connection and the clients reach only it.
 */
import { join, relative } from 'node:path';
import { packageRoot } from '../../core/package-root.js';
import { startProxy } from '../../proxy/start.js';
import { clientsFor } from './clients.js';
import { runSeedScenario, type StepResult } from './seed-scenario.js';

export function defaultDemoCassette(): string {
  return join(packageRoot(), 'cassettes', 'examples', 'seed-scenario.cassette');
}

export interface DemoOptions {
  cassette?: string;
  write?: (text: string) => void;
}

/** Returns the exit code: 0 when every call was served from the cassette. */
export async function runDemo(options: DemoOptions = {}): Promise<number> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const cassette = options.cassette ?? defaultDemoCassette();
  const proxy = await startProxy({ mode: 'replay', cassette, log: false });
  write(`tapegate demo: replaying ${relative(process.cwd(), cassette) || cassette} (${proxy.stats().exchanges} exchanges), offline\n`);
  write(`listening ${proxy.url}\n`);
  write('(* marks the five seed operations, shown whole)\n\n');
  let step = 0;
  let failed: Error | undefined;
  try {
    await runSeedScenario(clientsFor(proxy.url), (result) => write(formatStep(++step, result)));
  } catch (error) {
    failed = error as Error;
  }
  const stats = await proxy.close();
  write('\nContract findings:\n');
  if (stats.findings.length === 0) write('  none: every request and response fits its contract\n');
  for (const finding of stats.findings) {
    write(`  #${finding.seq} ${finding.operation ?? '?'} ${finding.side} ${finding.severity} ${finding.code} ${finding.path}: ${finding.message}\n`);
  }
  write(`\nserved ${stats.served}, missed ${stats.missed}, never used ${stats.unused.length}\n`);
  if (failed) write(`\ndemo failed: ${failed.message}\n`);
  return failed || stats.missed > 0 ? 1 : 0;
}

/** The five operations tapegate must get exactly right: shown whole, the rest abridged. */
const SEED_OPERATIONS = new Set([
  'apigateway.GetIntegrationResponse',
  'apigateway.UpdateIntegrationResponse',
  'apigatewayv2.CreateIntegrationResponse',
  'apigatewayv2.UpdateIntegrationResponse',
  'apigatewayv2.UpdateIntegration',
]);

function formatStep(index: number, result: StepResult): string {
  const seed = SEED_OPERATIONS.has(result.operation);
  const head = `${String(index).padStart(2)}. ${seed ? '*' : ' '} ${result.operation.padEnd(40)} ${String(result.status ?? '---')}`;
  if (result.error) return `${head}  ${result.error.name}: ${result.error.message}\n`;
  return `${head}  ${preview(result.output, seed ? Infinity : 100)}\n`;
}

function preview(output: Record<string, unknown> | undefined, limit: number): string {
  if (!output || Object.keys(output).length === 0) return '(no body)';
  const text = JSON.stringify(output, (_key, value: unknown) => (value instanceof Date ? value.toISOString() : value));
  return text.length > limit ? `${text.slice(0, limit - 3)}...` : text;
}
