/**
 * The JSON form of a cassette, for `tapegate cassette export --json` / `import` and for
 * reading in review: the same header and exchanges, with `bytes` bodies as base64
 * (`{"kind":"bytes","base64":"..."}`). Importing checks every field and names the JSON
 * Pointer of the first bad one.
 */
import { TapegateError } from '../../core/errors.js';
import type { Body, ContentEncoding, EventStreamFrames, Exchange } from '../../core/exchange.js';
import { checkExchange, checkHeader, describeFailure } from './check.js';
import { CASSETTE_FORMAT, CASSETTE_FORMAT_VERSION, type Cassette, type CassetteHeader } from './format.js';

export type BodyJson =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown; raw?: string; encoding?: ContentEncoding }
  | { kind: 'bytes'; base64: string; encoding?: ContentEncoding; frames?: EventStreamFrames };

export interface ExchangeJson extends Omit<Exchange, 'request' | 'response'> {
  request: Omit<Exchange['request'], 'body'> & { body: BodyJson };
  response: Omit<Exchange['response'], 'body'> & { body: BodyJson };
}

export interface CassetteJson {
  header: CassetteHeader;
  exchanges: ExchangeJson[];
}

function bodyToJson(body: Body): BodyJson {
  if (body.kind !== 'bytes') return body;
  const json: BodyJson = {
    kind: 'bytes',
    base64: Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength).toString('base64'),
  };
  if (body.encoding) json.encoding = body.encoding;
  if (body.frames) json.frames = body.frames;
  return json;
}

function bodyFromJson(body: BodyJson): Body {
  if (body.kind !== 'bytes') return body;
  const bytes: Body = { kind: 'bytes', bytes: Buffer.from(body.base64, 'base64') };
  if (body.encoding) bytes.encoding = body.encoding;
  if (body.frames) bytes.frames = body.frames;
  return bytes;
}

/** The JSON form (a plain value for JSON.stringify). */
export function cassetteToJson(cassette: Cassette): CassetteJson {
  return {
    header: cassette.header,
    exchanges: cassette.exchanges.map((exchange) => ({
      ...exchange,
      request: { ...exchange.request, body: bodyToJson(exchange.request.body) },
      response: { ...exchange.response, body: bodyToJson(exchange.response.body) },
    })),
  };
}

/**
 * Reads the JSON form back, checking it. `source` names the input in errors:
 * `Failed to import cassette "x.json": /exchanges/3/response/status must be an integer from 200 to 599`.
 */
export function cassetteFromJson(json: unknown, source: string): Cassette {
  const fail = (reason: string): TapegateError => new TapegateError(`Failed to import cassette "${source}": ${reason}`, 2);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw fail('the value must be an object');
  const { header, exchanges, ...rest } = json as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw fail(`/${extra.replace(/~/g, '~0').replace(/\//g, '~1')} is not a known field`);
  const head = (typeof header === 'object' && header !== null ? header : {}) as Record<string, unknown>;
  if (head.format === CASSETTE_FORMAT && typeof head.formatVersion === 'number' && head.formatVersion > CASSETTE_FORMAT_VERSION) {
    throw fail(`format version ${head.formatVersion} is newer than this tapegate understands (${CASSETTE_FORMAT_VERSION}); upgrade tapegate`);
  }
  const badHeader = checkHeader(header);
  if (badHeader) throw fail(describeFailure(badHeader, '/header'));
  if (!Array.isArray(exchanges)) throw fail('/exchanges must be an array');
  // seq is an exchange's name in findings, reports and drift: two with one name are a mistake.
  const seen = new Map<number, number>();
  const imported = exchanges.map((exchange: unknown, index) => {
    const bad = checkExchange(exchange, 'base64');
    if (bad) throw fail(describeFailure(bad, `/exchanges/${index}`));
    const ex = exchange as ExchangeJson;
    const first = seen.get(ex.seq);
    if (first !== undefined) throw fail(`/exchanges/${index}/seq is ${ex.seq}, the seq of /exchanges/${first} already; each exchange needs its own`);
    seen.set(ex.seq, index);
    return {
      ...ex,
      request: { ...ex.request, body: bodyFromJson(ex.request.body) },
      response: { ...ex.response, body: bodyFromJson(ex.response.body) },
    } satisfies Exchange;
  });
  return { header: header as CassetteHeader, exchanges: imported };
}
