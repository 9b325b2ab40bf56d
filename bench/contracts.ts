/**
 * `npm run bench:contracts`: routing + validation throughput on one core per protocol
 * (rest-json, json, query, rest-xml), the size of the bundled contracts, and what the first exchange of each
 * service pays to load its contracts (measured in fresh processes, since a warm process would
 * hide it). Targets (issue 13): 100,000 exchanges a second per protocol; a service's first
 * load under 30 ms; all bundled contracts under 8 MB.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RecordedRequest, RecordedResponse } from '../core/exchange.js';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultContractsDir, loadContracts } from '../contracts/load.js';
import { ContractRouter } from '../contracts/service-router.js';
import { HOT_AFTER } from '../contracts/part-validators.js';
import { Validator } from '../contracts/validator.js';
import { JSON_WORKLOAD } from './json-workload.js';
import { QUERY_WORKLOAD, REST_XML_WORKLOAD } from './xml-workload.js';
import { machineLine, table } from './machine.js';
import { xmlFloor } from './xml-floor.js';

type Pair = { request: RecordedRequest; response: RecordedResponse };

const json = (value: unknown) => ({ kind: 'json' as const, value });
const req = (method: string, path: string, body: unknown = undefined, query: Record<string, string[]> = {}): RecordedRequest => ({
  method,
  path,
  query,
  // Signed as the SDKs sign (the json and XML workloads are too): the scope names the service, so
  // routing looks at API Gateway's two services only, not at every rest-json one.
  headers: {
    'content-type': 'application/json',
    'x-amz-date': '20260101T000000Z',
    authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/apigateway/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${'0'.repeat(64)}`,
  },
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

function throughput(workload: Pair[], seconds: number): { perSecond: number; findings: number } {
  const validator = new Validator(loadContracts());
  // Load the services and get every part used hot (compiled by ajv): the steady state, not the first checks.
  for (let pass = 0; pass <= HOT_AFTER; pass++) for (const pair of workload) validator.validate(pair);
  let count = 0;
  let findings = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) findings += validator.validate(workload[i % workload.length]!).length;
    count += 1000;
  }
  return { perSecond: count / seconds, findings: findings / count };
}

function routingOnly(workload: Pair[], seconds: number): number {
  const router = new ContractRouter(loadContracts());
  for (const { request } of workload) router.route(request);
  let count = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) router.route(workload[i % workload.length]!.request);
    count += 1000;
  }
  return count / seconds;
}

interface ColdLoad {
  /** Listing the bundled folder (each file's header line) and building the validator. */
  startMs: number;
  /** The first exchange of the service: parse, expand, overlays, route, check (interpreted: ajv compiles a part once it is hot). */
  firstExchangeMs: number;
  /** Of that, loading the service's contracts (parse, expand, overlays). */
  loadMs: number;
}

/** In a fresh process: start, then the first exchange of one service (`pair`), timed. */
function coldLoad(service: string, pair: Pair): ColdLoad {
  const script = `
    const t0 = performance.now();
    const { loadContracts } = await import(${JSON.stringify(new URL('../contracts/load.js', import.meta.url).href)});
    const { Validator } = await import(${JSON.stringify(new URL('../contracts/validator.js', import.meta.url).href)});
    const contracts = loadContracts();
    const validator = new Validator(contracts);
    const t1 = performance.now();
    contracts.service(${JSON.stringify(service)});
    const t2 = performance.now();
    // Byte bodies (query forms, XML) cross as JSON: revive them as Buffers.
    validator.validate(JSON.parse(${JSON.stringify(JSON.stringify(pair))}, (_, v) => (v && v.type === 'Buffer' && Array.isArray(v.data) ? Buffer.from(v.data) : v)));
    const t3 = performance.now();
    console.log(JSON.stringify({ startMs: t1 - t0, loadMs: t2 - t1, firstExchangeMs: t3 - t1 }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(output) as ColdLoad;
}

/** One exchange of each bundled service, for its cold first-use time. */
function firstExchanges(): [service: string, pair: Pair][] {
  const byService = new Map<string, Pair>([
    ['apigateway', WORKLOAD[1]!],
    ['apigatewayv2', WORKLOAD[4]!],
  ]);
  const router = new ContractRouter(loadContracts());
  for (const pair of [...JSON_WORKLOAD, ...QUERY_WORKLOAD, ...REST_XML_WORKLOAD]) {
    const service = router.route(pair.request)!.operation.split('.')[0]!;
    if (!byService.has(service)) byService.set(service, pair);
  }
  return [...byService];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;

export function benchContracts(): string {
  const services = loadContracts().services;
  const sizes = services.map((s) => statSync(join(defaultContractsDir(), `${s.service}-${s.apiVersion}.json`)).size);
  const rows: string[][] = [];
  const starts: number[] = [];
  for (const [service, pair] of firstExchanges()) {
    const runs = Array.from({ length: 3 }, () => coldLoad(service, pair));
    starts.push(...runs.map((r) => r.startMs));
    rows.push([
      `first exchange of ${service}: load its contracts (parse, expand, overlays) / the whole exchange, median of 3 fresh processes`,
      `${ms(median(runs.map((r) => r.loadMs)))} / ${ms(median(runs.map((r) => r.firstExchangeMs)))}`,
      '< 30 ms',
    ]);
  }
  const protocols: [string, Pair[]][] = [
    ['rest-json', WORKLOAD],
    ['json', JSON_WORKLOAD],
    ['query', QUERY_WORKLOAD],
    ['rest-xml', REST_XML_WORKLOAD],
  ];
  const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')} /s`;
  const speeds = protocols.map(([name, workload]) => {
    const routes = routingOnly(workload, 2);
    const { perSecond: checked, findings } = throughput(workload, 3);
    const rows = [
      [`${name}: routing alone, one core`, perSecond(routes), '-'],
      [
        `${name}: routing + validation of request and response, one core (${workload.length}-exchange mix, ${findings.toFixed(2)} findings each)`,
        perSecond(checked),
        '≥ 100,000 /s',
      ],
    ];
    if (name === 'query' || name === 'rest-xml') {
      rows.push([`${name}: floor, saxes reading the XML bodies and ajv checking the decoded values, nothing else (bench/xml-floor.ts)`, perSecond(xmlFloor(workload, 3)), '-']);
    }
    return rows;
  });
  return [
    `machine: ${machineLine()}`,
    '',
    table(
      ['measure', 'result', 'target'],
      [
        [`bundled contracts on disk (${services.length} services)`, `${(sizes.reduce((a, b) => a + b, 0) / 1e6).toFixed(2)} MB`, '< 8 MB'],
        ['start: list the bundled contracts (header lines) and build the validator, median', ms(median(starts)), '-'],
        ...rows,
        ...speeds.flat(),
      ],
    ),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${benchContracts()}\n`);
}
