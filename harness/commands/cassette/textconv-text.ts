/**
 * The text `git diff` shows for a cassette (`tapegate cassette textconv`): line-oriented
 * and stable, so a diff shows what changed and nothing else. The JSON form with every
 * object's keys sorted (two recordings of the same traffic may build their objects in a
 * different key order), one exchange after the other, each after a comment line naming
 * it. Damage never stops it: the intact prefix is shown and a last line says what is wrong.
 */
import type { Exchange } from '../../../core/exchange.js';
import type { Decoded } from '../../../cassettes/format/decode.js';
import { cassetteToJson } from '../../../cassettes/format/json.js';
import { summarizedJson } from './body-summary.js';
import type { CassetteHeader } from '../../../cassettes/format/format.js';
import { countOf } from '../../../core/text.js';

/** A copy with every object's keys in code-unit order (fromEntries: `__proto__` stays a plain key). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value).sort();
  return Object.fromEntries(keys.map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}

const pretty = (value: unknown): string => `${JSON.stringify(sortKeys(value), null, 2)}\n`;

/** `# exchange 3 apigateway.GetIntegrationResponse` then the exchange. */
export function exchangeText(exchange: Exchange, index: number, header: CassetteHeader): string {
  const json = summarizedJson(exchange, (one) => cassetteToJson({ header, exchanges: [one] }).exchanges[0]!);
  return `# exchange ${index} ${exchange.operation ?? '(no operation)'}\n${pretty(json)}`;
}

/** Bytes that are not a cassette but are text (a JSON fixture named .cassette, an LFS pointer) are worth showing. */
function asText(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function* textconvLines(bytes: Buffer, decode: (bytes: Buffer) => Decoded): Generator<string> {
  let decoded: Decoded;
  try {
    decoded = decode(bytes);
  } catch (error) {
    yield `# not readable as a tapegate cassette: ${error instanceof Error ? error.message : String(error)}\n`;
    return;
  }
  if (!decoded.usable) {
    yield `# not readable as a tapegate cassette: ${decoded.reason}\n`;
    const text = asText(bytes);
    if (text !== null && text.length > 0) yield text.endsWith('\n') ? text : `${text}\n`;
    return;
  }
  const { header, exchanges, problem } = decoded;
  yield `# tapegate cassette, format version ${header.formatVersion}, ${countOf(exchanges.length, 'exchange')}${problem ? ' intact' : ''}\n`;
  yield `# header\n${pretty(header)}`;
  for (const [index, exchange] of exchanges.entries()) yield exchangeText(exchange, index, header);
  if (problem) {
    yield (
      `# damaged: ${problem.kind} record at byte ${problem.offset} (${problem.detail}); ` +
      `the ${countOf(exchanges.length, 'exchange')} above ${exchanges.length === 1 ? 'is' : 'are'} intact, the rest of the file is not shown\n`
    );
  }
}
