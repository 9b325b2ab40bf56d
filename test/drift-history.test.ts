/**
 * Drift on real history: contracts generated from botocore 1.29.39 (v1) and 1.21.19 (v2)
 * against 1.43.67 (see test/fixtures/drift/README.md). Every change asserted here was
 * read off the models themselves (new members, new enum values, new operations).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readContractFile } from '../contracts/load.js';
import { compareServiceContracts } from '../drift/compare-contracts.js';
import { runDrift } from '../drift/run.js';
import type { DriftChange } from '../drift/types.js';
import { driftBrief, type DriftBrief } from './support/drift-brief.js';

const path = (name: string) => fileURLToPath(new URL(`./fixtures/drift/${name}`, import.meta.url));
const V1_OLD = path('apigateway-2015-07-09@1.29.39.json');
const V1_NEW = path('apigateway-2015-07-09@1.43.67.json');
const V2_OLD = path('apigatewayv2-2018-11-29@1.21.19.json');
const V2_NEW = path('apigatewayv2-2018-11-29@1.43.67.json');

const byKey = (a: DriftBrief, b: DriftBrief) => JSON.stringify(a).localeCompare(JSON.stringify(b));

async function drift(from: string, to: string, strictResponses = false) {
  const result = await compareServiceContracts(readContractFile(from), readContractFile(to), { strictResponses });
  expect(result.stats.disagreements).toEqual([]);
  return result;
}

function of(changes: DriftChange[], operation: string) {
  return changes
    .filter((change) => change.operation === operation)
    .map(driftBrief)
    .sort(byKey);
}

describe('apigatewayv2 1.21.19 → 1.43.67', () => {
  it('reports exactly the changes the models show, classified by direction', async () => {
    const { changes } = await drift(V2_OLD, V2_NEW);
    const expected = [
      { operation: 'apigatewayv2.CreateApi', side: 'request', pointer: '/body/ipAddressType', code: 'member-added', severity: 'info' },
      { operation: 'apigatewayv2.CreateApi', side: 'response', pointer: '/body/ipAddressType', code: 'member-added', severity: 'warn' },
      { operation: 'apigatewayv2.CreatePortal', side: 'request', pointer: '', code: 'operation-added', severity: 'info' },
      { operation: 'apigatewayv2.GetApi', side: 'response', pointer: '/body/ipAddressType', code: 'member-added', severity: 'warn' },
      { operation: 'apigatewayv2.GetDomainName', side: 'response', pointer: '/body/domainNameArn', code: 'member-added', severity: 'warn' },
      { operation: 'apigatewayv2.GetDomainName', side: 'response', pointer: '/body/domainNameConfigurations/*/ipAddressType', code: 'member-added', severity: 'warn' },
      { operation: 'apigatewayv2.GetDomainName', side: 'response', pointer: '/body/routingMode', code: 'member-added', severity: 'warn' },
    ];
    expect(changes.map(driftBrief).sort(byKey)).toEqual(expected);
  });

  it('says nothing about operations that did not change (the seed operations among them)', async () => {
    const { changes, operations } = await drift(V2_OLD, V2_NEW);
    for (const name of ['CreateIntegrationResponse', 'UpdateIntegrationResponse', 'UpdateIntegration', 'GetRoute', 'GetStage', 'DeleteApi']) {
      expect(operations).toContain(`apigatewayv2.${name}`);
      expect(of(changes, `apigatewayv2.${name}`)).toEqual([]);
    }
  });
});

