/**
 * The bundled v2 overlays for integration parameter keys, case by case on the real Validator:
 * which form an integration's requestParameters keys must take, given what the recording says
 * (the ValidationContext) and what the body itself says (integrationSubtype). When the recording
 * does not say, every form one of the possibilities allows is accepted, and nothing else.
 * End to end through the SDK and the proxy: test/v2-parameter-rules.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ValidationContext } from './learned-apis.js';
import { bundledContracts } from './load.js';
import { Validator } from './validator.js';

const validator = new Validator(bundledContracts());

/** The pointers of the findings an UpdateIntegration (or, with `create`, CreateIntegration) request gets. */
function flagged(body: Record<string, unknown>, context: ValidationContext, create = false): string[] {
  const request = {
    method: create ? 'POST' : 'PATCH',
    path: create ? '/v2/apis/a1/integrations' : '/v2/apis/a1/integrations/i1',
    query: {},
    headers: { 'content-type': 'application/json' },
    body: { kind: 'json' as const, value: create ? { integrationType: 'AWS_PROXY', ...body } : body },
  };
  const findings = validator.validate({ request }, create ? 'apigatewayv2.CreateIntegration' : 'apigatewayv2.UpdateIntegration', context);
  for (const finding of findings) expect(finding).toMatchObject({ code: 'pattern-mismatch', severity: 'error' });
  return findings.map((finding) => finding.path);
}

const keys = (...names: string[]): Record<string, string> => Object.fromEntries(names.map((name) => [name, 'v']));
const at = (...names: string[]): string[] => names.map((name) => `/body/requestParameters/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);

const HTTP_KEYS = ['append:header.x-a', 'overwrite:header.x-b', 'remove:header.x-c', 'append:querystring.q', 'remove:querystring.page[1]', 'overwrite:path'];
const WS_KEYS = ['integration.request.header.connectionId', 'integration.request.querystring.q', 'integration.request.path.id'];

describe('v2 integration requestParameters keys', () => {
  it('HTTP API, no subtype: <action>:header|querystring.<name> and overwrite:path (AWS docs), nothing else', () => {
    const http: ValidationContext = { protocolType: 'HTTP', integrationSubtype: null };
    expect(flagged({ requestParameters: keys(...HTTP_KEYS) }, http)).toEqual([]);
    const wrong = ['overwrite:path.id', 'remove:path', 'append:body.x', 'replace:header.x', 'append:header.', 'QueueUrl', ...WS_KEYS.slice(0, 1), 'a/b~c'];
    expect(flagged({ requestParameters: keys(...wrong) }, http).sort()).toEqual(at(...wrong).sort());
  });

  it('WebSocket API: integration.request.{header|querystring|path}.{name}', () => {
    const ws: ValidationContext = { protocolType: 'WEBSOCKET', integrationSubtype: null };
    expect(flagged({ requestParameters: keys(...WS_KEYS) }, ws)).toEqual([]);
    expect(flagged({ requestParameters: keys('append:header.x', 'integration.request.body.x', 'method.request.header.x') }, ws).sort()).toEqual(
      at('append:header.x', 'integration.request.body.x', 'method.request.header.x').sort(),
    );
  });

  it('a subtype in the body decides over the protocol; an unlisted subtype is not checked', () => {
    const sqs = { integrationSubtype: 'SQS-SendMessage', requestParameters: keys('QueueUrl', 'MessageBody', 'Region', 'append:header.x', 'StreamName') };
    expect(flagged(sqs, { protocolType: 'HTTP' }, true)).toEqual(at('append:header.x', 'StreamName'));
    expect(flagged({ ...sqs, integrationSubtype: 'StepFunctions-StartExecution' }, {}, true)).toEqual(at('QueueUrl', 'MessageBody', 'append:header.x', 'StreamName'));
    expect(flagged({ ...sqs, integrationSubtype: 'Future-Action' }, { protocolType: 'HTTP' }, true)).toEqual([]);
  });

  it('an update without integrationSubtype keeps the recorded subtype, or none', () => {
    const body = { requestParameters: keys('QueueUrl', 'append:header.x') };
    expect(flagged(body, { protocolType: 'HTTP', integrationSubtype: 'SQS-SendMessage' })).toEqual(at('append:header.x'));
    expect(flagged(body, { protocolType: 'HTTP', integrationSubtype: null })).toEqual(at('QueueUrl'));
    // Created with a body that sends no subtype: it has none.
    expect(flagged(body, { protocolType: 'HTTP' }, true)).toEqual(at('QueueUrl'));
  });

  it('what the recording does not say, every possibility may hold: their forms are accepted, other keys are not', () => {
    const mixed = keys(...HTTP_KEYS, ...WS_KEYS, 'QueueUrl', 'DetailType');
    expect(flagged({ requestParameters: mixed }, {})).toEqual([]);
    expect(flagged({ requestParameters: keys('whatever', 'append:header.x') }, {})).toEqual(at('whatever'));
    // HTTP known, subtype unknown: HTTP forms or subtype parameters, not the WebSocket form.
    expect(flagged({ requestParameters: keys('QueueUrl', 'append:header.x', ...WS_KEYS.slice(0, 1)) }, { protocolType: 'HTTP' })).toEqual(at(...WS_KEYS.slice(0, 1)));
    // A create on an API of unknown protocol: HTTP or WebSocket forms (no subtype was sent).
    expect(flagged({ requestParameters: keys('QueueUrl', 'append:header.x', ...WS_KEYS) }, {}, true)).toEqual(at('QueueUrl'));
    const [finding] = validator.validate(
      {
        request: {
          method: 'PATCH',
          path: '/v2/apis/a1/integrations/i1',
          query: {},
          headers: { 'content-type': 'application/json' },
          body: { kind: 'json', value: { requestParameters: { x: 'v' } } },
        },
      },
      'apigatewayv2.UpdateIntegration',
    );
    expect(finding?.message).toBe(
      'key "x" is not a form AWS accepts here; expected append|overwrite|remove:header.{name}, append|overwrite|remove:querystring.{name} or overwrite:path, integration.request.{header|querystring|path}.{name}, or an integration subtype\'s parameter names (the recording does not say which of them applies)',
    );
  });
});

describe('v2 integration responseParameters', () => {
  it('selection keys 200-599, each with <action>:header.<name> or overwrite:statuscode', () => {
    const responseParameters = {
      '200': { 'overwrite:statuscode': '204', 'remove:header.x': 'v' },
      '599': { 'append:header.y': 'v' },
      '199': {},
      '600': {},
      '2xx': {},
      '404': { 'overwrite.statuscode': '403', 'overwrite:header': 'v' },
    };
    expect(flagged({ responseParameters }, {}).sort()).toEqual(
      [
        '/body/responseParameters/199',
        '/body/responseParameters/600',
        '/body/responseParameters/2xx',
        '/body/responseParameters/404/overwrite.statuscode',
        '/body/responseParameters/404/overwrite:header',
      ].sort(),
    );
  });
});
