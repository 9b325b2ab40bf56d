/**
 * Drift of recorded traffic: the same scenario recorded twice (as if the fake API Gateway
 * had changed between recordings), and recordings checked against real contracts.
 * Cassettes are written with the real store into a temp folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDrift } from '../drift/run.js';
import type { DriftChange } from '../drift/types.js';
import { writeBrokenV1Contracts } from './fixtures/broken-contracts.js';
import { writeCalls, type CallSpec } from './fixtures/drift/cassette-builder.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/drift/${name}`, import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapegate-drift-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const brief = ({ operation, side, pointer, code, severity, before, after }: DriftChange) => ({ operation, side, pointer, code, severity, before, after });

const INTEGRATION_RESPONSE = '/restapis/a1/resources/r1/methods/GET/integration/responses/200';

function scenario(changed: boolean): CallSpec[] {
  return [
    {
      operation: 'apigateway.GetIntegrationResponse',
      method: 'GET',
      path: INTEGRATION_RESPONSE,
      status: 200,
      response: changed
        ? { statusCode: '200', contentHandlingStrategy: 'CONVERT_TO_TEXT', responseTemplates: { 'application/json': '{}' } }
        : { statusCode: '200', contentHandling: 'CONVERT_TO_TEXT', responseTemplates: { 'application/json': '{}' } },
    },
    {
      operation: 'apigateway.GetRestApi',
      method: 'GET',
      path: '/restapis/a1',
      status: 200,
      response: changed ? { id: 'a1', name: 'demo', createdDate: 1780000000, rootResourceId: 'r0' } : { id: 'a1', name: 'demo', createdDate: 1767225600 },
    },
    // Ids, dates and counts differ between any two recordings: not drift.
    {
      operation: 'apigateway.GetRestApis',
      method: 'GET',
      path: '/restapis',
      status: 200,
      response: { item: [{ id: changed ? 'zz9' : 'a1', name: 'demo', createdDate: changed ? 1780000000 : 1767225600 }] },
    },
    changed
      ? {
          operation: 'apigateway.DeleteRestApi',
          method: 'DELETE',
          path: '/restapis/a1',
          status: 404,
          errorType: 'NotFoundException',
          response: { message: 'Invalid API identifier specified' },
        }
      : { operation: 'apigateway.DeleteRestApi', method: 'DELETE', path: '/restapis/a1', status: 202 },
  ];
}

describe('cassette against cassette', () => {
  it('reports exactly a renamed field, a new field and a different status', async () => {
    const before = join(dir, 'january.cassette');
    const after = join(dir, 'june.cassette');
    await writeCalls(before, scenario(false), '2026-01-01');
    await writeCalls(after, scenario(true), '2026-06-01');
    const report = await runDrift(before, after);
    expect(report.kind).toBe('cassettes');
    expect(report.title).toBe(`Comparing cassettes: ${before} (4 exchanges, recorded 2026-01-01) → ${after} (4 exchanges, recorded 2026-06-01)`);
    expect(report.changes.map(brief)).toEqual([
      { operation: 'apigateway.DeleteRestApi', side: 'response', pointer: '/status', code: 'status-changed', severity: 'breaking', before: 202, after: 404 },
      {
        operation: 'apigateway.GetIntegrationResponse',
        side: 'response',
        pointer: '/body/contentHandling',
        code: 'field-renamed',
        severity: 'warn',
        before: 'contentHandling',
        after: 'contentHandlingStrategy',
      },
      { operation: 'apigateway.GetRestApi', side: 'response', pointer: '/body/rootResourceId', code: 'field-added', severity: 'warn', before: null, after: 'r0' },
    ]);
    expect(report.changes[0]!.message).toMatch(/now answers 404 NotFoundException instead of 202/);
    expect(report.changes[0]!.exchanges).toEqual([{ cassette: 'january.cassette', seq: 3 }]);
  });

  it('reports nothing for the same scenario recorded twice unchanged', async () => {
    await writeCalls(join(dir, 'a.cassette'), scenario(false));
    await writeCalls(join(dir, 'b.cassette'), scenario(false));
    const report = await runDrift(join(dir, 'a.cassette'), join(dir, 'b.cassette'));
    expect(report.changes).toEqual([]);
    expect(report.operations).toHaveLength(4);
  });

  it('pairs by operation and order when requests differ, and names calls only one recording made', async () => {
    const call = (timeout: unknown, type: string): CallSpec => ({
      operation: 'apigatewayv2.UpdateIntegration',
      method: 'PATCH',
      path: '/v2/apis/x/integrations/i1',
      status: 200,
      request: { timeoutInMillis: timeout },
      response: { integrationId: 'i1', integrationType: type, timeoutInMillis: timeout },
    });
    await writeCalls(join(dir, 'a.cassette'), [
      call(29000, 'HTTP_PROXY'),
      { operation: 'apigatewayv2.GetApis', method: 'GET', path: '/v2/apis', status: 200, response: { items: [] } },
    ]);
    await writeCalls(join(dir, 'b.cassette'), [
      call('29000', 'AWS_PROXY'),
      { operation: 'apigatewayv2.GetRoutes', method: 'GET', path: '/v2/apis/x/routes', status: 200, response: { items: [] } },
    ]);
    const report = await runDrift(join(dir, 'a.cassette'), join(dir, 'b.cassette'));
    expect(report.changes.map(brief)).toEqual([
      {
        operation: 'apigatewayv2.UpdateIntegration',
        side: 'response',
        pointer: '/body/timeoutInMillis',
        code: 'value-type-changed',
        severity: 'breaking',
        before: 'number',
        after: 'string',
      },
      {
        operation: 'apigatewayv2.UpdateIntegration',
        side: 'response',
        pointer: '/body/integrationType',
        code: 'enum-like-value-changed',
        severity: 'warn',
        before: 'HTTP_PROXY',
        after: 'AWS_PROXY',
      },
      {
        operation: 'apigatewayv2.UpdateIntegration',
        side: 'request',
        pointer: '/body/timeoutInMillis',
        code: 'value-type-changed',
        severity: 'info',
        before: 'number',
        after: 'string',
      },
      { operation: 'apigatewayv2.GetApis', side: 'request', pointer: '', code: 'exchange-gone', severity: 'info', before: 'GET /v2/apis', after: null },
      { operation: 'apigatewayv2.GetRoutes', side: 'request', pointer: '', code: 'exchange-new', severity: 'info', before: null, after: 'GET /v2/apis/x/routes' },
    ]);
  });

  it('reports a fact repeated in many exchanges once, with a count', async () => {
    const list = (extra: boolean): CallSpec => ({
      operation: 'apigateway.GetRestApis',
      method: 'GET',
      path: '/restapis',
      status: 200,
      response: {
        item: [
          { id: 'a', ...(extra ? { apiStatus: 'AVAILABLE' } : {}) },
          { id: 'b', ...(extra ? { apiStatus: 'AVAILABLE' } : {}) },
        ],
      },
    });
    await writeCalls(join(dir, 'a.cassette'), [list(false), list(false), list(false)]);
    await writeCalls(join(dir, 'b.cassette'), [list(true), list(true), list(true)]);
    const report = await runDrift(join(dir, 'a.cassette'), join(dir, 'b.cassette'));
    expect(report.changes.map((c) => [c.pointer, c.code, c.count])).toEqual([['/body/item/*/apiStatus', 'field-added', 3]]);
  });
});

