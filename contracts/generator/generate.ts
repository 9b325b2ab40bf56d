/**
 * `tapegate contracts generate`: botocore models → committed contract files
 * (`<out>/<service>-<apiVersion>.json`), all-or-nothing per run.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TapegateError } from '../../core/errors.js';
import { defaultOverlaysDir } from '../load.js';
import { loadOverlays, type SensitiveOverlay } from '../overlays.js';
import type { ServiceContract } from '../types.js';
import { findModelFiles, readModelFile } from './read-model.js';
import { isRestJson, serviceContractWithOverlay } from './service-contract.js';

export interface GenerateOptions {
  botocore: string;
  out: string;
  /** Only these services (botocore names). Default: every rest-json service found. */
  services?: string[];
  /**
   * Folder of overlay files whose `sensitive` entries mark secrets the models leave
   * unmarked; `false` for none. Default: the bundled contracts/overlays.
   */
  overlays?: string | false;
}

export interface GenerateResult {
  written: { service: string; apiVersion: string; file: string; operations: number; notes: string[] }[];
  /** Services of a data folder that were passed over because they are not rest-json. */
  skipped: { service: string; protocol: string }[];
}

export function contractFileName(service: string, apiVersion: string): string {
  return `${service}-${apiVersion}.json`;
}

export function generateContracts(options: GenerateOptions): GenerateResult {
  const files = findModelFiles(options.botocore);
  const single = files.length === 1;
  const contracts: ServiceContract[] = [];
  const result: GenerateResult = { written: [], skipped: [] };
  const overlays = options.overlays === false ? [] : loadOverlays(options.overlays ?? defaultOverlaysDir());
  const sensitiveFor = (service: string): SensitiveOverlay[] =>
    overlays.filter((overlay) => overlay.service === service).flatMap((overlay) => overlay.sensitive ?? []);
  for (const path of files) {
    const model = readModelFile(path, single ? options.botocore : relative(options.botocore, path) || path);
    if (options.services && !options.services.includes(model.service)) continue;
    // In a whole data folder other protocols are expected; a model named on its own must be rest-json.
    if (!single && !options.services && !isRestJson(model.model.metadata)) {
      result.skipped.push({ service: model.service, protocol: model.model.metadata.protocol ?? 'unknown' });
      continue;
    }
    contracts.push(serviceContractWithOverlay(model, sensitiveFor(model.service)));
  }
  if (options.services) {
    const missing = options.services.filter((s) => !contracts.some((c) => c.service === s));
    if (missing.length > 0) {
      throw new TapegateError(`Failed to generate contracts from "${options.botocore}": no model for ${missing.join(', ')}`, 2);
    }
  }
  // Everything is generated before anything is written: a bad model leaves the old files alone.
  mkdirSync(options.out, { recursive: true });
  for (const contract of contracts) {
    const file = join(options.out, contractFileName(contract.service, contract.apiVersion));
    const temporary = `${file}.tmp-${process.pid}`;
    writeFileSync(temporary, `${JSON.stringify(contract, null, 1)}\n`);
    renameSync(temporary, file);
    const notes = contract.notes;
    result.written.push({
      service: contract.service,
      apiVersion: contract.apiVersion,
      file,
      operations: Object.keys(contract.operations).length,
      notes,
    });
  }
  return result;
}
