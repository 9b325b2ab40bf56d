/**
 * `npm run build && node dist/bench/s3-addressing.js`: what reading an S3 request's addressing
 * costs the proxy per request (proxy/s3-addressing.ts runs on every request it reads, replay
 * hits included): a request of another service on loopback and an S3 request path-style pass
 * through unchanged, a virtual-hosted one is made path-style. Beside them, for scale, the route
 * step's own per-request read of the service a request names (`namedServiceOf`).
 */
import { namedServiceOf } from '../core/aws-service.js';
import type { RecordedRequest } from '../core/exchange.js';
import { pathStyleRequest } from '../proxy/s3-addressing.js';
import { machineLine, table } from './machine.js';

const signed = (service: string): string =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${'0'.repeat(64)}`;

function request(host: string, path: string, service: string): RecordedRequest {
  const headers = { host, 'x-amz-date': '20260101T000000Z', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', authorization: signed(service), 'user-agent': 'aws-sdk-js/3' };
  return { method: 'GET', path, query: {}, headers, body: { kind: 'empty' } };
}

const cases: { name: string; run: () => unknown }[] = [
  { name: 'API Gateway request, loopback Host', run: pathStyle(request('127.0.0.1:41234', '/v2/apis/a1b2c3/integrations/i7', 'apigateway')) },
  { name: 'S3 GetObject path-style', run: pathStyle(request('localhost:41234', '/bucket-a/reports/2026.csv', 's3')) },
  { name: 'S3 GetObject virtual-hosted', run: pathStyle(request('bucket-a.localhost:41234', '/reports/2026.csv', 's3')) },
  { name: '(scale) namedServiceOf, the route step', run: named(request('127.0.0.1:41234', '/', 'apigateway')) },
];

function pathStyle(read: RecordedRequest): () => unknown {
  return () => pathStyleRequest(read, read.path, []);
}

function named(read: RecordedRequest): () => unknown {
  return () => namedServiceOf(read.headers);
}

function measure(run: () => unknown): number {
  for (let i = 0; i < 10_000; i++) run();
  let count = 0;
  const start = process.hrtime.bigint();
  while (process.hrtime.bigint() - start < 1_000_000_000n) {
    for (let i = 0; i < 1000; i++) run();
    count += 1000;
  }
  return Number(process.hrtime.bigint() - start) / count;
}

const made = pathStyleRequest(request('bucket-a.localhost:41234', '/k', 's3'), '/k', []).request;
if (made.path !== '/bucket-a/k') throw new Error(`bench:s3-addressing: a virtual-hosted request read as ${made.path}, not /bucket-a/k`);
console.log(`S3 addressing per request read, one core (${machineLine()})\n`);
console.log(
  table(
    ['request', 'per request'],
    cases.map((c) => [c.name, `${measure(c.run).toFixed(0)} ns`]),
  ),
);
