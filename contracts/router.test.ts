import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TapegateError } from '../core/errors.js';
import { Router, type RoutableOperation } from './router.js';
import type { ServiceContract } from './types.js';
import { fillUri, parseRequestUri } from './uri-template.js';

/**
 * Every operation of both API Gateway services, straight from the botocore models next to
 * the project; the generated contracts stand in when the models are absent. Neither being
 * there is a failure, not a skip.
 */
const SERVICES = [
  { service: 'apigateway', version: '2015-07-09', count: 124 },
  { service: 'apigatewayv2', version: '2018-11-29', count: 103 },
];

interface BotocoreOperation {
  http: { method: string; requestUri: string; responseCode?: number };
}

function loadOperations(service: string, version: string): RoutableOperation[] {
  const model = new URL(`../../shared/models/botocore-1.43.67/${service}/${version}/service-2.json`, import.meta.url);
  if (existsSync(model)) {
    const json = JSON.parse(readFileSync(model, 'utf8')) as { operations: Record<string, BotocoreOperation> };
    return Object.entries(json.operations).map(([name, { http }]) => ({
      id: `${service}.${name}`,
      http: { method: http.method, uri: http.requestUri, successStatus: http.responseCode ?? 200 },
    }));
  }
  const generated = new URL(`./generated/${service}-${version}.json`, import.meta.url);
  if (existsSync(generated)) {
    return Object.values((JSON.parse(readFileSync(generated, 'utf8')) as ServiceContract).operations);
  }
  throw new Error(`neither the botocore model nor the generated contract for ${service} ${version} is present`);
}

const operations = SERVICES.flatMap(({ service, version }) => loadOperations(service, version));
const router = new Router(operations);

/** The query a request for `uri` carries: its query literals, plus an unrelated parameter. */
function queryFor(uri: string): Record<string, string[]> {
  const query: Record<string, string[]> = { limit: ['25'] };
  for (const [name, value] of Object.entries(parseRequestUri(uri).queryLiterals)) query[name] = [value];
  return query;
}

function labelValues(uri: string, sample: (name: string, greedy: boolean) => string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const s of parseRequestUri(uri).segments) if (s.kind === 'label') labels[s.name] = sample(s.name, s.greedy);
  return labels;
}

describe('Router over the real API Gateway models', () => {
  it.each(SERVICES)('loads every $service operation', ({ service, count }) => {
    expect(operations.filter((o) => o.id.startsWith(`${service}.`))).toHaveLength(count);
  });

  const samples: [string, (name: string, greedy: boolean) => string][] = [
    ['plain values', (name) => `${name}-1`],
    // `a b/c` travels as `a%20b%2Fc` in a plain label and keeps its slash in a greedy one.
    ['values needing percent-encoding', (name, greedy) => (greedy ? `${name} x/a b/c` : `a b/c?#%'${name}`)],
  ];

  describe.each(samples)('with %s', (_, sample) => {
    it.each(operations.map((o) => [o.id, o] as const))('routes %s back to itself', (id, { http }) => {
      const labels = labelValues(http.uri, sample);
      const [path = ''] = fillUri(http.uri, labels).split('?');
      expect(router.route(http.method, path, queryFor(http.uri))).toEqual({ operation: id, labels });
      expect(router.route(http.method.toLowerCase(), `${path}/`, queryFor(http.uri))).toEqual({ operation: id, labels });
    });
  });

  it('sends a label value through encoded and decoded', () => {
    const path = fillUri('/restapis/{restapi_id}/resources', { restapi_id: 'a b/c' });
    expect(path).toBe('/restapis/a%20b%2Fc/resources');
    expect(router.route('GET', path)).toEqual({ operation: 'apigateway.GetResources', labels: { restapi_id: 'a b/c' } });
  });

  it('routes the seed operations', () => {
    expect(router.route('PATCH', '/restapis/a1/resources/b2/methods/GET/integration/responses/200')).toEqual({
      operation: 'apigateway.UpdateIntegrationResponse',
      labels: { restapi_id: 'a1', resource_id: 'b2', http_method: 'GET', status_code: '200' },
    });
    expect(router.route('PATCH', '/v2/apis/a/integrations/i/integrationresponses/r')).toEqual({
      operation: 'apigatewayv2.UpdateIntegrationResponse',
      labels: { apiId: 'a', integrationId: 'i', integrationResponseId: 'r' },
    });
  });

  it('prefers the literal, yet lets a label take text that looks like a literal', () => {
    expect(router.route('GET', '/restapis/r1/resources')?.operation).toBe('apigateway.GetResources');
    expect(router.route('GET', '/restapis/resources/resources')).toEqual({
      operation: 'apigateway.GetResources',
      labels: { restapi_id: 'resources' },
    });
    expect(router.route('GET', '/restapis/restapis')?.operation).toBe('apigateway.GetRestApi');
    expect(router.route('GET', '/v2/apis/apis')).toEqual({ operation: 'apigatewayv2.GetApi', labels: { apiId: 'apis' } });
  });

  it.each([
    ['/restapis', undefined, 'apigateway.CreateRestApi'],
    ['/restapis', {}, 'apigateway.CreateRestApi'],
    ['/restapis', { mode: ['merge'] }, 'apigateway.CreateRestApi'],
    ['/restapis', { mode: ['import'] }, 'apigateway.ImportRestApi'],
    ['/restapis/', { mode: ['overwrite', 'import'], failonwarnings: ['true'] }, 'apigateway.ImportRestApi'],
    ['/apikeys', undefined, 'apigateway.CreateApiKey'],
    ['/apikeys', { mode: ['import'], format: ['csv'] }, 'apigateway.ImportApiKeys'],
  ])('POST %s with query %j is %s', (path, query, expected) => {
    expect(router.route('POST', path, query)).toEqual({ operation: expected, labels: {} });
  });

  it.each([
    ['GET', '/nothing/here'],
    ['GET', '/restapis/a/resources/b/unknown'],
    ['PUT', '/restapis'],
    ['BREW', '/restapis'],
    ['GET', '/v2'],
    ['GET', '/'],
    ['GET', ''],
    ['GET', 'restapis'],
    ['GET', '/restapis//resources'],
  ])('%s %j routes nowhere', (method, path) => {
    expect(router.route(method, path)).toBeNull();
  });

  it('answers null for a malformed percent escape, in a label or a literal', () => {
    expect(router.route('GET', '/restapis/%E0%A4%A')).toBeNull();
    expect(router.route('GET', '/restapis/%zz/resources')).toBeNull();
    expect(router.route('GET', '/rest%apis')).toBeNull();
  });

  it('ignores a trailing slash, compares decoded literals and drops a query string in the path', () => {
    expect(router.route('GET', '/restapis/')?.operation).toBe('apigateway.GetRestApis');
    expect(router.route('GET', '/v2/apis/abc/')).toEqual({ operation: 'apigatewayv2.GetApi', labels: { apiId: 'abc' } });
    expect(router.route('GET', '/rest%61pis')?.operation).toBe('apigateway.GetRestApis');
    expect(router.route('GET', '/restapis?limit=5')?.operation).toBe('apigateway.GetRestApis');
  });

  it('refuses a copy of a real operation under another id, naming both', () => {
    const copy = { id: 'apigateway.Clone', http: { method: 'patch', uri: '/v2/apis/{a}/integrations/{b}/integrationresponses/{c}', successStatus: 200 } };
    expect(() => new Router([...operations, copy])).toThrow(/apigatewayv2\.UpdateIntegrationResponse.*apigateway\.Clone/);
  });
});

