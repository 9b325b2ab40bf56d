/**
 * Reading contract files. `readServiceHeader` reads the first line only (what a folder
 * listing, the router's service lookup and the coverage check need); `readOperationsTable`
 * the operations' lines only (what a path router needs); `readCompactContract` parses the whole
 * file, on the service's first use. Both refuse a file that is not a tapegate
 * contract file or is of another format version, naming the file and what was expected.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { TapegateError } from '../../core/errors.js';
import type { ServiceProtocol } from '../types.js';
import { parseLaidOut } from './lazy-tables.js';
import { CONTRACT_FORMAT, CONTRACT_FORMAT_VERSION, type CompactContract, type CompactOperation, type ServiceHeader } from './compact-types.js';

const PROTOCOL_NAMES: readonly ServiceProtocol[] = ['rest-json', 'json', 'query', 'rest-xml'];

const TABLES = ['operations', 'messages', 'errors', 'shapes'] as const;
/** A header line is a few hundred bytes; a longer one is a file written some other way. */
const HEADER_LIMIT = 64 * 1024;

function fail(file: string, reason: string): TapegateError {
  return new TapegateError(`Failed to load contracts "${file}": ${reason}`, 2);
}

/** The service header of `file`, from its first line; the whole file when that line is not one. */
export function readServiceHeader(file: string): ServiceHeader {
  const line = firstLine(file);
  let parsed: unknown;
  if (line !== null && line.endsWith(',')) {
    try {
      parsed = JSON.parse(`${line.slice(0, -1)}}`);
    } catch {
      parsed = undefined;
    }
  }
  // A file written by hand or pretty-printed has no header line: read it whole.
  if (!isObject(parsed) || typeof parsed.service !== 'string') return checkHeader(parseFile(file), file);
  return checkHeader(parsed, file);
}

/** The whole file; its big tables are read an entry at a time when it is laid out as serialize.ts writes it (lazy-tables.ts). */
export function readCompactContract(file: string): CompactContract {
  const text = readText(file);
  const parsed = parseLaidOut(text, file) ?? parseText(text, file);
  checkHeader(parsed, file);
  for (const table of TABLES) {
    if (!isObject(parsed[table])) throw fail(file, `"${table}" must be an object (format version ${CONTRACT_FORMAT_VERSION})`);
  }
  if (!Array.isArray(parsed.notes)) throw fail(file, '"notes" must be an array');
  return parsed as unknown as CompactContract;
}

/**
 * The file's operations table, parsed alone: the lines between `"operations":{` and the line
 * that closes it, one operation each, as serialize.ts writes them (a line never holds a raw
 * newline). Null for a file laid out otherwise, or a table that does not parse: the caller
 * reads the whole file, which says what is wrong with it.
 */
export function readOperationsTable(file: string): Record<string, CompactOperation> | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const open = text.indexOf(OPERATIONS_LINE);
  const close = open === -1 ? -1 : text.indexOf('\n}', open + OPERATIONS_LINE.length - 1);
  if (close === -1) return null;
  try {
    const table: unknown = JSON.parse(`{${text.slice(open + OPERATIONS_LINE.length, close)}}`);
    return isObject(table) ? (table as Record<string, CompactOperation>) : null;
  } catch {
    return null;
  }
}

const OPERATIONS_LINE = '\n"operations":{\n';

/** Checks what a compact contract text says it is: the format, the version, the service fields. */
export function checkHeader(parsed: unknown, file: string): ServiceHeader {
  if (!isObject(parsed) || parsed.format !== CONTRACT_FORMAT) {
    throw fail(file, `not a tapegate contract file (expected "format": "${CONTRACT_FORMAT}")`);
  }
  if (parsed.formatVersion !== CONTRACT_FORMAT_VERSION) {
    const hint = parsed.formatVersion === 1 ? '; regenerate it with `tapegate contracts generate`' : '';
    throw fail(file, `format version ${String(parsed.formatVersion)} is not one this tapegate reads (${CONTRACT_FORMAT_VERSION})${hint}`);
  }
  for (const key of ['service', 'apiVersion', 'protocol', 'endpointPrefix', 'signingName', 'serviceId'] as const) {
    if (typeof parsed[key] !== 'string') throw fail(file, `"${key}" must be a string`);
  }
  if (parsed.globalEndpoint !== undefined && typeof parsed.globalEndpoint !== 'string') throw fail(file, '"globalEndpoint" must be a string');
  if (!PROTOCOL_NAMES.includes(parsed.protocol as ServiceProtocol)) {
    throw fail(file, `"protocol" must be one of ${PROTOCOL_NAMES.map((name) => `"${name}"`).join(', ')} (got ${JSON.stringify(parsed.protocol)})`);
  }
  if (parsed.protocol === 'json' && typeof parsed.targetPrefix !== 'string') throw fail(file, '"targetPrefix" must be a string for the json protocol');
  if (!isObject(parsed.provenance)) throw fail(file, '"provenance" must be an object');
  if (parsed.protocol === 'query' || parsed.protocol === 'rest-xml') {
    // Checked only when the whole file is read (a header line has no tables).
    for (const table of ['wireOperations', 'wireShapes']) {
      if (Object.hasOwn(parsed, 'operations') && !isObject(parsed[table])) throw fail(file, `"${table}" must be an object for the ${parsed.protocol} protocol`);
    }
  }
  return parsed as unknown as ServiceHeader;
}

function parseFile(file: string): Record<string, unknown> {
  return parseText(readText(file), file);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw fail(file, (error as Error).message);
  }
}

function parseText(text: string, file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw fail(file, (error as Error).message);
  }
  if (!isObject(parsed)) throw fail(file, `not a tapegate contract file (expected "format": "${CONTRACT_FORMAT}")`);
  return parsed;
}

/** The file's first line (without the newline), or null when there is none within HEADER_LIMIT. */
function firstLine(file: string): string | null {
  let handle: number;
  try {
    handle = openSync(file, 'r');
  } catch (error) {
    throw fail(file, (error as Error).message);
  }
  try {
    const buffer = Buffer.alloc(HEADER_LIMIT);
    let length = 0;
    while (length < HEADER_LIMIT) {
      const read = readSync(handle, buffer, length, Math.min(4096, HEADER_LIMIT - length), length);
      if (read === 0) break;
      const newline = buffer.subarray(length, length + read).indexOf(10);
      if (newline !== -1) return buffer.subarray(0, length + newline).toString('utf8');
      length += read;
    }
    return null;
  } finally {
    closeSync(handle);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
