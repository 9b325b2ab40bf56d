/**
 * Fuzz: 1,000 made-up credentials planted all over realistic API Gateway exchanges. Each
 * exchange must either lose the credential to redaction or be refused by the scanner, and
 * a cassette written from the accepted ones must not hold a single planted byte sequence.
 * The seed is random per run and printed in every failure; set TAPEGATE_FUZZ_SEED to
 * repeat a run.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountIdMap } from '../cassettes/redact/account-ids.js';
import type { Body, Exchange } from '../core/exchange.js';
import { createHeader } from '../cassettes/format/format.js';
import { keyOf } from '../cassettes/match/key.js';
import { redactExchange, redactRequestForMatch, type RedactOptions } from '../cassettes/redact/redact.js';
import { realisticApiGatewayExchanges } from './support/samples/secret-scan-fixtures.js';
import { assertNoSecrets, scanForSecrets, type SecretKind } from '../cassettes/redact/secret-scan.js';
import {
  createRng,
  pick,
  randomAccessKeyId,
  randomAccountId,
  randomInt,
  randomSecretAccessKey,
  randomSessionToken,
  randomString,
  type Rng,
} from './support/samples/secret-samples.js';
import { readCassette, writeCassette } from '../cassettes/format/store.js';

const seed = Number(process.env['TAPEGATE_FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const CASES = 1000;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapegate-redaction-fuzz-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Where a credential was planted, and what must become of the exchange. */
interface Planted {
  exchange: Exchange;
  secrets: string[];
  placement: string;
  /** `dropped`: redaction removes it; otherwise the kind the scanner must report. */
  expect: 'dropped' | SecretKind;
}

type Planter = (rng: Rng, e: Exchange) => Omit<Planted, 'exchange' | 'placement'>;

