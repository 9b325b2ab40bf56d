/**
 * The JSON form of a cassette as text, exchange by exchange: the same characters as
 * `JSON.stringify(cassetteToJson(cassette), null, 2)` plus a final newline, without ever
 * holding the whole text (a 100,000-exchange cassette is hundreds of megabytes of it).
 */
import type { Exchange } from '../../../core/exchange.js';
import { cassetteToJson } from '../../../cassettes/format/json.js';
import type { Cassette } from '../../../cassettes/format/format.js';
import { summarizedJson } from './body-summary.js';

/** Pretty JSON of `value`, every line after the first indented by `indent` more spaces. */
export function indentedJson(value: unknown, indent: number): string {
  // JSON strings escape their newlines, so every newline in the text is structural.
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(indent)}`);
}

/** `show` true: large and framed byte bodies summarised for people (body-summary.ts); the export keeps them whole. */
export function* cassetteJsonText(cassette: Cassette, show = false): Generator<string> {
  yield `{\n  "header": ${indentedJson(cassette.header, 2)},\n  "exchanges": [`;
  const { exchanges } = cassette;
  if (exchanges.length === 0) {
    yield ']\n}\n';
    return;
  }
  for (let index = 0; index < exchanges.length; index++) {
    // One exchange at a time through the library's own conversion, so both forms agree.
    const exchange = exchanges[index] as Exchange;
    const toJson = (one: Exchange) => cassetteToJson({ header: cassette.header, exchanges: [one] }).exchanges[0]!;
    const json = show ? summarizedJson(exchange, toJson) : toJson(exchange);
    yield `${index === 0 ? '' : ','}\n    ${indentedJson(json, 4)}`;
  }
  yield '\n  ]\n}\n';
}
