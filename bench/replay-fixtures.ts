/**
 * The replay benchmark's traffic: N distinct API Gateway reads (GETs with distinct ids in the
 * path), written once as a tapegate cassette and, for the talkback baseline, as talkback
 * tapes (one JSON5 file each). Response headers and bodies come from `sampleExchange`, so
 * they have the shapes and sizes of real traffic; only the request is turned into the read
 * of the same resource, because a replay-heavy test suite mostly reads.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bodyToWire } from '../cassettes/format/body.js';
import type { Exchange } from '../core/exchange.js';
import { sampleExchange, sampleHeader } from '../test/support/samples/cassette-samples.js';
import { writeCassette } from '../cassettes/format/store.js';

/** Headers every benchmark request carries: what an SDK sends on a read (fake signature). */
export const REQUEST_HEADERS: Readonly<Record<string, string>> = {
  accept: 'application/json',
  'user-agent': 'aws-sdk-js/3.1142.0 ua/2.1 os/linux#6.1 lang/js md/nodejs#20.20.2 api/api-gateway#3.1142.0',
  'amz-sdk-request': 'attempt=1; max=3',
  'x-amz-date': '20250101T000000Z',
  'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/apigateway/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
};

const restApi = (seq: number) => ({
  id: seq.toString(36).padStart(10, '0'),
  name: `orders-${seq}`,
  description: 'Orders service: REST API in front of the order backend',
  createdDate: 1735689600 + seq,
  version: '2025-01-01',
  apiKeySource: 'HEADER',
  endpointConfiguration: { types: ['REGIONAL'] },
  disableExecuteApiEndpoint: false,
  rootResourceId: `r${(seq % 1013).toString(36).padStart(9, '0')}`,
  tags: { team: 'payments', stage: 'prod' },
});

/**
 * Exchange `seq` as a read. The sample's five kinds map to four GET operations, each path
 * unique per `seq` (the sample's v1 ids repeat only after 294,783 = 97 × 1,013 × 3).
 */
export function replayExchange(seq: number): Exchange {
  const sample = sampleExchange(seq);
  const empty = { kind: 'empty' } as const;
  // The sample's kept headers (a cassette never holds Authorization), less the body's type.
  const headers = { ...sample.request.headers };
  delete headers['content-type'];
  const read = (operation: string, path: string): Exchange => ({
    ...sample,
    operation,
    request: { method: 'GET', path, query: {}, headers, body: empty },
  });
  const path = sample.request.path;
  switch (seq % 5) {
    case 0: // already GetIntegrationResponse
    case 1: // UpdateIntegrationResponse: read the same integration response back
      return read('apigateway.GetIntegrationResponse', path);
    case 2: {
      // CreateIntegrationResponse: read the created one by its id
      const value = sample.response.body.kind === 'json' ? (sample.response.body.value as { integrationResponseId: string }) : null;
      const exchange = read('apigatewayv2.GetIntegrationResponse', `${path}/${value?.integrationResponseId ?? ''}`);
      return { ...exchange, response: { ...sample.response, status: 200 } };
    }
    case 3: // UpdateIntegration: read the integration
      return read('apigatewayv2.GetIntegration', path);
    default: {
      // A 404 in the sample (tiny body): a GetRestApi instead, for a realistic body size
      const api = restApi(seq);
      const exchange = read('apigateway.GetRestApi', `/restapis/${api.id}`);
      const headers = { ...sample.response.headers };
      delete headers['x-amzn-errortype'];
      return { ...exchange, response: { status: 200, headers, body: { kind: 'json', value: api } } };
    }
  }
}

export interface ReplayFixtures {
  cassette: string;
  /** Talkback's tape directory, when tapes were written. */
  tapes: string | null;
  /** Request path of every exchange, in cassette order. */
  paths: string[];
  /** Response body sizes in bytes. */
  bodyBytes: { min: number; max: number; mean: number };
}

/** One talkback tape (its documented format) answering `exchange` with the same bytes. */
function tapeOf(exchange: Exchange): object {
  const body = bodyToWire(exchange.response.body);
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(exchange.response.headers)) headers[name] = [value];
  headers['content-length'] = [String(body.length)];
  return {
    meta: { createdAt: exchange.timing.startedAt, host: 'https://apigateway.us-east-1.amazonaws.com', resHumanReadable: true },
    // No request headers: talkback is run with `allowHeaders: []`, as tapegate ignores them by default.
    req: { url: exchange.request.path, method: 'GET', headers: {}, body: '' },
    // The body as text, not as an object: talkback would pretty-print an object and serve more bytes.
    res: { status: exchange.response.status, headers, body: body.toString('utf8') },
  };
}

/** Writes `size` exchanges as a cassette (and as talkback tapes if `tapes`) under `dir`. */
export async function writeReplayFixtures(dir: string, size: number, tapes: boolean): Promise<ReplayFixtures> {
  const exchanges = Array.from({ length: size }, (_, seq) => replayExchange(seq));
  const cassette = join(dir, `replay-${size}.cassette`);
  await writeCassette(cassette, sampleHeader(), exchanges);
  let tapesDir: string | null = null;
  if (tapes) {
    tapesDir = join(dir, `tapes-${size}`);
    await mkdir(tapesDir, { recursive: true });
    // JSON is valid JSON5; a few writes at a time keeps the file system busy without flooding it.
    const batch = 256;
    for (let start = 0; start < size; start += batch) {
      await Promise.all(exchanges.slice(start, start + batch).map((exchange) => writeFile(join(tapesDir as string, `${exchange.seq}.json5`), JSON.stringify(tapeOf(exchange)))));
    }
  }
  const bodyBytes = { min: Infinity, max: 0, mean: 0 };
  for (const exchange of exchanges) {
    const length = bodyToWire(exchange.response.body).length;
    bodyBytes.min = Math.min(bodyBytes.min, length);
    bodyBytes.max = Math.max(bodyBytes.max, length);
    bodyBytes.mean += length / size;
  }
  return { cassette, tapes: tapesDir, paths: exchanges.map((exchange) => exchange.request.path), bodyBytes };
}
