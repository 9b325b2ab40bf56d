/**
 * `npm run bench:contracts`: routing + validation throughput on one core, and the cold load
 * time of all contracts (measured in fresh processes, since a warm process would hide it).
 * Targets (issue 2): 100,000 exchanges a second; cold load under 300 ms.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RecordedRequest, RecordedResponse } from '../core/exchange.js';
import { loadContracts } from '../contracts/load.js';
import { Router } from '../contracts/router.js';
import { Validator } from '../contracts/validator.js';
import { machineLine, table } from './machine.js';

type Pair = { request: RecordedRequest; response: RecordedResponse };

const json = (value: unknown) => ({ kind: 'json' as const, value });
const req = (method: string, path: string, body: unknown = undefined, query: Record<string, string[]> = {}): RecordedRequest => ({
  method,
  path,
  query,
  headers: { 'content-type': 'application/json', 'x-amz-date': '20260101T000000Z', authorization: 'AWS4-HMAC-SHA256 …' },
  body: body === undefined ? { kind: 'empty' } : json(body),
});
const res = (status: number, body: unknown): RecordedResponse => ({ status, headers: { 'content-type': 'application/json' }, body: json(body) });

const integrationResponse = {
  statusCode: '200',
  selectionPattern: '2\\d{2}',
  responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
  responseTemplates: { 'application/json': '{"ok": true}' },
  contentHandling: 'CONVERT_TO_TEXT',
};
const v2IntegrationResponse = {
  contentHandlingStrategy: 'CONVERT_TO_TEXT',
  integrationResponseId: 'abc123',
  integrationResponseKey: '/200/',
  responseTemplates: { 'application/json': '{}' },
  templateSelectionExpression: '$request.body.action',
};

/**
 * A realistic mix: the five seed operations and a few common reads, all valid. (v1 lists come
 * back under `item`, the model's locationName for `items`: clients send `Accept: application/json`.)
 */
export const WORKLOAD: Pair[] = [
  { request: req('GET', '/restapis/a1b2c3/resources/r1/methods/GET/integration/responses/200'), response: res(200, integrationResponse) },
  {
    request: req('PATCH', '/restapis/a1b2c3/resources/r1/methods/GET/integration/responses/200', {
      patchOperations: [
        { op: 'replace', path: '/responseTemplates/application~1json', value: '{"ok": false}' },
        { op: 'add', path: '/responseParameters/method.response.header.X-Trace', value: 'integration.response.header.X-Trace' },
      ],
    }),
    response: res(200, integrationResponse),
  },
  {
    request: req('POST', '/v2/apis/api1/integrations/int1/integrationresponses', { integrationResponseKey: '/200/', responseTemplates: { 'application/json': '{}' } }),
    response: res(201, v2IntegrationResponse),
  },
  {
    request: req('PATCH', '/v2/apis/api1/integrations/int1/integrationresponses/abc123', { contentHandlingStrategy: 'CONVERT_TO_BINARY' }),
    response: res(200, v2IntegrationResponse),
  },
  {
    request: req('PATCH', '/v2/apis/api1/integrations/int1', {
      timeoutInMillis: 29000,
      requestParameters: { 'append:header.x': '$context.requestId' },
      tlsConfig: { serverNameToVerify: 'example.com' },
    }),
    response: res(200, { integrationId: 'int1', integrationType: 'HTTP_PROXY', timeoutInMillis: 29000, payloadFormatVersion: '1.0' }),
  },
  {
    request: req('GET', '/restapis', undefined, { limit: ['25'], position: ['abc'] }),
    response: res(200, { item: [{ id: 'a1b2c3', name: 'demo', createdDate: 1767225600 }], position: 'next' }),
  },
  {
    request: req('GET', '/v2/apis', undefined, { maxResults: ['10'] }),
    response: res(200, {
      items: [{ apiId: 'api1', name: 'demo', protocolType: 'HTTP', routeSelectionExpression: '$request.method $request.path', createdDate: '2026-01-01T00:00:00Z' }],
    }),
  },
  {
    request: req('GET', '/restapis/a1b2c3/resources/nope/methods/GET/integration/responses/200'),
    response: { status: 404, headers: { 'x-amzn-errortype': 'NotFoundException' }, body: json({ message: 'Invalid Resource identifier specified' }) },
  },
];

function throughput(seconds: number): { perSecond: number; findings: number } {
  const validator = new Validator(loadContracts());
  for (const pair of WORKLOAD) validator.validate(pair); // compile the parts used, once
  let count = 0;
  let findings = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) findings += validator.validate(WORKLOAD[i % WORKLOAD.length]!).length;
    count += 1000;
  }
  return { perSecond: count / seconds, findings: findings / count };
}

function routingOnly(seconds: number): number {
  const router = new Router(loadContracts().operations.values());
  let count = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) {
      const { request } = WORKLOAD[i % WORKLOAD.length]!;
      router.route(request.method, request.path, request.query);
    }
    count += 1000;
  }
  return count / seconds;
}

/** In a fresh process: load both contract files with overlays, build the router and the validator. */
function coldLoad(): { loadMs: number; firstValidationMs: number } {
  const script = `
    const t0 = performance.now();
    const { loadContracts } = await import(${JSON.stringify(new URL('../contracts/load.js', import.meta.url).href)});
    const { Validator } = await import(${JSON.stringify(new URL('../contracts/validator.js', import.meta.url).href)});
    const validator = new Validator(loadContracts());
    const t1 = performance.now();
    validator.validate(${JSON.stringify(WORKLOAD[1])});
    const t2 = performance.now();
    console.log(JSON.stringify({ loadMs: t1 - t0, firstValidationMs: t2 - t1 }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(output) as { loadMs: number; firstValidationMs: number };
}

export function benchContracts(): string {
  const runs = Array.from({ length: 5 }, coldLoad);
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const load = median(runs.map((r) => r.loadMs));
  const first = median(runs.map((r) => r.firstValidationMs));
  const routes = routingOnly(2);
  const { perSecond, findings } = throughput(3);
  return [
    `machine: ${machineLine()}`,
    '',
    table(
      ['measure', 'result', 'target'],
      [
        ['cold load of all contracts (227 operations, overlays, router, validator), median of 5 fresh processes', `${load.toFixed(0)} ms`, '< 300 ms'],
        ['first validation of an operation (lazy ajv compile of the parts it uses)', `${first.toFixed(1)} ms`, '-'],
        ['routing alone, one core', `${Math.round(routes).toLocaleString('en')} /s`, '-'],
        [
          `routing + validation of request and response, one core (${WORKLOAD.length}-exchange mix, ${findings.toFixed(2)} findings each)`,
          `${Math.round(perSecond).toLocaleString('en')} /s`,
          '≥ 100,000 /s',
        ],
      ],
    ),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${benchContracts()}\n`);
}