const randomCase = (rng: Rng, name: string): string => [...name].map((c) => (rng() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join('');
const SECRET_NAMES = ['secretAccessKey', 'SecretAccessKey', 'aws_secret_access_key', 'clientSecret', 'password', 'dbPassword', 'secret'];
const NEUTRAL_NAMES = ['description', 'note', 'x', 'comment', 'value'];
const json = (value: unknown): Body => ({ kind: 'json', value });

/** Puts `value` into the request or response JSON body, `depth` objects deep. */
function inBody(rng: Rng, e: Exchange, name: string, value: unknown): void {
  let nested: unknown = { [name]: value };
  for (let depth = randomInt(rng, 4); depth > 0; depth--) nested = rng() < 0.5 ? { [pick(rng, ['config', 'items', 'meta'])]: nested } : [nested];
  const side = rng() < 0.5 ? e.request : e.response;
  side.body = json({ name: 'orders', tags: { team: 'payments' }, payload: nested });
}

const planters: Record<string, Planter> = {
  'authorization header': (rng, e) => {
    const id = randomAccessKeyId(rng);
    e.request.headers[randomCase(rng, 'authorization')] =
      `AWS4-HMAC-SHA256 Credential=${id}/20250101/us-east-1/apigateway/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0f'.repeat(32)}`;
    return { secrets: [id], expect: 'dropped' };
  },
  'security token header': (rng, e) => {
    const token = randomSessionToken(rng);
    e.request.headers[randomCase(rng, 'x-amz-security-token')] = token;
    return { secrets: [token], expect: 'dropped' };
  },
  'cookie headers': (rng, e) => {
    const secret = randomSecretAccessKey(rng);
    const token = randomSessionToken(rng);
    e.request.headers['cookie'] = `creds=${secret}`;
    e.response.headers['set-cookie'] = `session=${token}; Secure`;
    return { secrets: [secret, token], expect: 'dropped' };
  },
  'presigned query': (rng, e) => {
    const id = randomAccessKeyId(rng);
    const token = randomSessionToken(rng);
    e.request.query[randomCase(rng, 'X-Amz-Credential')] = [`${id}/20250101/us-east-1/apigateway/aws4_request`];
    e.request.query[randomCase(rng, 'X-Amz-Security-Token')] = [token];
    return { secrets: [id, token], expect: 'dropped' };
  },
  // A header or query parameter named as a credential keeps its name and loses its value.
  'secret-named header': (rng, e) => {
    const secret = randomSecretAccessKey(rng);
    e.request.headers[pick(rng, ['x-aws-secret-access-key', 'x-client-secret', 'x-db-password', 'x-credential'])] = secret;
    return { secrets: [secret], expect: 'dropped' };
  },
  'custom header with a key id': (rng, e) => {
    const id = randomAccessKeyId(rng);
    (rng() < 0.5 ? e.request : e.response).headers[pick(rng, ['x-debug', 'x-trace-context', 'x-custom'])] = `caller=${id}`;
    return { secrets: [id], expect: 'access-key-id' };
  },
  'custom header with a token': (rng, e) => {
    const token = randomSessionToken(rng);
    e.request.headers[pick(rng, ['x-debug', 'x-forwarded-session'])] = token;
    return { secrets: [token], expect: 'session-token' };
  },
  'custom header with an assignment': (rng, e) => {
    const secret = randomSecretAccessKey(rng);
    e.request.headers['x-debug'] = `profile=default aws_secret_access_key=${secret}`;
    return { secrets: [secret], expect: 'secret-access-key' };
  },
  'query value': (rng, e) => {
    const secret = randomSecretAccessKey(rng);
    e.request.query[pick(rng, SECRET_NAMES)] = ['x', secret];
    return { secrets: [secret], expect: 'dropped' };
  },
  'query value with a key id': (rng, e) => {
    const id = randomAccessKeyId(rng);
    e.request.query[pick(rng, ['filter', 'caller', 'q'])] = [id];
    return { secrets: [id], expect: 'access-key-id' };
  },
  path: (rng, e) => {
    const id = randomAccessKeyId(rng);
    e.request.path = `/restapis/${id}/stages/prod`;
    return { secrets: [id], expect: 'access-key-id' };
  },
  'percent-encoded path': (rng, e) => {
    const secret = randomSecretAccessKey(rng);
    e.request.path = `/restapis/a1/stages/prod/variables/secret%3D${encodeURIComponent(secret)}`;
    return { secrets: [secret], expect: 'secret-access-key' };
  },
  'body field under a secret name': (rng, e) => {
    const secret = randomSecretAccessKey(rng);
    inBody(rng, e, pick(rng, SECRET_NAMES), rng() < 0.5 ? secret : [secret]);
    return { secrets: [secret], expect: 'secret-access-key' };
  },
  'body string with an assignment': (rng, e) => {
    const secret = randomSecretAccessKey(rng);
    const text = pick(rng, [`rotate aws_secret_access_key = ${secret} soon`, `{"SecretAccessKey": "${secret}"}`, `password:${secret}`]);
    inBody(rng, e, pick(rng, NEUTRAL_NAMES), text);
    return { secrets: [secret], expect: 'secret-access-key' };
  },
  'body string with a key pair': (rng, e) => {
    const id = randomAccessKeyId(rng);
    const secret = randomSecretAccessKey(rng);
    inBody(rng, e, pick(rng, NEUTRAL_NAMES), `creds ${id}${pick(rng, [':', ' ', ', ', ' / ', '\n', '", "'])}${secret} for the test`);
    return { secrets: [id, secret], expect: 'secret-access-key' };
  },
  'body string with a token': (rng, e) => {
    const token = randomSessionToken(rng);
    inBody(rng, e, pick(rng, NEUTRAL_NAMES), `token was ${token}.`);
    return { secrets: [token], expect: 'session-token' };
  },
  'body key that is a key id': (rng, e) => {
    const id = randomAccessKeyId(rng);
    inBody(rng, e, id, 'enabled');
    return { secrets: [id], expect: 'access-key-id' };
  },
  'STS-style credentials': (rng, e) => {
    const [id, secret, token] = [randomAccessKeyId(rng), randomSecretAccessKey(rng), randomSessionToken(rng)];
    e.response.body = json({ credentials: { accessKeyId: id, secretAccessKey: secret, sessionToken: token, expiration: 1_735_693_200 } });
    return { secrets: [id, secret, token], expect: 'secret-access-key' };
  },
  'credentials file as bytes': (rng, e) => {
    const [id, secret] = [randomAccessKeyId(rng), randomSecretAccessKey(rng)];
    const text = `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n`;
    e.request.body = { kind: 'bytes', bytes: new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])) };
    return { secrets: [id, secret], expect: 'secret-access-key' };
  },
};