/** A router over a few hand-written operations: `service.Name` ids, `METHOD /uri` specs. */
function synthetic(...specs: [id: string, spec: string][]): Router {
  return new Router(
    specs.map(([id, spec]) => {
      const [method = '', uri = ''] = spec.split(' ');
      return { id, http: { method, uri, successStatus: 200 } };
    }),
  );
}

describe('Router precedence (synthetic)', () => {
  it('prefers a literal to a label at any depth', () => {
    const r = synthetic(
      ['t.Special', 'GET /things/special'],
      ['t.Get', 'GET /things/{id}'],
      ['t.Deep', 'GET /things/{id}/parts/latest'],
      ['t.Part', 'GET /things/{id}/parts/{part}'],
    );
    expect(r.route('GET', '/things/special')).toEqual({ operation: 't.Special', labels: {} });
    expect(r.route('GET', '/things/other')).toEqual({ operation: 't.Get', labels: { id: 'other' } });
    expect(r.route('GET', '/things/x/parts/latest')).toEqual({ operation: 't.Deep', labels: { id: 'x' } });
    expect(r.route('GET', '/things/x/parts/p')).toEqual({ operation: 't.Part', labels: { id: 'x', part: 'p' } });
  });

  it('backtracks from a literal branch that dead-ends, dropping what it captured there', () => {
    const r = synthetic(['t.Lit', 'GET /a/b/{y}/z'], ['t.Lab', 'GET /a/{x}/c/w']);
    expect(r.route('GET', '/a/b/c/z')).toEqual({ operation: 't.Lit', labels: { y: 'c' } });
    expect(r.route('GET', '/a/b/c/w')).toEqual({ operation: 't.Lab', labels: { x: 'b' } });
    expect(r.route('GET', '/a/b/c/v')).toBeNull();
  });

  it('backtracks past a path that exists but ends in no operation', () => {
    const r = synthetic(['t.Long', 'GET /a/b/c'], ['t.Short', 'GET /a/{x}']);
    expect(r.route('GET', '/a/b')).toEqual({ operation: 't.Short', labels: { x: 'b' } });
  });

  it('prefers a plain label to a greedy one for a single segment', () => {
    const r = synthetic(['f.One', 'GET /files/{name}'], ['f.Many', 'GET /files/{key+}']);
    expect(r.route('GET', '/files/a')).toEqual({ operation: 'f.One', labels: { name: 'a' } });
    expect(r.route('GET', '/files/a/b')).toEqual({ operation: 'f.Many', labels: { key: 'a/b' } });
  });

  it('lets a greedy label take one or more segments, its pattern continuing or not', () => {
    const r = synthetic(['f.Get', 'GET /files/{key+}'], ['f.Meta', 'GET /files/{key+}/meta']);
    expect(r.route('GET', '/files/a')).toEqual({ operation: 'f.Get', labels: { key: 'a' } });
    expect(r.route('GET', '/files/a/b')).toEqual({ operation: 'f.Get', labels: { key: 'a/b' } });
    expect(r.route('GET', '/files/a/b/meta')).toEqual({ operation: 'f.Meta', labels: { key: 'a/b' } });
    // The continuing pattern wins, and the greedy label takes as much as it can.
    expect(r.route('GET', '/files/a/meta/meta')).toEqual({ operation: 'f.Meta', labels: { key: 'a/meta' } });
    expect(r.route('GET', '/files/a/meta/x')).toEqual({ operation: 'f.Get', labels: { key: 'a/meta/x' } });
    // `meta` alone leaves nothing for the key of f.Meta, so it is f.Get's key.
    expect(r.route('GET', '/files/meta')).toEqual({ operation: 'f.Get', labels: { key: 'meta' } });
    expect(r.route('GET', '/files/a%20b/c%2Fd/')).toEqual({ operation: 'f.Get', labels: { key: 'a b/c/d' } });
    expect(r.route('GET', '/files')).toBeNull();
    expect(r.route('GET', '/files/')).toBeNull();
  });

  it('round-trips a greedy value through fillUri', () => {
    const r = synthetic(['f.Meta', 'GET /files/{key+}/meta']);
    const labels = { key: 'dir a/b c/it’s' };
    expect(r.route('GET', fillUri('/files/{key+}/meta', labels))).toEqual({ operation: 'f.Meta', labels });
  });

  it('fills labels after a greedy one', () => {
    const r = synthetic(['x.Mid', 'GET /x/{a+}/{b}']);
    expect(r.route('GET', '/x/1/2/3')).toEqual({ operation: 'x.Mid', labels: { a: '1/2', b: '3' } });
    expect(r.route('GET', '/x/1')).toBeNull();
  });

  it('needs every query literal, prefers more of them, and takes a bare one by name', () => {
    const r = synthetic(['q.Import', 'POST /things?mode=import'], ['q.Both', 'POST /things?mode=import&fail=yes'], ['q.Up', 'POST /up?uploads']);
    expect(r.route('POST', '/things')).toBeNull();
    expect(r.route('POST', '/things', { mode: ['import'] })?.operation).toBe('q.Import');
    expect(r.route('POST', '/things', { mode: ['import'], fail: ['yes'] })?.operation).toBe('q.Both');
    expect(r.route('POST', '/things', { mode: ['merge'], fail: ['yes'] })).toBeNull();
    expect(r.route('POST', '/up', { uploads: [''] })?.operation).toBe('q.Up');
    expect(r.route('POST', '/up', {})).toBeNull();
  });
});

