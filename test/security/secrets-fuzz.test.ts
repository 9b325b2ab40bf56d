/**
 * Fuzz, end to end: over a thousand generated secrets of every kind (AWS keys and tokens,
 * private keys, JWTs, GitHub/GitLab/Slack/Stripe/Google/npm/SendGrid/OpenAI tokens, webhook
 * URLs, URL passwords, signatures, and plain random values in credential places) planted in
 * request headers, query strings, JSON and non-JSON bodies, error bodies, paths and hidden by
 * encodings (gzip twice, raw deflate, br, UTF-16), in both directions: requests from raw HTTP
 * and from the real AWS SDK, answers from a fake upstream on 127.0.0.1. Through the public
 * `startProxy` in record mode, then auto (the same cases again with new secrets, which must
 * replay, and new ones), then replay (hits and misses).
 *
 * Afterwards no planted secret may be in the cassette, searched as raw bytes and decoded
 * (every exchange as JSON text, byte bodies through every encoding and UTF-16), nor in
 * anything the proxy printed (its log lines and summaries). And the outcome of each case is
 * checked, so the test cannot pass by recording nothing: a case whose secret sits in a known
 * place is in the cassette (redacted), any other is refused, and its client still got the
 * upstream's answer.
 *
 * The seed is random per run and named in every failure; TAPEGATE_FUZZ_SEED repeats a run.
 */
import { request as httpRequest, Agent } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { formatSummary, readCassette, startProxy, type ProxyStats, type TapegateProxy } from '../../index.js';
import type { Exchange } from '../../core/exchange.js';
import { textViews } from '../../cassettes/redact/body-views.js';
import { sdkClients } from '../support/fake-apigateway/index.js';
import { randomCredentials } from '../record-fixtures.js';
import { makeCase, PLACEMENT_NAMES, type FuzzCase, type RawRequest } from '../support/security/fuzz-cases.js';
import { SHAPED_KIND_COUNT } from '../support/security/fuzz-secrets.js';
import { startFuzzUpstream, type FuzzUpstream } from '../support/security/fuzz-upstream.js';

