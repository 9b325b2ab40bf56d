/**
 * Checked encoding for writers: nothing reaches disk that the reader would refuse.
 */
import { TapegateError } from '../../core/errors.js';
import { encodeEndRecord, encodePreamble, type ExchangeEncoder } from './codec.js';
import type { Exchange } from '../../core/exchange.js';
import { checkExchange, checkHeader, describeFailure } from './check.js';
import { CASSETTE_FORMAT_VERSION, type CassetteHeader } from './format.js';

/**
 * Magic + header record, after checking the header is one this tapegate writes. A header
 * read from an older cassette is written as the current version (the exchanges and the
 * JSON form are the same in every version so far; the layout is this writer's); a newer
 * one is refused, since this tapegate cannot know what it would drop.
 */
export function checkedPreamble(header: CassetteHeader, verb: string, file: string): Buffer {
  const bad = checkHeader(header);
  if (bad) throw new TapegateError(`Failed to ${verb} "${file}": invalid header: ${describeFailure(bad)}`);
  if (header.formatVersion > CASSETTE_FORMAT_VERSION) {
    throw new TapegateError(`Failed to ${verb} "${file}": this tapegate writes format version ${CASSETTE_FORMAT_VERSION}, the header says ${header.formatVersion}`);
  }
  return encodePreamble({ ...header, formatVersion: CASSETTE_FORMAT_VERSION });
}

/** One exchange's framed records (blobs, then the exchange), after checking its shape. */
export function checkedExchange(encode: ExchangeEncoder, exchange: Exchange, index: number, verb: string, file: string): Buffer[] {
  const bad = checkExchange(exchange, 'binary');
  if (bad) throw new TapegateError(`Failed to ${verb} "${file}": exchange ${index} is invalid: ${describeFailure(bad)}`);
  return encode(exchange);
}

/**
 * Every chunk of a cassette file, encoded lazily so a big cassette is never built whole.
 * `ending` 'end' closes it with the end record (a finished cassette); 'open' leaves it
 * open for appends (a journal).
 */
export function* cassetteChunks(
  header: CassetteHeader,
  exchanges: Iterable<Exchange>,
  encode: ExchangeEncoder,
  verb: string,
  file: string,
  ending: 'end' | 'open' = 'end',
): Generator<Buffer> {
  yield checkedPreamble(header, verb, file);
  let index = 0;
  for (const exchange of exchanges) yield* checkedExchange(encode, exchange, index++, verb, file);
  if (ending === 'end') yield encodeEndRecord(index);
}