describe('Router construction', () => {
  it.each([
    ['labels count as equal', 'GET /a/{x}', 'GET /a/{y}'],
    ['method case does not matter', 'get /a', 'GET /a'],
    ['a trailing slash does not matter', 'GET /a/', 'GET /a'],
    ['query literals in any order', 'POST /a?m=1&n=2', 'POST /a?n=2&m=1'],
  ])('refuses two indistinguishable operations (%s), naming both', (_, first, second) => {
    const build = () => synthetic(['s.First', first], ['s.Second', second]);
    expect(build).toThrow(TapegateError);
    expect(build).toThrow(/"s\.First".*"s\.Second".*indistinguishable/);
  });

  it('accepts operations that differ by method, query literal or label kind', () => {
    expect(() => synthetic(['s.A', 'GET /a/{x}'], ['s.B', 'PUT /a/{x}'], ['s.C', 'GET /a/{x}?m=1'], ['s.D', 'GET /a/{x+}'])).not.toThrow();
  });

  it('keeps the first of two twins when asked to (a router over several services: two may share `GET /`)', () => {
    const r = new Router(
      [
        { id: 'a.Root', http: { method: 'GET', uri: '/', successStatus: 200 } },
        { id: 'b.Root', http: { method: 'GET', uri: '/', successStatus: 200 } },
        { id: 'b.Thing', http: { method: 'GET', uri: '/things/{id}', successStatus: 200 } },
      ],
      { twins: 'first' },
    );
    expect(r.route('GET', '/')?.operation).toBe('a.Root');
    expect(r.route('GET', '/things/1')?.operation).toBe('b.Thing');
  });

  it('names the operation whose uri it cannot parse', () => {
    expect(() => synthetic(['s.Bad', 'GET /a/pre{x}'])).toThrow(/"s\.Bad".*mixes a label/);
  });
});