describe('cassette against contracts', () => {
  const recordedFromNewerApi: CallSpec[] = [
    {
      operation: 'apigatewayv2.GetApi',
      method: 'GET',
      path: '/v2/apis/api1',
      status: 200,
      response: { apiId: 'api1', name: 'demo', protocolType: 'HTTP', routeSelectionExpression: '$request.method $request.path', ipAddressType: 'dualstack' },
    },
    {
      operation: 'apigatewayv2.GetApi',
      method: 'GET',
      path: '/v2/apis/api2',
      status: 200,
      response: { apiId: 'api2', name: 'grpc', protocolType: 'GRPC', routeSelectionExpression: '$request.method $request.path' },
    },
    {
      operation: 'apigatewayv2.CreatePortal',
      method: 'POST',
      path: '/v2/portals',
      status: 201,
      request: {
        authorization: { none: {} },
        endpointConfiguration: { none: {} },
        portalContent: {
          displayName: 'docs',
          theme: { customColors: { accentColor: '#fff', backgroundColor: '#000', errorValidationColor: '#f00', headerColor: '#111', navigationColor: '#222', textColor: '#eee' } },
        },
      },
      response: { portalId: 'portal0001', publishStatus: 'DISABLED' },
    },
    {
      operation: 'apigatewayv2.UpdateIntegration',
      method: 'PATCH',
      path: '/v2/apis/api1/integrations/i1',
      status: 200,
      request: { timeoutInMillis: 'soon' },
      response: { integrationId: 'i1' },
    },
    {
      operation: 'apigatewayv2.CreateIntegrationResponse',
      method: 'POST',
      path: '/v2/apis/api1/integrations/i1/integrationresponses',
      status: 201,
      request: { integrationResponseKey: '/200/' },
      response: { integrationResponseId: 'r1', integrationResponseKey: '/200/' },
    },
  ];

  it('against older contracts: fields and operations AWS is ahead with, values they refuse', async () => {
    const cassette = join(dir, 'v2.cassette');
    await writeCalls(cassette, recordedFromNewerApi);
    const contracts = fixture('apigatewayv2-2018-11-29@1.21.19.json');
    const report = await runDrift(cassette, contracts);
    expect(report.kind).toBe('cassette-contracts');
    expect(report.title).toBe(`Comparing cassette against contracts: ${cassette} (5 exchanges, recorded 2026-01-01) → contracts apigatewayv2 2018-11-29 (1.21.19)`);
    expect(report.changes.map(brief)).toEqual([
      { operation: 'apigatewayv2.CreatePortal', side: 'request', pointer: '', code: 'operation-unknown', severity: 'breaking', before: null, after: null },
      {
        operation: 'apigatewayv2.UpdateIntegration',
        side: 'request',
        pointer: '/body/timeoutInMillis',
        code: 'exchange-invalid',
        severity: 'breaking',
        before: 'soon',
        after: null,
      },
      { operation: 'apigatewayv2.GetApi', side: 'response', pointer: '/body/ipAddressType', code: 'field-unknown', severity: 'warn', before: 'dualstack', after: null },
      { operation: 'apigatewayv2.GetApi', side: 'response', pointer: '/body/protocolType', code: 'enum-value-unknown', severity: 'warn', before: 'GRPC', after: null },
    ]);
    expect(report.operations).toEqual(['apigatewayv2.CreateIntegrationResponse', 'apigatewayv2.CreatePortal', 'apigatewayv2.GetApi', 'apigatewayv2.UpdateIntegration']);
  });

  it('against the contracts of the model that caught up, only what is still wrong remains', async () => {
    const cassette = join(dir, 'v2.cassette');
    await writeCalls(cassette, recordedFromNewerApi);
    const report = await runDrift(fixture('apigatewayv2-2018-11-29@1.43.67.json'), cassette);
    expect(report.title).toMatch(/^Comparing contracts against cassette: contracts apigatewayv2 2018-11-29 \(1\.43\.67\) → /);
    expect(report.changes.map((c) => [c.operation, c.pointer, c.code, c.severity, c.after])).toEqual([
      ['apigatewayv2.UpdateIntegration', '/body/timeoutInMillis', 'exchange-invalid', 'breaking', 'soon'],
      ['apigatewayv2.GetApi', '/body/protocolType', 'enum-value-unknown', 'warn', 'GRPC'],
    ]);
  });

  it('a folder of cassettes is read whole', async () => {
    await writeCalls(join(dir, 'one.cassette'), recordedFromNewerApi.slice(0, 1));
    await writeCalls(join(dir, 'two.cassette'), recordedFromNewerApi.slice(0, 1));
    const report = await runDrift(dir, fixture('apigatewayv2-2018-11-29@1.21.19.json'));
    expect(report.changes).toHaveLength(1);
    expect(report.changes[0]).toMatchObject({
      code: 'field-unknown',
      count: 2,
      exchanges: [
        { cassette: 'one.cassette', seq: 0 },
        { cassette: 'two.cassette', seq: 0 },
      ],
    });
  });
});

