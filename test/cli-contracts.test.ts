import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

describe('tapegate contracts (the built CLI)', () => {
  it('routes the seed path to its operation', () => {
    const result = runCli(['contracts', 'route', 'PATCH', '/restapis/a1/resources/b2/methods/GET/integration/responses/200']);
    expect(result).toMatchObject({ status: 0, stdout: 'apigateway.UpdateIntegrationResponse\n' });
  });

  it('routes on query literals and prints labels as JSON', () => {
    expect(runCli(['contracts', 'route', 'POST', '/restapis?mode=import']).stdout).toBe('apigateway.ImportRestApi\n');
    const json = runCli(['contracts', 'route', '--json', 'PATCH', '/v2/apis/a%20b/integrations/i1']);
    expect(JSON.parse(json.stdout)).toEqual({ operation: 'apigatewayv2.UpdateIntegration', labels: { apiId: 'a b', integrationId: 'i1' } });
  });

  it('names json operations by --target and decides between look-alike paths by --signing-name', () => {
    expect(runCli(['contracts', 'route', 'POST', '/', '--target', 'DynamoDB_20120810.PutItem'])).toMatchObject({ status: 0, stdout: 'dynamodb.PutItem\n' });
    expect(runCli(['contracts', 'route', 'POST', '/', '--target', 'AWSStepFunctions.StartExecution', '--signing-name', 'states']).stdout).toBe('stepfunctions.StartExecution\n');
    const tags = '/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aorders';
    expect(JSON.parse(runCli(['contracts', 'route', '--json', 'GET', tags, '--signing-name', 'lambda']).stdout)).toEqual({
      operation: 'lambda.ListTags',
      labels: { Resource: 'arn:aws:lambda:us-east-1:123456789012:function:orders' },
    });
    // Signed for another service, the path is none of that service's operations.
    const other = runCli(['contracts', 'route', 'GET', tags, '--signing-name', 'apigateway']);
    expect(other.status).toBe(1);
    expect(other.stdout).toMatch(/^no operation: GET \/2017-03-31\/tags\/\S+ signed for apigateway matches no operation of /);
    const unknown = runCli(['contracts', 'route', 'POST', '/', '--target', 'DynamoDB_20120810.PutThing']);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toMatch(/^no operation: POST \/ X-Amz-Target DynamoDB_20120810\.PutThing matches no operation of /);
  });

  it('says "no operation" and exits 1 for a path no operation takes', () => {
    const result = runCli(['contracts', 'route', 'GET', '/restapis/a1/bogus']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^no operation: GET \/restapis\/a1\/bogus matches no operation of apigateway 2015-07-09, apigatewayv2 2018-11-29/);
  });

  it('lists every operation of both services as JSON', () => {
    const result = runCli(['contracts', 'list', '--json']);
    expect(result.status).toBe(0);
    const rows = JSON.parse(result.stdout) as { service: string; operation: string; successStatus: number }[];
    expect(rows.filter((row) => row.service === 'apigateway')).toHaveLength(124);
    expect(rows.filter((row) => row.service === 'apigatewayv2')).toHaveLength(103);
    expect(rows).toContainEqual({
      service: 'apigatewayv2',
      apiVersion: '2018-11-29',
      operation: 'CreateIntegrationResponse',
      method: 'POST',
      uri: '/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses',
      successStatus: 201,
    });
  });

  it('lists one service as text, and refuses an unknown one with exit 2', () => {
    const result = runCli(['contracts', 'list', '--service', 'apigatewayv2']);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('103 operations');
    const bad = runCli(['contracts', 'list', '--service', 'eks']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/no contracts for service "eks"; loaded: apigateway, apigatewayv2/);
  });

  it('shows one contract with the definitions it refers to', () => {
    const result = runCli(['contracts', 'show', 'apigateway.GetIntegrationResponse']);
    expect(result.status).toBe(0);
    const shown = JSON.parse(result.stdout) as { http: unknown; definitions: Record<string, unknown>; provenance: { uid: string } };
    expect(shown.http).toEqual({
      method: 'GET',
      uri: '/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration/responses/{status_code}',
      successStatus: 200,
      // The v1 model declares no responseCode here: 200 is botocore's default.
      implicitStatus: true,
    });
    expect(Object.keys(shown.definitions)).toEqual(expect.arrayContaining(['ContentHandlingStrategy', 'MapOfStringToString', 'StatusCode']));
    expect(shown.provenance.uid).toBe('apigateway-2015-07-09');
  });

  it('refuses an ambiguous or unknown operation name with exit 2', () => {
    const ambiguous = runCli(['contracts', 'show', 'UpdateIntegration']);
    expect(ambiguous.status).toBe(2);
    expect(ambiguous.stderr).toMatch(/ambiguous: apigateway.UpdateIntegration, apigatewayv2.UpdateIntegration/);
  });

  it('prints --help with an example, and exits 2 on a missing argument', () => {
    const help = runCli(['contracts', 'route', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
    const missing = runCli(['contracts', 'route', 'GET']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Not enough non-option arguments/);
  });

  it('generates from a model and names a bad model file without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapegate-cli-'));
    try {
      const bad = join(dir, 'service-2.json');
      writeFileSync(bad, 'not json at all');
      const result = runCli(['contracts', 'generate', '--botocore', bad, '--out', join(dir, 'out')]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^tapegate: Failed to read botocore model ".*service-2\.json": not JSON/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      const ec2 = { metadata: { apiVersion: '2016-11-15', protocol: 'ec2', uid: 'x-2016-11-15' }, operations: {}, shapes: {} };
      writeFileSync(bad, JSON.stringify(ec2));
      const other = runCli(['contracts', 'generate', '--botocore', bad, '--out', join(dir, 'out')]);
      expect(other.status).toBe(2);
      expect(other.stderr).toMatch(/protocol ec2 is not supported; tapegate generates json, query, rest-json, rest-xml contracts only/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('regenerates the committed contracts byte for byte when the botocore models are beside the project', () => {
    const models = join(process.cwd(), '..', 'shared', 'models', 'botocore-1.43.67');
    let present = true;
    try {
      readFileSync(join(models, 'apigateway', '2015-07-09', 'service-2.json'));
    } catch {
      present = false;
    }
    // The models are data the project must not commit; CI has them beside the clone.
    if (!present) return;
    const out = mkdtempSync(join(tmpdir(), 'tapegate-regen-'));
    try {
      const result = runCli(['contracts', 'generate', '--botocore', models, '--out', out]);
      expect(result.status).toBe(0);
      for (const name of ['apigateway-2015-07-09.json', 'apigatewayv2-2018-11-29.json']) {
        expect(readFileSync(join(out, name), 'utf8')).toBe(readFileSync(join('contracts', 'generated', name), 'utf8'));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