const seed = Number(process.env['TAPEGATE_FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
/** Every placement, every shaped kind at least once per shaped placement. */
const RECORD_CASES = PLACEMENT_NAMES.length * (SHAPED_KIND_COUNT + 12);
const AUTO_NEW_CASES = PLACEMENT_NAMES.length * 8;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
cleanups.push(() => agent.destroy());

function sendRaw(port: number, request: RawRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = Object.fromEntries(request.headers);
    if (request.body.length > 0) headers['Content-Length'] = String(request.body.length);
    const req = httpRequest({ host: '127.0.0.1', port, method: request.method, path: request.target, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1') }));
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

/** The SDK client, its case header set by a middleware from `current.id` (requests are sent one at a time). */
function fuzzClient(url: string, current: { id: string }): APIGatewayClient {
  const clients = sdkClients(url, randomCredentials());
  cleanups.push(() => clients.destroy());
  clients.v1.middlewareStack.add(
    (next) => async (args) => {
      (args.request as { headers: Record<string, string> }).headers['x-fuzz-case'] = current.id;
      return next(args);
    },
    { step: 'build', name: 'fuzzCaseHeader' },
  );
  return clients.v1;
}

interface Sent {
  fuzz: FuzzCase;
  /** The raw answer's status, or `sdk-ok` / the SDK's error. */
  status: number | string;
}

async function sendAll(proxy: TapegateProxy, upstream: FuzzUpstream, cases: FuzzCase[]): Promise<Sent[]> {
  const current = { id: '' };
  const client = fuzzClient(proxy.url, current);
  const sent: Sent[] = [];
  for (const fuzz of cases) {
    upstream.plan(fuzz.id, fuzz.answer);
    current.id = fuzz.id;
    if (fuzz.request.kind === 'raw') {
      sent.push({ fuzz, status: (await sendRaw(proxy.port, fuzz.request)).status });
    } else {
      sent.push({
        fuzz,
        status: await fuzz.request.send(client).then(
          () => 'sdk-ok',
          (error: Error) => `sdk-error ${error.name}: ${error.message}`,
        ),
      });
    }
  }
  return sent;
}

/** Every text a cassette holds: its bytes (latin1, UTF-16 both ways) and each exchange decoded. */
async function cassetteTexts(file: string): Promise<string[]> {
  const bytes = await readFile(file);
  const texts = [bytes.toString('latin1')];
  // UTF-16 both ways, at both alignments.
  for (const offset of [0, 1]) {
    const even = bytes.subarray(offset, offset + ((bytes.length - offset) & ~1));
    texts.push(even.toString('utf16le'), Buffer.from(even).swap16().toString('utf16le'));
  }
  for (const exchange of (await readCassette(file)).exchanges) {
    texts.push(JSON.stringify(exchange, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value)));
    for (const [side, message] of [
      ['request', exchange.request],
      ['response', exchange.response],
    ] as const) {
      const body = message.body;
      if (body.kind === 'bytes') texts.push(`${side}:`, ...textViews(body.bytes, body.encoding === undefined ? message.headers['content-encoding'] : undefined));
    }
  }
  return texts;
}

function caseIdsIn(exchanges: readonly Exchange[]): string[] {
  return exchanges.map((exchange) => exchange.request.headers['x-fuzz-case'] ?? '?');
}

/** The planted secrets found in any of `texts`, with where: the failure names case and placement, never more. */
function leaks(cases: readonly FuzzCase[], texts: readonly string[], where: string): string[] {
  const found: string[] = [];
  for (const fuzz of cases) {
    for (const secret of fuzz.secrets) {
      if (texts.some((text) => text.includes(secret))) found.push(`${where}: case ${fuzz.id} (${fuzz.placement}), secret #${fuzz.secrets.indexOf(secret)}`);
    }
  }
  return found;
}

function printedBy(lines: readonly string[], stats: ProxyStats): string {
  return `${lines.join('\n')}\n${formatSummary(stats)}`;
}

describe(`secrets fuzz (seed ${seed}, TAPEGATE_FUZZ_SEED to repeat)`, () => {
  it('record, auto and replay keep every planted secret out of the cassette and the log', async () => {
    const label = `seed ${seed}`;
    const upstream = await startFuzzUpstream();
    cleanups.push(() => upstream.close());
    const dir = await mkdtemp(join(tmpdir(), 'tapegate-secrets-fuzz-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const cassette = join(dir, 'fuzz.cassette');
    const printed: string[] = [];
    const lines: string[] = [];
    const common = { cassette, upstream: upstream.url, credentials: randomCredentials(), log: (line: string) => lines.push(line) };

    // ---- record ----
    const cases = Array.from({ length: RECORD_CASES }, (_, n) => makeCase(seed, n));
    const recording = await startProxy({ mode: 'record', ...common });
    cleanups.push(() => recording.close());
    const sent = await sendAll(recording, upstream, cases);
    const recordStats = await recording.close();
    printed.push(printedBy(lines.splice(0), recordStats));

    const expectedIds = cases.filter((c) => c.expect === 'recorded').map((c) => c.id);
    const refusedCount = cases.length - expectedIds.length;
    const { exchanges } = await readCassette(cassette);
    expect(caseIdsIn(exchanges), `${label}: the cases in the cassette`).toEqual(expectedIds);
    expect(recordStats, label).toMatchObject({ forwarded: cases.length, recorded: expectedIds.length, refused: refusedCount, rejected: 0 });
    // The client got the upstream's answer either way (a refusal only keeps it off disk).
    for (const { fuzz, status } of sent) {
      expect(status, `${label}: case ${fuzz.id} (${fuzz.placement})`).toBe(fuzz.request.kind === 'raw' ? fuzz.answer.status : 'sdk-ok');
    }
    expect(printed.join('\n').match(/tapegate: Failed to (?:record|redact)/g)?.length, label).toBe(refusedCount);

    // ---- auto: the recorded cases again with new secrets (replayed), and new cases (forwarded) ----
    const again = cases.filter((c) => c.expect === 'recorded' && c.replayable !== false).map((c) => makeCase(seed, Number(c.id.slice(1)), seed + 1));
    const fresh = Array.from({ length: AUTO_NEW_CASES }, (_, k) => makeCase(seed, RECORD_CASES + k));
    const arrivedBefore = upstream.arrived.length;
    const auto = await startProxy({ mode: 'auto', ...common });
    cleanups.push(() => auto.close());
    const autoSent = await sendAll(auto, upstream, [...again, ...fresh]);
    const autoStats = await auto.close();
    printed.push(printedBy(lines.splice(0), autoStats));
    expect(upstream.arrived.slice(arrivedBefore), `${label}: only new cases reach the upstream in auto`).toEqual(fresh.map((c) => c.id));
    expect(autoStats, label).toMatchObject({ served: again.length, forwarded: fresh.length, recorded: fresh.filter((c) => c.expect === 'recorded').length });
    for (const { fuzz, status } of autoSent.slice(0, again.length)) {
      expect(status, `${label}: replayed case ${fuzz.id} (${fuzz.placement})`).toBe(fuzz.request.kind === 'raw' ? fuzz.answer.status : 'sdk-ok');
    }

    // ---- replay: hits with yet other secrets, and misses whose secrets sit where nothing redacts them ----
    const replayLines: string[] = [];
    const replay = await startProxy({ mode: 'replay', cassette, log: (line: string) => replayLines.push(line) });
    cleanups.push(() => replay.close());
    const hits = again.slice(0, 60).map((c) => makeCase(seed, Number(c.id.slice(1)), seed + 2));
    await sendAll(replay, upstream, hits);
    const misses = Array.from({ length: 40 }, (_, k) => missCase(seed, k));
    for (const miss of misses) expect((await sendRaw(replay.port, miss.request as RawRequest)).status, label).toBe(400);
    const replayStats = await replay.close();
    printed.push(printedBy(replayLines, replayStats));
    expect(replayStats, label).toMatchObject({ served: hits.length, missed: misses.length });
    expect(
      replayLines.filter((line) => line.startsWith('tapegate: miss: ')),
      label,
    ).toHaveLength(misses.length);

    // ---- nothing planted anywhere ----
    const everything = [...cases, ...again, ...fresh, ...hits, ...misses];
    const planted = everything.reduce((sum, c) => sum + c.secrets.length, 0);
    expect(planted, label).toBeGreaterThanOrEqual(1000);
    const texts = await cassetteTexts(cassette);
    // The search finds what is there: each recorded case's id is in the bytes.
    expect(texts[0], label).toContain(expectedIds[expectedIds.length - 1]);
    expect([...leaks(everything, texts, 'cassette'), ...leaks(everything, printed, 'printed')], label).toEqual([]);
  }, 300_000);
});

/** A request no recording matches, with unshaped secrets in a neutral body member and query value. */
function missCase(seed: number, k: number): FuzzCase {
  const base = makeCase(seed, k * PLACEMENT_NAMES.length + PLACEMENT_NAMES.indexOf('request JSON member, credential named in a URL, unshaped'), seed + 3);
  const [inBody, inQuery] = base.secrets.length > 0 ? [`${base.secrets[0]}b`, `${base.secrets[0]}q`] : ['b', 'q'];
  const request = base.request as RawRequest;
  return {
    ...base,
    id: `miss${k}`,
    secrets: [inBody, inQuery],
    request: { ...request, target: `/restapis?filter=${inQuery}`, body: Buffer.from(JSON.stringify({ name: `never-${k}`, description: inBody })) },
  };
}
