/**
 * Where the secrets fuzz plants its secrets: one placement per way a secret reaches the
 * proxy, in the request (raw HTTP or the real AWS SDK) or in the upstream's answer, with
 * what must become of the exchange: `recorded` (the place is known, the secret is redacted)
 * or `refused` (the secret is recognisable but its place is not: the scanner keeps the
 * exchange out of the cassette).
 *
 * A case's structure (which header, which parameter name, which encoding) comes from an rng
 * of its own, seeded by the case id, and its secret values from another: built again with
 * the same id and fresh secrets, a case whose secrets are all redacted has the same identity
 * after redaction, which is what replay and auto match on.
 */
import { CreateApiKeyCommand, CreateDomainNameCommand, CreateUsagePlanKeyCommand, GetApiKeyCommand, GetApiKeysCommand, type APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { createRng, pick, randomAccessKeyId, randomString, type Rng } from '../samples/secret-samples.js';
import { randomPrivateKey } from '../samples/token-samples.js';
import { encodeHiding, padding, shapedSecret, unshapedSecret, type Planted } from './fuzz-secrets.js';
import type { PlannedAnswer } from './fuzz-upstream.js';

export interface RawRequest {
  kind: 'raw';
  method: string;
  target: string;
  headers: [string, string][];
  body: Buffer;
}

export interface SdkRequest {
  kind: 'sdk';
  send(client: APIGatewayClient): Promise<unknown>;
}

export interface FuzzCase {
  id: string;
  placement: string;
  /** Every value that must appear in no cassette and no log line. */
  secrets: string[];
  expect: 'recorded' | 'refused';
  request: RawRequest | SdkRequest;
  answer: PlannedAnswer;
  /**
   * False when new secrets change the request's identity even after redaction: a shaped
   * secret's generator picks its own form (`Signature=` or `X-Amz-Signature=`), and where it
   * is rewritten in the query or body that form stays.
   */
  replayable?: false;
}

/** Two rngs: `shape` for the case's structure, `secret` for the values planted in it. */
interface Dice {
  shape: Rng;
  secret: Rng;
  /** Picks the shaped kind, so every kind gets planted. */
  index: number;
}

type Placement = (dice: Dice, id: string) => Omit<FuzzCase, 'id' | 'placement'>;

const SCOPE = 'AWS4-HMAC-SHA256 Credential=AKIDTESTCLIENT/20250101/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=00';
const HEX = '0123456789abcdef';

/** One line: header values cannot hold line breaks (a PEM block's become spaces). */
const oneLine = (text: string): string => text.replace(/\r?\n/g, ' ');

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

/** CreateRestApi as raw HTTP: the request most placements build on. */
function createRestApi(id: string, overrides: Partial<RawRequest> = {}, description = 'plain'): RawRequest {
  return {
    kind: 'raw',
    method: 'POST',
    target: '/restapis',
    headers: [
      ['Content-Type', 'application/json'],
      ['Authorization', SCOPE],
      ['X-Fuzz-Case', id],
    ],
    body: json({ name: `api-${id}`, description }),
    ...overrides,
  };
}

function created(id: string, extra: Record<string, unknown> = {}, headers: [string, string][] = []): PlannedAnswer {
  return { status: 201, headers: [['Content-Type', 'application/json'], ['X-Amzn-RequestId', `req-${id}`], ...headers], body: json({ id: `a${id}`, name: `api-${id}`, ...extra }) };
}

function withHeader(request: RawRequest, name: string, value: string): RawRequest {
  return { ...request, headers: [...request.headers, [name, value]] };
}

function shaped(dice: Dice): Planted {
  return shapedSecret(dice.secret, dice.index);
}

/** Where text can be rewritten, a named secret is redacted; any other shaped one is refused. */
function inText(planted: Planted): 'recorded' | 'refused' {
  return planted.named ? 'recorded' : 'refused';
}

/** The SDK call's own case header, added by the test's middleware (see secrets-fuzz.test.ts). */
function sdk(send: (client: APIGatewayClient) => Promise<unknown>): SdkRequest {
  return { kind: 'sdk', send };
}

export const PLACEMENTS: Record<string, Placement> = {
  // ---- the request ----
  'request header, custom name, shaped': (dice, id) => {
    const planted = shaped(dice);
    return {
      secrets: planted.secrets,
      expect: inText(planted),
      request: withHeader(createRestApi(id), pick(dice.shape, ['X-Debug', 'X-Trace-Context', 'X-Note']), `by ${oneLine(planted.text)}`),
      answer: created(id),
    };
  },
  'request header, credential name, unshaped': (dice, id) => {
    const value = unshapedSecret(dice.secret);
    const name = pick(dice.shape, ['X-Api-Key', 'X-Authorization', 'X-Auth-Token', 'X-Client-Secret', 'X-Db-Password', 'Cookie', 'X-Amz-Security-Token', 'Proxy-Authorization']);
    return { secrets: [value], expect: 'recorded', request: withHeader(createRestApi(id), name, name === 'Cookie' ? `session=${value}` : value), answer: created(id) };
  },
  'query, credential name, unshaped': (dice, id) => {
    const value = unshapedSecret(dice.secret);
    const name = pick(dice.shape, [
      'access_token',
      'Signature',
      'X-Amz-Signature',
      'X-Amz-Security-Token',
      'password',
      'api_key',
      'AWSAccessKeyId',
      'sig',
      'key',
      'id_token',
      'X-Amz-Credential',
    ]);
    const sent = name === 'X-Amz-Credential' ? `${value}%2F20250101%2Fus-east-1%2Fapigateway%2Faws4_request` : encodeURIComponent(value);
    return { secrets: [value], expect: 'recorded', request: createRestApi(id, { target: `/restapis?${name}=${sent}&v=1` }), answer: created(id) };
  },
  'query, neutral name, shaped': (dice, id) => {
    const planted = shaped(dice);
    return {
      replayable: false,
      secrets: planted.secrets,
      expect: inText(planted),
      request: createRestApi(id, { target: `/restapis?note=${encodeURIComponent(planted.text)}` }),
      answer: created(id),
    };
  },
  'request JSON member, shaped in prose': (dice, id) => {
    const planted = shaped(dice);
    return { replayable: false, secrets: planted.secrets, expect: inText(planted), request: createRestApi(id, {}, `deployed with ${planted.text} today`), answer: created(id) };
  },
  'request JSON member, credential named in a URL, unshaped': (dice, id) => {
    const value = unshapedSecret(dice.secret);
    const text = pick(dice.shape, [
      `callback https://app.example/cb?access_token=${value}&state=1`,
      `db url postgres://app@db/x?password=${value}`,
      `curl -H 'x-api-key: ${value}'`,
    ]);
    return { secrets: [value], expect: 'recorded', request: createRestApi(id, {}, text), answer: created(id) };
  },
  'request text body, shaped': (dice, id) => {
    const planted = shaped(dice);
    return {
      replayable: false,
      secrets: planted.secrets,
      expect: inText(planted),
      request: createRestApi(id, {
        headers: [
          ['Content-Type', 'text/plain'],
          ['Authorization', SCOPE],
          ['X-Fuzz-Case', id],
        ],
        body: Buffer.from(`note ${id}: ${planted.text}\n`),
      }),
      answer: created(id),
    };
  },
  'request XML body, credential named, unshaped': (dice, id) => {
    const value = unshapedSecret(dice.secret);
    const body = Buffer.from(`<Request id="${id}"><Url>https://b.example/k?Expires=1&amp;Signature=${value}</Url></Request>`);
    return {
      secrets: [value],
      expect: 'recorded',
      request: createRestApi(id, {
        headers: [
          ['Content-Type', 'application/xml'],
          ['Authorization', SCOPE],
          ['X-Fuzz-Case', id],
        ],
        body,
      }),
      answer: created(id),
    };
  },
  'request body hidden by an encoding, shaped': (dice, id) => {
    const planted = shaped(dice);
    const encoded = encodeHiding(dice.shape, JSON.stringify({ name: `api-${id}`, description: `with ${planted.text}`, padding: padding(dice.shape) }));
    const headers: [string, string][] = [
      ['Content-Type', 'application/json'],
      ['Authorization', SCOPE],
      ['X-Fuzz-Case', id],
      ...(encoded.encoding ? [['Content-Encoding', encoded.encoding] as [string, string]] : []),
    ];
    return {
      replayable: false,
      secrets: planted.secrets,
      expect: encoded.readable ? inText(planted) : 'refused',
      request: createRestApi(id, { headers, body: encoded.body }),
      answer: created(id),
    };
  },
  'request path, shaped': (dice, id) => {
    const planted = shaped(dice);
    const request = createRestApi(id, { method: 'GET', target: `/restapis/${encodeURIComponent(planted.text)}`, body: Buffer.alloc(0) });
    return {
      secrets: planted.secrets,
      expect: 'refused',
      request,
      answer: {
        status: 404,
        headers: [
          ['Content-Type', 'application/json'],
          ['X-Amzn-ErrorType', 'NotFoundException'],
        ],
        body: json({ message: 'Invalid API identifier specified' }),
      },
    };
  },
  'request, SDK CreateApiKey value, unshaped': (dice, id) => {
    const value = unshapedSecret(dice.secret);
    return {
      secrets: [value],
      expect: 'recorded',
      request: sdk((c) => c.send(new CreateApiKeyCommand({ name: `k-${id}`, value, enabled: true }))),
      answer: created(id, { value, enabled: true }),
    };
  },
  'request, SDK CreateDomainName certificatePrivateKey': (dice, id) => {
    const key = randomPrivateKey(dice.secret);
    const send = (c: APIGatewayClient) =>
      c.send(
        new CreateDomainNameCommand({
          domainName: `d${id}.example.com`,
          certificateName: 'cert',
          certificateBody: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
          certificatePrivateKey: key,
        }),
      );
    return {
      secrets: [key.split('\n')[1] as string],
      expect: 'recorded',
      request: sdk(send),
      answer: { status: 201, headers: [['Content-Type', 'application/json']], body: json({ domainName: `d${id}.example.com`, certificateName: 'cert' }) },
    };
  },

  // ---- the upstream's answer ----
  'response header, custom name, shaped': (dice, id) => {
    const planted = shaped(dice);
    return {
      secrets: planted.secrets,
      expect: inText(planted),
      request: createRestApi(id),
      answer: created(id, {}, [[pick(dice.shape, ['X-Debug', 'X-Upstream-Note']), oneLine(planted.text)]]),
    };
  },
  'response header, credential name, unshaped': (dice, id) => {
    const value = unshapedSecret(dice.secret);
    const name = pick(dice.shape, ['X-Api-Key', 'Set-Cookie', 'X-Amzn-Remapped-Authorization', 'X-Session-Token', 'X-Client-Secret']);
    return { secrets: [value], expect: 'recorded', request: createRestApi(id), answer: created(id, {}, [[name, value]]) };
  },
  'response JSON member, shaped': (dice, id) => {
    const planted = shaped(dice);
    return { secrets: planted.secrets, expect: inText(planted), request: createRestApi(id), answer: created(id, { description: `made with ${planted.text}` }) };
  },
  'response JSON error echoing the canonical request': (dice, id) => {
    const [token, keyId, signature] = [unshapedSecret(dice.secret), randomAccessKeyId(dice.secret), randomString(dice.secret, HEX, 64)];
    const message =
      "The request signature we calculated does not match the signature you provided. The Canonical String for this request should have been\n'POST\n/restapis\n" +
      `X-Amz-Credential=${keyId}%2F20250101%2Fus-east-1%2Fapigateway%2Faws4_request&X-Amz-Signature=${signature}\n` +
      `host:apigateway.us-east-1.amazonaws.com\nx-amz-security-token:${token}\n'`;
    const answer: PlannedAnswer = {
      status: 403,
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Amzn-ErrorType', 'InvalidSignatureException'],
      ],
      body: json({ message }),
    };
    return { secrets: [token, keyId, signature], expect: 'recorded', request: createRestApi(id), answer };
  },
  'response XML error echoing credentials': (dice, id) => {
    const [keyId, signature, other] = [randomAccessKeyId(dice.secret), randomString(dice.secret, HEX, 64), randomString(dice.secret, HEX, 64)];
    const body = Buffer.from(
      `<Error><Code>SignatureDoesNotMatch</Code><AWSAccessKeyId>${keyId}</AWSAccessKeyId><SignatureProvided>${signature}</SignatureProvided><Url>/k?X-Amz-Signature=${other}</Url></Error>`,
    );
    return { secrets: [keyId, signature, other], expect: 'recorded', request: createRestApi(id), answer: { status: 403, headers: [['Content-Type', 'application/xml']], body } };
  },
  'response text body, shaped': (dice, id) => {
    const planted = shaped(dice);
    return {
      secrets: planted.secrets,
      expect: inText(planted),
      request: createRestApi(id),
      answer: { status: 500, headers: [['Content-Type', 'text/plain']], body: Buffer.from(`internal error near ${planted.text}`) },
    };
  },
  'response body hidden by an encoding, shaped': (dice, id) => {
    const planted = shaped(dice);
    const encoded = encodeHiding(dice.shape, JSON.stringify({ id: `a${id}`, name: `api-${id}`, description: `with ${planted.text}`, padding: padding(dice.shape) }));
    const headers: [string, string][] = [['Content-Type', 'application/json'], ...(encoded.encoding ? [['Content-Encoding', encoded.encoding] as [string, string]] : [])];
    return { secrets: planted.secrets, expect: encoded.readable ? inText(planted) : 'refused', request: createRestApi(id), answer: { status: 201, headers, body: encoded.body } };
  },
  'response Location header, presigned URL': (dice, id) => {
    const [keyId, token, signature] = [randomAccessKeyId(dice.secret), unshapedSecret(dice.secret), randomString(dice.secret, HEX, 64)];
    const location = `https://b.s3.amazonaws.com/export.json?X-Amz-Credential=${keyId}%2F20250101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Security-Token=${token}&X-Amz-Signature=${signature}`;
    return { secrets: [keyId, token, signature], expect: 'recorded', request: createRestApi(id), answer: created(id, {}, [['Location', location]]) };
  },
  'response, SDK GetApiKey value, unshaped': (dice, id) => {
    const value = unshapedSecret(dice.secret);
    return {
      secrets: [value],
      expect: 'recorded',
      request: sdk((c) => c.send(new GetApiKeyCommand({ apiKey: `k${id}`, includeValue: true }))),
      answer: { status: 200, headers: [['Content-Type', 'application/json']], body: json({ id: `k${id}`, name: 'k', value }) },
    };
  },
  'response, SDK GetApiKeys values, unshaped': (dice, id) => {
    const values = [unshapedSecret(dice.secret), unshapedSecret(dice.secret)];
    const send = (c: APIGatewayClient) => c.send(new GetApiKeysCommand({ includeValues: true, nameQuery: `k${id}` }));
    return {
      secrets: values,
      expect: 'recorded',
      request: sdk(send),
      answer: { status: 200, headers: [['Content-Type', 'application/json']], body: json({ item: values.map((value, i) => ({ id: `k${id}-${i}`, value })) }) },
    };
  },
  'response, SDK CreateUsagePlanKey value, unshaped': (dice, id) => {
    const value = unshapedSecret(dice.secret);
    const send = (c: APIGatewayClient) => c.send(new CreateUsagePlanKeyCommand({ usagePlanId: `p${id}`, keyId: `k${id}`, keyType: 'API_KEY' }));
    return {
      secrets: [value],
      expect: 'recorded',
      request: sdk(send),
      answer: { status: 201, headers: [['Content-Type', 'application/json']], body: json({ id: `k${id}`, type: 'API_KEY', value }) },
    };
  },
};

export const PLACEMENT_NAMES = Object.keys(PLACEMENTS);

/**
 * Case `n` of a run: placement `n` modulo their number (every placement, evenly), structure
 * from `seed` and `n`, secrets from `secretSeed` (change it to plant new values in the same case).
 */
export function makeCase(seed: number, n: number, secretSeed: number = seed): FuzzCase {
  const placement = PLACEMENT_NAMES[n % PLACEMENT_NAMES.length] as string;
  const id = `c${n}`;
  const dice: Dice = { shape: createRng(seed * 31 + n), secret: createRng(secretSeed * 17 + n * 7 + 1), index: Math.floor(n / PLACEMENT_NAMES.length) };
  return { id, placement, ...(PLACEMENTS[placement] as Placement)(dice, id) };
}
