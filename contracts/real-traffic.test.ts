/**
 * Issue 11, items 1 and 2: a corpus of correct-but-unusual exchanges, as real emulator suites
 * record them, gives no error finding (null members are absent, extra members are AWS ahead
 * of the model, other services in the cassette are not covered), while true deviations in
 * the same kind of traffic still give theirs.
 */
import { describe, expect, it } from 'vitest';
import type { Body, Exchange, RecordedRequest, RecordedResponse } from '../core/exchange.js';
import { exchangeFindings } from './exchange-findings.js';
import { Validator } from './validator.js';

const json = (value: unknown): Body => ({ kind: 'json', value });
const JSON_HEADERS = { 'content-type': 'application/json' };
const RESPONSE_PATH = '/restapis/a1/resources/r1/methods/GET/integration/responses/200';

let seq = 0;
function exchange(operation: string | null, request: Partial<RecordedRequest>, response: Partial<RecordedResponse>, service?: string): Exchange {
  return {
    seq: seq++,
    operation,
    ...(service === undefined ? {} : { service }),
    request: { method: 'GET', path: '/', query: {}, headers: {}, body: { kind: 'empty' }, ...request },
    response: { status: 200, headers: JSON_HEADERS, body: { kind: 'empty' }, ...response },
    timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
  };
}

const createApi = (body: unknown, response: unknown = { apiId: 'a1', name: 'a', protocolType: 'HTTP' }): Exchange =>
  exchange('apigatewayv2.CreateApi', { method: 'POST', path: '/v2/apis', headers: JSON_HEADERS, body: json(body) }, { status: 201, body: json(response) }, 'apigateway');

const getIntegrationResponse = (body: unknown): Exchange => exchange('apigateway.GetIntegrationResponse', { path: RESPONSE_PATH }, { body: json(body) }, 'apigateway');

const validator = new Validator();
const check = (ex: Exchange) => exchangeFindings(validator, ex);
const codes = (ex: Exchange) => check(ex).findings.map((f) => [f.severity, f.code, f.path]);
const errors = (ex: Exchange) => check(ex).findings.filter((f) => f.severity === 'error');

describe('null members are absent', () => {
  it('null optional members in a response are one null-member info listing the pointers', () => {
    const ex = getIntegrationResponse({ statusCode: '200', selectionPattern: null, contentHandling: null, responseTemplates: { 'application/json': null } });
    const { findings } = check(ex);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', code: 'null-member', side: 'response', path: '/body/selectionPattern' });
    expect(findings[0]!.message).toContain('3 null members');
    for (const pointer of ['/body/selectionPattern', '/body/contentHandling', '/body/responseTemplates/application~1json']) {
      expect(findings[0]!.message).toContain(`response ${pointer}`);
    }
    // The recorded exchange is not changed.
    expect((ex.response.body as { value: Record<string, unknown> }).value.selectionPattern).toBeNull();
  });

  it('null members on both sides still make one finding per exchange', () => {
    const ex = createApi(
      { name: 'a', protocolType: 'HTTP', description: null },
      { apiId: 'a1', name: 'a', protocolType: 'HTTP', description: null, tags: null, corsConfiguration: { allowOrigins: null } },
    );
    expect(codes(ex)).toEqual([['info', 'null-member', '/body/description']]);
    expect(check(ex).findings[0]!.message).toMatch(
      /^4 null members .*request \/body\/description, response \/body\/description, response \/body\/tags, response \/body\/corsConfiguration\/allowOrigins$/,
    );
  });

  it('a null required member is missing-required, on either side', () => {
    expect(codes(createApi({ name: null, protocolType: 'HTTP' }))).toEqual([
      ['error', 'missing-required', '/body/name'],
      ['info', 'null-member', '/body/name'],
    ]);
    expect(errors(createApi({ name: 'a', protocolType: null })).map((f) => f.code)).toEqual(['missing-required']);
  });

  it('a null in a declared error body is absent too', () => {
    const ex = exchange(
      'apigateway.GetIntegrationResponse',
      { path: RESPONSE_PATH },
      { status: 404, headers: { ...JSON_HEADERS, 'x-amzn-errortype': 'NotFoundException' }, body: json({ message: null }) },
      'apigateway',
    );
    expect(errors(ex)).toEqual([]);
  });
});

