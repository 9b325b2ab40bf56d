/**
 * LearnedApis: what a recording says about its v2 APIs, learned only from successful v2
 * answers: an API's protocol type (from any answer naming apiId and protocolType, list items
 * included) and an integration's subtype, or that it has none; never from a request, a failed
 * answer, another service's traffic, or a protocol type it does not know.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../core/exchange.js';
import { LearnedApis } from './learned-apis.js';

function answered(
  operation: string | null,
  method: string,
  path: string,
  status: number,
  body: unknown,
  requestBody: unknown = undefined,
): Pick<Exchange, 'operation' | 'request' | 'response'> {
  return {
    operation,
    request: { method, path, query: {}, headers: {}, body: requestBody === undefined ? { kind: 'empty' } : { kind: 'json', value: requestBody } },
    response: { status, headers: { 'content-type': 'application/json' }, body: { kind: 'json', value: body } },
  };
}

const about = (path: string): Pick<Exchange, 'request'> => ({ request: { method: 'GET', path, query: {}, headers: {}, body: { kind: 'empty' } } });

describe('LearnedApis', () => {
  it('learns protocol types from CreateApi, GetApi and GetApis answers', () => {
    const learned = new LearnedApis();
    learned.learn(answered('apigatewayv2.CreateApi', 'POST', '/v2/apis', 201, { apiId: 'h1', protocolType: 'HTTP' }));
    learned.learn(
      answered('apigatewayv2.GetApis', 'GET', '/v2/apis', 200, {
        items: [
          { apiId: 'w1', protocolType: 'WEBSOCKET' },
          { apiId: 'h2', protocolType: 'HTTP' },
        ],
      }),
    );
    expect(learned.contextFor(about('/v2/apis/h1/integrations/i1'))).toEqual({ protocolType: 'HTTP' });
    expect(learned.contextFor(about('/v2/apis/w1'))).toEqual({ protocolType: 'WEBSOCKET' });
    expect(learned.contextFor(about('/v2/apis/h2/routes'))).toEqual({ protocolType: 'HTTP' });
    expect(learned.contextFor(about('/v2/apis/other/integrations'))).toEqual({});
    expect(learned.contextFor(about('/restapis/h1/resources'))).toEqual({});
  });

  it('learns nothing from a request, a failed answer, another service or an unknown protocol type', () => {
    const learned = new LearnedApis();
    learned.learn(answered('apigatewayv2.CreateApi', 'POST', '/v2/apis', 400, { message: 'bad' }, { apiId: 'a1', protocolType: 'HTTP' }));
    learned.learn(answered('apigatewayv2.CreateApi', 'POST', '/v2/apis', 201, { apiId: 'a2', protocolType: 'GRPC' }));
    learned.learn(answered('appsync.CreateApi', 'POST', '/v2/apis', 200, { apiId: 'a3', protocolType: 'HTTP' }));
    learned.learn(answered(null, 'GET', '/v2/apis/a4', 200, { apiId: 'a4', protocolType: 'HTTP' }));
    for (const id of ['a1', 'a2', 'a3', 'a4']) expect(learned.contextFor(about(`/v2/apis/${id}`)), id).toEqual({});
  });

  it("learns each integration's subtype, or that it has none, from the answers about integrations", () => {
    const learned = new LearnedApis();
    learned.learn(answered('apigatewayv2.CreateIntegration', 'POST', '/v2/apis/h1/integrations', 201, { integrationId: 'sq5', integrationSubtype: 'SQS-SendMessage' }));
    learned.learn(answered('apigatewayv2.GetIntegrations', 'GET', '/v2/apis/h1/integrations', 200, { items: [{ integrationId: 'px1', integrationType: 'HTTP_PROXY' }] }));
    learned.learn(answered('apigatewayv2.GetIntegration', 'GET', '/v2/apis/h%2F2/integrations/i%2B1', 200, { integrationId: 'i+1', integrationSubtype: 'Kinesis-PutRecord' }));
    expect(learned.contextFor(about('/v2/apis/h1/integrations/sq5'))).toEqual({ integrationSubtype: 'SQS-SendMessage' });
    expect(learned.contextFor(about('/v2/apis/h1/integrations/px1'))).toEqual({ integrationSubtype: null });
    expect(learned.contextFor(about('/v2/apis/h1/integrations/px1/integrationresponses'))).toEqual({ integrationSubtype: null });
    expect(learned.contextFor(about('/v2/apis/h%2F2/integrations/i%2B1'))).toEqual({ integrationSubtype: 'Kinesis-PutRecord' });
    expect(learned.contextFor(about('/v2/apis/h1/integrations/unseen'))).toEqual({});
    // An integration response's answer names no integration of its own.
    learned.learn(answered('apigatewayv2.GetIntegrationResponses', 'GET', '/v2/apis/h1/integrations/zz9/integrationresponses', 200, { items: [{ integrationResponseId: 'r1' }] }));
    expect(learned.contextFor(about('/v2/apis/h1/integrations/zz9'))).toEqual({});
  });
});