describe('apigateway 1.29.39 → 1.43.67', () => {
  it('GetDomainName: new response members and enum values are warn, a new query member is info', async () => {
    const { changes } = await drift(V1_OLD, V1_NEW);
    const response = (pointer: string, code = 'member-added') => ({ operation: 'apigateway.GetDomainName', side: 'response', pointer, code, severity: 'warn' });
    expect(of(changes, 'apigateway.GetDomainName')).toEqual(
      [
        { operation: 'apigateway.GetDomainName', side: 'request', pointer: '/query/domainNameId', code: 'member-added', severity: 'info' },
        ...['domainNameArn', 'domainNameId', 'endpointAccessMode', 'managementPolicy', 'policy', 'routingMode', 'endpointConfiguration/ipAddressType'].map((m) =>
          response(`/body/${m}`),
        ),
        response('/body/domainNameStatus', 'enum-value-added'),
        response('/body/securityPolicy', 'enum-value-added'),
      ].sort(byKey),
    );
    const status = changes.find((c) => c.operation === 'apigateway.GetDomainName' && c.pointer === '/body/domainNameStatus')!;
    expect(status.before).not.toContain('FAILED');
    expect(status.after).toContain('FAILED');
    expect(status.message).toMatch(/may now be "FAILED"/);
  });

  it('SecurityPolicy gained values: info where clients send it, warn where AWS sends it', async () => {
    const { changes } = await drift(V1_OLD, V1_NEW);
    const create = of(changes, 'apigateway.CreateDomainName').filter((c) => c.pointer === '/body/securityPolicy');
    expect(create).toEqual([
      { operation: 'apigateway.CreateDomainName', side: 'request', pointer: '/body/securityPolicy', code: 'enum-value-added', severity: 'info' },
      { operation: 'apigateway.CreateDomainName', side: 'response', pointer: '/body/securityPolicy', code: 'enum-value-added', severity: 'warn' },
    ]);
  });

  it('new members: CreateRestApi request (info) and response (warn), nested ones under their parent', async () => {
    const { changes } = await drift(V1_OLD, V1_NEW);
    const createRestApi = of(changes, 'apigateway.CreateRestApi');
    expect(createRestApi).toContainEqual({ operation: 'apigateway.CreateRestApi', side: 'request', pointer: '/body/securityPolicy', code: 'member-added', severity: 'info' });
    expect(createRestApi).toContainEqual({
      operation: 'apigateway.CreateRestApi',
      side: 'request',
      pointer: '/body/endpointConfiguration/ipAddressType',
      code: 'member-added',
      severity: 'info',
    });
    expect(createRestApi).toContainEqual({ operation: 'apigateway.CreateRestApi', side: 'response', pointer: '/body/rootResourceId', code: 'member-added', severity: 'warn' });
    expect(createRestApi).toContainEqual({ operation: 'apigateway.CreateRestApi', side: 'response', pointer: '/body/apiStatus', code: 'member-added', severity: 'warn' });
    expect(of(changes, 'apigateway.GetIntegration')).toEqual([
      { operation: 'apigateway.GetIntegration', side: 'response', pointer: '/body/integrationTarget', code: 'member-added', severity: 'warn' },
      { operation: 'apigateway.GetIntegration', side: 'response', pointer: '/body/responseTransferMode', code: 'member-added', severity: 'warn' },
    ]);
    expect(of(changes, 'apigateway.GetMethod').map((c) => c.pointer)).toEqual(['/body/methodIntegration/integrationTarget', '/body/methodIntegration/responseTransferMode']);
    expect(of(changes, 'apigateway.GetBasePathMapping')).toEqual([
      { operation: 'apigateway.GetBasePathMapping', side: 'request', pointer: '/query/domainNameId', code: 'member-added', severity: 'info' },
    ]);
  });

  it('a new operation is info, and nothing in the forward direction is breaking', async () => {
    const { changes } = await drift(V1_OLD, V1_NEW);
    expect(of(changes, 'apigateway.CreateDomainNameAccessAssociation')).toEqual([
      { operation: 'apigateway.CreateDomainNameAccessAssociation', side: 'request', pointer: '', code: 'operation-added', severity: 'info' },
    ]);
    expect(changes.filter((c) => c.severity === 'breaking')).toEqual([]);
  });

  it('says nothing about operations that did not change (the seed operations among them)', async () => {
    const { changes, operations } = await drift(V1_OLD, V1_NEW);
    for (const name of ['GetIntegrationResponse', 'UpdateIntegrationResponse', 'PutIntegrationResponse', 'DeleteRestApi', 'GetApiKey', 'GetStage']) {
      expect(operations).toContain(`apigateway.${name}`);
      expect(of(changes, `apigateway.${name}`)).toEqual([]);
    }
  });

  it('read backwards, the same history is breaking: removed operation, request member and request enum values', async () => {
    const { changes } = await drift(V1_NEW, V1_OLD);
    expect(of(changes, 'apigateway.CreateDomainNameAccessAssociation')).toEqual([
      { operation: 'apigateway.CreateDomainNameAccessAssociation', side: 'request', pointer: '', code: 'operation-removed', severity: 'breaking' },
    ]);
    expect(of(changes, 'apigateway.CreateRestApi')).toContainEqual({
      operation: 'apigateway.CreateRestApi',
      side: 'request',
      pointer: '/body/securityPolicy',
      code: 'member-removed',
      severity: 'breaking',
    });
    expect(of(changes, 'apigateway.CreateDomainName')).toContainEqual({
      operation: 'apigateway.CreateDomainName',
      side: 'request',
      pointer: '/body/securityPolicy',
      code: 'enum-value-removed',
      severity: 'breaking',
    });
    expect(of(changes, 'apigateway.GetDomainName')).toContainEqual({
      operation: 'apigateway.GetDomainName',
      side: 'response',
      pointer: '/body/domainNameStatus',
      code: 'enum-value-removed',
      severity: 'info',
    });
  });

  it('with strictResponses, new response members are breaking', async () => {
    const { changes } = await drift(V1_OLD, V1_NEW, true);
    expect(of(changes, 'apigateway.GetIntegration').map((c) => c.severity)).toEqual(['breaking', 'breaking']);
    expect(of(changes, 'apigateway.GetBasePathMapping').map((c) => c.severity)).toEqual(['info']);
  });
});

describe('the newest contracts against themselves', () => {
  it('report no drift', async () => {
    for (const file of [V1_NEW, V2_NEW]) expect((await drift(file, file)).changes).toEqual([]);
  });
});

describe('runDrift on contract files', () => {
  it('names the comparison in the title', async () => {
    const report = await runDrift(V1_OLD, V1_NEW);
    expect(report.title).toBe('Comparing contracts: contracts apigateway 2015-07-09 (1.29.39) → (1.43.67)');
    expect(report.kind).toBe('contracts');
    expect(report.operations).toHaveLength(13);
  });
});