describe('correct-but-unusual traffic gives no error', () => {
  const corpus: [string, Exchange][] = [
    ['null members', getIntegrationResponse({ statusCode: '200', selectionPattern: null })],
    ['extra response members', getIntegrationResponse({ statusCode: '200', addedByAwsLater: { x: 1 } })],
    ['an empty body for an input without members', exchange('apigatewayv2.GetApis', { path: '/v2/apis', body: json({}) }, { body: json({ items: [] }) }, 'apigateway')],
    [
      'cognito-idp, recorded with its service',
      exchange(
        null,
        { method: 'POST', headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.CreateUserPool' }, body: json({ PoolName: 'p' }) },
        { body: json({ UserPool: {} }) },
        'cognito-idp',
      ),
    ],
    [
      'cloudformation, query protocol',
      exchange(
        null,
        { method: 'POST', body: { kind: 'bytes', bytes: new TextEncoder().encode('Action=DescribeStacks&Version=2010-05-15') } },
        { headers: { 'content-type': 'text/xml' }, body: { kind: 'bytes', bytes: new TextEncoder().encode('<DescribeStacksResponse/>') } },
        'cloudformation',
      ),
    ],
    ['eks, a rest-json path', exchange(null, { path: '/clusters' }, { body: json({ clusters: [] }) }, 'eks')],
    // Routed (by path alone) to apigateway.GetTags, whose tags are a map: its own service decides.
    [
      'another service on a path API Gateway also has',
      exchange('apigateway.GetTags', { path: '/tags/arn%3Aaws%3Aexample%3Aus-east-1%3A1%3Athing%2Ft' }, { body: json({ tags: [{ key: 'k', value: 'v' }] }) }, 'example'),
    ],
    [
      'cognito in an older cassette: X-Amz-Target only',
      exchange(null, { method: 'POST', headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.DeleteUserPool' }, body: json({ UserPoolId: 'p' }) }, { body: json({}) }),
    ],
    [
      'a query service in an older cassette: its AWS host',
      exchange(
        null,
        { method: 'POST', headers: { host: 'elasticache.us-east-1.amazonaws.com' }, body: { kind: 'bytes', bytes: new TextEncoder().encode('Action=DescribeCacheClusters') } },
        { body: { kind: 'empty' } },
      ),
    ],
  ];
  it.each(corpus)('%s', (_name, ex) => {
    expect(errors(ex)).toEqual([]);
  });

  it('other services are one uncovered-service info each, naming the service', () => {
    const uncovered = corpus.slice(3).map(([, ex]) => check(ex));
    expect(uncovered.map((result) => result.uncoveredService)).toEqual(['cognito-idp', 'cloudformation', 'eks', 'example', 'AWSCognitoIdentityProviderService', 'elasticache']);
    for (const result of uncovered) {
      expect(result.findings).toEqual([expect.objectContaining({ severity: 'info', code: 'uncovered-service', path: '' })]);
    }
  });
});

describe('true deviations still give theirs', () => {
  it('wrong types, enums and unknown API Gateway operations are errors', () => {
    expect(codes(getIntegrationResponse({ statusCode: 200 }))).toEqual([['error', 'invalid-type', '/body/statusCode']]);
    expect(errors(createApi({ name: 'a', protocolType: 'FTP' })).map((f) => [f.code, f.path])).toEqual([['invalid-enum', '/body/protocolType']]);
    // An API Gateway request (by its service, or with no service named) on no known path.
    expect(errors(exchange(null, { path: '/nowhere' }, {}, 'apigateway')).map((f) => f.code)).toEqual(['unknown-operation']);
    expect(errors(exchange(null, { path: '/nowhere' }, {})).map((f) => f.code)).toEqual(['unknown-operation']);
    expect(errors(exchange(null, { path: '/nowhere', headers: { host: 'apigateway.us-east-1.amazonaws.com' } }, {})).map((f) => f.code)).toEqual(['unknown-operation']);
  });

  it('a null list element is still a wrong type', () => {
    expect(errors(createApi({ name: 'a', protocolType: 'HTTP' }, { apiId: 'a1', corsConfiguration: { allowOrigins: [null] } })).map((f) => [f.code, f.path])).toEqual([
      ['invalid-type', '/body/corsConfiguration/allowOrigins/0'],
    ]);
  });
});
