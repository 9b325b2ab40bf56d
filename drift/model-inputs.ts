/**
 * The services of a botocore data folder that tapegate generates contracts for, listed without generating anything:
 * the service and api version come from the folder layout, the protocol from the head of
 * the model (metadata comes first in every service-2.json), the release from the path or
 * the file's sha256. Each model is read in full only when its service is compared.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import { botocoreVersionOf, readModelFile } from '../contracts/generator/read-model.js';
import { supportedProtocol } from '../contracts/protocols/index.js';
import { serviceContract } from '../contracts/generator/service-contract.js';
import type { ServiceInput } from './sources.js';

/** Enough of a model's start to hold its metadata; the whole file is read when the head is not. */
const HEAD_BYTES = 16 * 1024;

export function modelInputs(files: string[]): ServiceInput[] {
  const inputs: ServiceInput[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    if (supportedProtocol(protocolsOf(file, bytes)) === null) continue;
    inputs.push({
      service: basename(dirname(dirname(file))),
      apiVersion: basename(dirname(file)),
      provenance: { botocoreVersion: botocoreVersionOf(file), sha256: createHash('sha256').update(bytes).digest('hex') },
      load: () => serviceContract(readModelFile(file)),
    });
  }
  return inputs;
}

/** `metadata.protocol` and `metadata.protocols`, read from the head of the file. */
function protocolsOf(file: string, bytes: Buffer): { protocol?: string; protocols?: string[] } {
  const head = file.endsWith('.gz')
    ? gunzipSync(bytes.subarray(0, HEAD_BYTES), { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8')
    : bytes.subarray(0, HEAD_BYTES).toString('utf8');
  const metadata = metadataText(head);
  if (metadata !== undefined) {
    try {
      return JSON.parse(metadata) as { protocol?: string; protocols?: string[] };
    } catch {
      // Not what it seemed: read the whole model below.
    }
  }
  return readModelFile(file).model.metadata;
}

/**
 * The text of the top-level `metadata` object: the first `"metadata"` key, which botocore
 * writes right after `"version"`, up to its closing brace (nested objects such as
 * `protocolSettings` and braces inside strings counted right). Undefined when the head
 * does not hold all of it.
 */
function metadataText(head: string): string | undefined {
  const key = /^\s*\{\s*(?:"version"\s*:\s*"[^"]*"\s*,\s*)?"metadata"\s*:\s*/.exec(head);
  if (!key || head[key[0].length] !== '{') return undefined;
  let depth = 0;
  let inString = false;
  for (let i = key[0].length; i < head.length; i++) {
    const char = head[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}' && --depth === 0) return head.slice(key[0].length, i + 1);
  }
  return undefined;
}
