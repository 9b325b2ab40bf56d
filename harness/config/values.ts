/**
 * The checks a JSON Schema cannot make, run once the file fits the schema: sizes in units
 * become bytes, the upstream must parse as a URL, the contracts folder must exist, and
 * ignoreBody must name operations the contracts know. Each failure is one sentence naming
 * the key, as the schema's are.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapeSegment } from '../../core/json-pointer.js';
import type { ContractSet } from '../../contracts/load.js';
import { parseByteSize } from '../../proxy/option-values.js';
import { TapegateError } from '../../core/errors.js';
import { closestName } from './closest.js';
import { shown } from './schema-messages.js';

export function byteSize(value: number | string, problems: string[]): number | undefined {
  try {
    return parseByteSize(value, '/maxBodyBytes');
  } catch (error) {
    if (!(error instanceof TapegateError)) throw error;
    problems.push(`/maxBodyBytes must be a positive integer or a size such as "10MiB" (got ${shown(value)})`);
    return undefined;
  }
}

export function upstreamUrl(value: string, problems: string[]): URL | undefined {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // Reported below, like a URL of another scheme.
  }
  problems.push(`/upstream must be an http or https URL (got ${shown(value)})`);
  return undefined;
}

/** The config's `contracts`, one folder or a list, as absolute folders; each one missing is a problem naming its pointer. */
export function contractsFolders(value: string | string[], base: string, problems: string[]): string[] {
  const list = typeof value === 'string' ? [value] : value;
  const folders: string[] = [];
  list.forEach((entry, index) => {
    const folder = resolve(base, entry);
    let isFolder = false;
    try {
      isFolder = statSync(folder).isDirectory();
    } catch {
      // Missing or unreadable: the same sentence.
    }
    if (isFolder) folders.push(folder);
    else {
      const pointer = typeof value === 'string' ? '/contracts' : `/contracts/${index}`;
      problems.push(`${pointer} must be a folder of tapegate contract files, relative to the config file (got ${shown(entry)}: no such folder)`);
    }
  });
  return folders;
}

/** Every operation id of ignoreBody that the contracts lack, with the nearest one they have. */
export function unknownOperations(ignoreBody: Record<string, string[]>, contracts: ContractSet): string[] {
  const problems: string[] = [];
  for (const operation of Object.keys(ignoreBody)) {
    if (contracts.operations.has(operation)) continue;
    const near = closestName(operation, contracts.operations.keys());
    problems.push(`/ignoreBody/${escapeSegment(operation)} is not an operation of the contracts` + (near === undefined ? '' : ` (did you mean ${near}?)`));
  }
  return problems;
}
