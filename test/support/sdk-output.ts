/**
 * What an SDK's parsed output should hold, given the canned response it parsed: every top-level
 * response member under its SDK name (the contract's `member`), taken from the wire name
 * (`contentHandlingStrategy` → `ContentHandlingStrategy`, v1 `item` → `items`), timestamps as
 * `Date`s (v1 and json epoch seconds, v2 ISO 8601), header members from headers, a blob payload
 * or a base64 blob member of a JSON body as bytes.
 * Returns the mismatches as sentences, so one assertion names every member that went astray.
 */
import { isDeepStrictEqual } from 'node:util';
import type { JsonSchema, OperationContract, ServiceContract } from '../../contracts/types.js';
import type { CannedResponse } from './sample-from-schema.js';

export function outputMismatches(output: Record<string, unknown>, operation: OperationContract, service: ServiceContract, canned: CannedResponse): string[] {
  const problems: string[] = [];
  const sampled = (canned.sampled ?? {}) as Record<string, unknown>;
  for (const member of operation.response.members) {
    const actual = output[member.member];
    const where = `${member.member} (wire ${member.location} "${member.wireName}")`;
    if (member.location === 'header') {
      const sent = canned.response.headers[member.wireName.toLowerCase()];
      if (sent !== undefined && actual !== sent) problems.push(`${where}: expected ${JSON.stringify(sent)}, got ${JSON.stringify(actual)}`);
      continue;
    }
    if (member.location !== 'body') continue;
    if (operation.response.bodyKind === 'blob') {
      const bytes = canned.response.body.kind === 'bytes' ? canned.response.body.bytes : undefined;
      if (!(actual instanceof Uint8Array) || !bytes || !Buffer.from(actual).equals(Buffer.from(bytes))) {
        problems.push(`${where}: expected the payload bytes, got ${describe(actual)}`);
      }
      continue;
    }
    if (!(member.wireName in sampled)) continue;
    const sent = sampled[member.wireName];
    if (isBlob(member.shape, service)) {
      // A blob inside a JSON body travels as base64 (json protocol): the SDK hands over the bytes.
      if (!(actual instanceof Uint8Array) || !Buffer.from(actual).equals(Buffer.from(String(sent), 'base64')))
        problems.push(`${where}: expected the bytes of ${JSON.stringify(sent)}, got ${describe(actual)}`);
    } else if (isTimestamp(member.shape, service)) {
      const expected = typeof sent === 'number' ? sent * 1000 : Date.parse(String(sent));
      if (!(actual instanceof Date) || actual.getTime() !== expected) problems.push(`${where}: expected a Date at ${new Date(expected).toISOString()}, got ${describe(actual)}`);
    } else if (sent !== null && typeof sent === 'object') {
      // Nested members are renamed too (v2); compare their shape, not their names.
      if (actual === null || typeof actual !== 'object') problems.push(`${where}: expected an ${Array.isArray(sent) ? 'array' : 'object'}, got ${describe(actual)}`);
      else if (Array.isArray(sent) && (!Array.isArray(actual) || actual.length !== sent.length))
        problems.push(`${where}: expected ${sent.length} item(s), got ${describe(actual)}`);
      else if (!Array.isArray(sent) && Object.keys(actual).length !== Object.keys(sent).length)
        problems.push(`${where}: expected ${Object.keys(sent).length} member(s), got ${describe(actual)}`);
    } else if (!isDeepStrictEqual(actual, sent)) {
      problems.push(`${where}: expected ${JSON.stringify(sent)}, got ${describe(actual)}`);
    }
  }
  return problems;
}

/** A member whose shape the contract marks as a timestamp (v1 epoch seconds, v2 date-time). */
export function isTimestamp(shape: string, service: ServiceContract): boolean {
  const definition: JsonSchema | undefined = service.definitions.validation[shape];
  if (!definition) return false;
  const parts = [definition, ...((definition.allOf as JsonSchema[] | undefined) ?? [])];
  return parts.some((part) => part.format === 'date-time' || (typeof part.$comment === 'string' && /epoch/i.test(part.$comment)));
}

/** A member whose shape is a blob carried in a JSON body (base64). */
function isBlob(shape: string, service: ServiceContract): boolean {
  return service.definitions.validation[shape]?.contentEncoding === 'base64';
}

function describe(value: unknown): string {
  if (value instanceof Date) return `Date ${value.toISOString()}`;
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  return JSON.stringify(value) ?? String(value);
}
