/**
 * The contract-test suite of the seed operations, the one users run against their own account.
 *
 * Offline (the default, `TAPEGATE_MODE=replay`) it replays the bundled cassette. With
 * `TAPEGATE_MODE=record` and AWS credentials in the usual places, it creates a throw-away REST
 * API, HTTP API and WebSocket API in the account (region `AWS_REGION`, default us-east-1),
 * exercises the five seed operations, deletes all three, and writes the recording to
 * `recordings/seed-scenario.cassette` (or `TAPEGATE_CASSETTE_DIR`). Either way, every
 * exchange must fit its contract.
 */
import { describe, expect, it } from 'vitest';
import { clientsFor } from '../../harness/demo/clients.js';
import { runSeedScenario, type StepResult } from '../../harness/demo/seed-scenario.js';
import { useCassette } from '../../harness/vitest/index.js';

const recording = (process.env.TAPEGATE_MODE ?? 'replay') !== 'replay';
const dir = process.env.TAPEGATE_CASSETTE_DIR ?? (recording ? 'recordings' : 'cassettes/examples');

describe('seed operations against API Gateway', () => {
  const tape = useCassette('seed-scenario', { dir, failOnUnused: !recording });
  let steps: StepResult[] = [];
  const step = (operation: string, nth = 0): StepResult => {
    const found = steps.filter((s) => s.operation === operation)[nth];
    if (!found) throw new Error(`the scenario made no call ${nth + 1} to ${operation}`);
    return found;
  };

  it('runs the scenario: REST API, HTTP API and WebSocket API created and deleted', async () => {
    steps = await runSeedScenario(clientsFor(tape.endpoint, { region: tape.region }));
    expect(steps.filter((s) => s.error).map((s) => `${s.operation} ${s.error!.name}`)).toEqual(['apigateway.GetIntegrationResponse NotFoundException']);
    expect(steps.filter((s) => s.operation.endsWith('.DeleteApi') || s.operation.endsWith('.DeleteRestApi'))).toHaveLength(3);
  });

  it('v1 GetIntegrationResponse returns what PutIntegrationResponse stored', () => {
    expect(step('apigateway.GetIntegrationResponse')).toMatchObject({
      status: 200,
      output: {
        statusCode: '200',
        responseTemplates: { 'application/json': '{"ok": true}' },
        responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
      },
    });
    expect(step('apigateway.GetIntegrationResponse', 1)).toMatchObject({ status: 404, error: { name: 'NotFoundException' } });
  });

  it('v1 UpdateIntegrationResponse applies patch paths with ~1 escapes', () => {
    expect(step('apigateway.UpdateIntegrationResponse')).toMatchObject({
      status: 200,
      output: { responseTemplates: { 'application/json': '{"ok": true, "via": "tapegate"}' }, contentHandling: 'CONVERT_TO_TEXT' },
    });
  });

  it('v2 CreateIntegrationResponse answers 201 with the new integration response', () => {
    expect(step('apigatewayv2.CreateIntegrationResponse')).toMatchObject({
      status: 201,
      output: { IntegrationResponseKey: '$default', IntegrationResponseId: expect.any(String) as string },
    });
  });

  it('v2 UpdateIntegrationResponse and UpdateIntegration change what they were asked to', () => {
    expect(step('apigatewayv2.UpdateIntegrationResponse')).toMatchObject({ status: 200, output: { ContentHandlingStrategy: 'CONVERT_TO_TEXT' } });
    expect(step('apigatewayv2.UpdateIntegration')).toMatchObject({ status: 200, output: { TimeoutInMillis: 15000, IntegrationType: 'HTTP_PROXY' } });
  });

  it('every request and response fits its contract', () => {
    const findings = tape.stats().findings.filter((finding) => finding.severity !== 'info');
    expect(findings).toEqual([]);
  });
});