describe('cassette against contracts: exchanges the validator cannot check', () => {
  const INTEGRATION = '/restapis/a1/resources/r1/methods/GET/integration';

  it('an exchange whose contract does not compile is an exchange-unchecked change (breaking); the others are still checked', async () => {
    const cassette = join(dir, 'v1.cassette');
    await writeCalls(cassette, [
      { operation: 'apigateway.GetIntegrationResponse', method: 'GET', path: `${INTEGRATION}/responses/200`, status: 200, response: { statusCode: '200' } },
      { operation: 'apigateway.GetIntegration', method: 'GET', path: INTEGRATION, status: 200, response: { type: 'HTTP', newSetting: true } },
    ]);
    const report = await runDrift(cassette, writeBrokenV1Contracts(dir));
    expect(report.changes.map(brief)).toEqual([
      { operation: 'apigateway.GetIntegrationResponse', side: 'request', pointer: '', code: 'exchange-unchecked', severity: 'breaking', before: null, after: null },
      { operation: 'apigateway.GetIntegration', side: 'response', pointer: '/body/newSetting', code: 'field-unknown', severity: 'warn', before: true, after: null },
    ]);
    expect(report.changes[0]!.message).toMatch(
      /^tapegate could not check this recorded exchange against the contracts \(Failed to validate exchange #0: \w*Error: .*NoSuchShape.*\): whether it still fits is unknown\.$/,
    );
  });

  it('a clean exchange recorded without an operation counts under the operation it routes to', async () => {
    const cassette = join(dir, 'unnamed.cassette');
    await writeCalls(cassette, [{ operation: null, method: 'GET', path: INTEGRATION, status: 200, response: { type: 'HTTP' } }]);
    const report = await runDrift(cassette, fixture('apigateway-2015-07-09@1.43.67.json'));
    expect(report.changes).toEqual([]);
    expect(report.operations).toEqual(['apigateway.GetIntegration']);
  });
});