function plant(rng: Rng, carriers: readonly Exchange[], seq: number): Planted {
  const exchange = structuredClone(pick(rng, carriers));
  exchange.seq = seq;
  const placement = pick(rng, Object.keys(planters));
  return { exchange, placement, ...(planters[placement] as Planter)(rng, exchange) };
}

/** Everything an exchange holds as text; byte bodies read as latin1. */
function textOf(exchange: Exchange): string {
  return JSON.stringify(exchange, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value));
}

describe(`redaction fuzz (seed ${seed}, TAPEGATE_FUZZ_SEED to repeat)`, () => {
  it('drops or refuses each of 1,000 planted credentials, and the cassette holds none of them', async () => {
    const rng = createRng(seed);
    const carriers = realisticApiGatewayExchanges();
    const options: RedactOptions = { redactAccountIds: true, accountIds: new AccountIdMap() };
    const everySecret: string[] = [];
    const accepted: Exchange[] = [];
    const outcomes = new Map<string, number>();
    for (let i = 0; i < CASES; i++) {
      const planted = plant(rng, carriers, i);
      everySecret.push(...planted.secrets);
      const label = `seed ${seed}, case ${i}: ${planted.placement}`;
      const redacted = redactExchange(planted.exchange, options);
      const hits = scanForSecrets(redacted);
      const text = textOf(redacted);
      const kept = planted.secrets.filter((secret) => text.includes(secret));
      // The property: a credential that survives redaction is refused.
      if (kept.length > 0) expect(hits.length, label).toBeGreaterThan(0);
      if (planted.expect === 'dropped') {
        expect(kept.length, label).toBe(0);
        expect(hits, label).toEqual([]);
      } else {
        expect(
          hits.map((hit) => hit.kind),
          label,
        ).toContain(planted.expect);
        const message = (() => {
          try {
            assertNoSecrets(redacted, `${redacted.operation}`);
          } catch (error) {
            return (error as Error).message;
          }
          return 'not thrown';
        })();
        expect(message, label).toMatch(/^Failed to record "apigateway/);
        for (const secret of planted.secrets) {
          expect(message.includes(secret), label).toBe(false);
          for (const hit of hits) expect(hit.pointer.includes(secret), label).toBe(false);
        }
      }
      if (hits.length === 0) accepted.push({ ...redacted, seq: accepted.length });
      outcomes.set(planted.placement, (outcomes.get(planted.placement) ?? 0) + 1);
    }
    // Every placement was tried, and enough exchanges were accepted for the file check to mean something.
    expect(outcomes.size, `seed ${seed}`).toBe(Object.keys(planters).length);
    expect(accepted.length, `seed ${seed}`).toBeGreaterThan(100);
    expect(everySecret.length).toBeGreaterThanOrEqual(CASES);

    // A harmless marker written the same way proves the byte search finds what is there.
    const marker = `marker-${randomString(rng, 'abcdefghijklmnopqrstuvwxyz', 24)}`;
    const first = accepted[0] as Exchange;
    accepted[0] = { ...first, request: { ...first.request, headers: { ...first.request.headers, 'x-marker': marker } } };

    const file = join(dir, 'fuzz.cassette');
    await writeCassette(file, createHeader({ toolVersion: '0.1.0', services: [{ service: 'apigateway', apiVersion: '2015-07-09' }] }), accepted);
    const bytes = await readFile(file);
    expect(bytes.includes(marker)).toBe(true);
    const onDisk = everySecret.filter((secret) => bytes.includes(secret));
    expect(onDisk.length, `seed ${seed}: planted credentials found in the cassette`).toBe(0);
    expect((await readCassette(file)).exchanges).toHaveLength(accepted.length);
  });

  it('gives each account id one placeholder across request and response, and redacted requests still match', () => {
    const rng = createRng(seed ^ 0x5a5a5a5a);
    const pool = Array.from({ length: 6 }, () => randomAccountId(rng));
    const seenInRequests: string[] = [];
    /** A scenario of 200 calls; `echo` is the id the previous response named, which the client sends back. */
    const scenario = Array.from({ length: 200 }, (_, k) => {
      const caller = pick(rng, pool);
      const owner = pick(rng, pool);
      seenInRequests.push(caller, owner);
      const other = pick(rng, seenInRequests);
      const epochMs = 100_000_000_000 + randomInt(rng, 800_000_000_000); // 12 digits, and no account id
      return { k, caller, owner, other, epochMs };
    });
    type Call = (typeof scenario)[number];
    const request = (call: Call, echo: string | null) => ({
      method: 'PUT',
      path: `/tags/arn%3Aaws%3Aexecute-api%3Aus-east-1%3A${call.caller}%3Aa1`,
      query: { ownerId: [call.owner] },
      headers: { 'content-type': 'application/json' },
      body: json({
        credentials: `arn:aws:iam::${call.caller}:role/apigw`,
        accountId: call.owner,
        requestedAt: call.epochMs,
        id: String(call.epochMs),
        echo: echo && `arn:aws:iam::${echo}:role/echo`,
      }),
    });
    const response = (call: Call) => ({
      status: 200,
      headers: { 'x-amz-account-id': call.owner },
      body: json({ uri: `arn:aws:apigateway:us-east-1:sqs:path/${call.other}/q`, ownerId: call.owner, role: `arn:aws-cn:iam::${call.caller}:role/apigw`, createdMs: call.epochMs }),
    });
    const operation = 'apigateway.TagResource';
    const timing = { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 1 };

    // Recording: the client echoes the real id it was served.
    const map = new AccountIdMap();
    const recorded = scenario.map((call) => {
      const echo = call.k === 0 ? null : (scenario[call.k - 1] as Call).other;
      const exchange: Exchange = { seq: call.k, operation, request: request(call, echo), response: response(call), timing };
      const redacted = redactExchange(exchange, { redactAccountIds: true, accountIds: map });
      for (const id of pool) expect(textOf(redacted).includes(id), `seed ${seed}, call ${call.k}`).toBe(false);
      const [c, o, x] = [call.caller, call.owner, call.other].map((id) => map.placeholderFor(id)) as [string, string, string];
      expect(redacted.request.path).toBe(`/tags/arn%3Aaws%3Aexecute-api%3Aus-east-1%3A${c}%3Aa1`);
      expect(redacted.request.query).toEqual({ ownerId: [o] });
      expect((redacted.request.body as { value: Record<string, unknown> }).value).toMatchObject({
        credentials: `arn:aws:iam::${c}:role/apigw`,
        accountId: o,
        requestedAt: call.epochMs,
        id: String(call.epochMs),
      });
      expect(redacted.response.headers).toEqual({ 'x-amz-account-id': o });
      expect(redacted.response.body).toEqual(
        json({ uri: `arn:aws:apigateway:us-east-1:sqs:path/${x}/q`, ownerId: o, role: `arn:aws-cn:iam::${c}:role/apigw`, createdMs: call.epochMs }),
      );
      // The same original request, redacted again with the recording's map, has the same key.
      expect(keyOf(operation, redactRequestForMatch(exchange.request, map))).toBe(keyOf(operation, redacted.request));
      return redacted;
    });
    expect(map.size).toBe(new Set(seenInRequests).size);

    // Auto mode on the re-opened cassette: a fresh map, the client's own ids in the clear and,
    // echoed, the placeholders the replayed responses served it. Every request matches.
    const reopened = new AccountIdMap();
    const keys = scenario.map((call) => {
      const served = call.k === 0 ? null : (recorded[call.k - 1] as Exchange).response.body;
      const echo = served && (/path\/(\d{12})\//.exec(JSON.stringify(served))?.[1] ?? 'missing');
      return keyOf(operation, redactRequestForMatch(request(call, echo), reopened));
    });
    expect(keys).toEqual(recorded.map((e) => keyOf(operation, e.request)));
  });
});
