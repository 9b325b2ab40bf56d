/**
 * Realistic API Gateway exchanges (v1 and v2 integration responses, integrations, an
 * error), deterministic per sequence number. Used by the store's tests and by
 * bench/cassette-open.ts, which needs the shapes and sizes of real traffic.
 */
import type { Exchange, RecordedRequest, RecordedResponse } from '../../../core/exchange.js';
import { createHeader, type CassetteHeader } from '../../../cassettes/format/format.js';

export function sampleHeader(): CassetteHeader {
  return createHeader({
    toolVersion: '0.1.0',
    createdAt: new Date(Date.UTC(2025, 0, 1)),
    services: [
      { service: 'apigateway', apiVersion: '2015-07-09' },
      { service: 'apigatewayv2', apiVersion: '2018-11-29', contractSha256: 'ab'.repeat(32) },
    ],
  });
}

function requestHeaders(seq: number, json: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    host: 'apigateway.us-east-1.amazonaws.com',
    'user-agent': 'aws-sdk-js/3.1142.0 ua/2.1 os/linux#6.1 lang/js md/nodejs#20.20.2 api/api-gateway#3.1142.0',
    'amz-sdk-invocation-id': `6f1c2d3e-${(seq % 10000).toString().padStart(4, '0')}-4a5b-8c9d-0e1f2a3b4c5d`,
    'amz-sdk-request': 'attempt=1; max=3',
    'x-amz-date': '20250101T000000Z',
    'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    accept: 'application/json',
  };
  if (json) headers['content-type'] = 'application/json';
  return headers;
}

function responseHeaders(seq: number, status: number): Record<string, string> {
  const headers: Record<string, string> = {
    date: 'Wed, 01 Jan 2025 00:00:00 GMT',
    'content-type': 'application/json',
    'x-amzn-requestid': `3f2a${(seq % 100000).toString(16).padStart(5, '0')}-aaaa-4bbb-8ccc-1234567890ab`,
    'x-amz-apigw-id': `Eo${seq.toString(36).padStart(6, '0')}FdA=`,
  };
  if (status >= 400) headers['x-amzn-errortype'] = 'NotFoundException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/';
  return headers;
}

const template = (seq: number): string => `#set($inputRoot = $input.path('$'))\n{\n  "id": "$inputRoot.id",\n  "item": ${seq},\n  "ts": "$context.requestTime"\n}`;

/** The request and response of one of five operations, picked by `seq`. */
function traffic(seq: number): { operation: string; request: Omit<RecordedRequest, 'headers'>; response: RecordedResponse } {
  const api = `a${(seq % 97).toString(36).padStart(9, '0')}`;
  const resource = `r${(seq % 1013).toString(36).padStart(5, '0')}`;
  const status = ['200', '400', '500'][seq % 3] ?? '200';
  const v1Response = {
    statusCode: status,
    selectionPattern: status === '200' ? '' : `.*"status":${status}.*`,
    responseParameters: {
      'method.response.header.Access-Control-Allow-Origin': "'*'",
      'method.response.header.X-Request-Id': 'integration.response.header.x-request-id',
    },
    responseTemplates: { 'application/json': template(seq) },
    contentHandling: 'CONVERT_TO_TEXT',
  };
  const v1Path = `/restapis/${api}/resources/${resource}/methods/GET/integration/responses/${status}`;
  const v2Base = `/v2/apis/${api}/integrations/i${seq.toString(36)}`;
  const empty = { kind: 'empty' } as const;
  switch (seq % 5) {
    case 0:
      return {
        operation: 'apigateway.GetIntegrationResponse',
        request: { method: 'GET', path: v1Path, query: {}, body: empty },
        response: { status: 200, headers: responseHeaders(seq, 200), body: { kind: 'json', value: v1Response } },
      };
    case 1: {
      const patch = { patchOperations: [{ op: 'replace', path: '/responseTemplates/application~1json', value: template(seq) }] };
      return {
        operation: 'apigateway.UpdateIntegrationResponse',
        request: { method: 'PATCH', path: v1Path, query: {}, body: { kind: 'json', value: patch } },
        response: { status: 200, headers: responseHeaders(seq, 200), body: { kind: 'json', value: v1Response } },
      };
    }
    case 2: {
      const create = { integrationResponseKey: `/${status}/`, responseTemplates: { 'application/json': template(seq) }, templateSelectionExpression: '$request.body.action' };
      return {
        operation: 'apigatewayv2.CreateIntegrationResponse',
        request: { method: 'POST', path: `${v2Base}/integrationresponses`, query: {}, body: { kind: 'json', value: create } },
        response: { status: 201, headers: responseHeaders(seq, 201), body: { kind: 'json', value: { ...create, integrationResponseId: `ir${seq.toString(36)}` } } },
      };
    }
    case 3: {
      const integration = {
        integrationType: 'HTTP_PROXY',
        integrationMethod: 'ANY',
        integrationUri: `https://backend-${seq % 7}.example.com/{proxy}`,
        timeoutInMillis: 29000,
        payloadFormatVersion: '1.0',
        requestParameters: { 'overwrite:header.x-stage': '$context.stage' },
      };
      return {
        operation: 'apigatewayv2.UpdateIntegration',
        request: { method: 'PATCH', path: v2Base, query: {}, body: { kind: 'json', value: { timeoutInMillis: 29000 } } },
        response: {
          status: 200,
          headers: responseHeaders(seq, 200),
          body: { kind: 'json', value: { ...integration, integrationId: `i${seq.toString(36)}`, connectionType: 'INTERNET' } },
        },
      };
    }
    default:
      return {
        operation: 'apigateway.GetIntegrationResponse',
        request: { method: 'GET', path: v1Path, query: { embed: ['item'] }, body: empty },
        response: { status: 404, headers: responseHeaders(seq, 404), body: { kind: 'json', value: { message: 'Invalid Integration identifier specified' } } },
      };
  }
}

export function sampleExchange(seq: number): Exchange {
  const { operation, request, response } = traffic(seq);
  return {
    seq,
    operation,
    request: { ...request, headers: requestHeaders(seq, request.body.kind !== 'empty') },
    response,
    timing: { startedAt: new Date(Date.UTC(2025, 0, 1) + seq * 37).toISOString(), durationMs: 40 + (seq % 113) / 4 },
  };
}
