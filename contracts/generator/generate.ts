/**
 * `tapegate contracts generate`: botocore models → committed contract files
 * (`<out>/<service>-<apiVersion>.json`), all-or-nothing per run, one model in memory at a time.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { TapegateError } from '../../core/errors.js';
import { defaultOverlaysDir } from '../load.js';
import { loadOverlays, type QueryWireOverlay, type SensitiveOverlay } from '../overlays.js';
import { findModelFiles, readModelFile } from './read-model.js';
import { supportedProtocol } from '../protocols/index.js';
import { compactContract } from './service-contract.js';
import { serializeContract } from '../format/serialize.js';

export interface GenerateOptions {
  botocore: string;
  out: string;
  /** Only these services (botocore names). Default: every service of a protocol tapegate generates. */
  services?: string[];
  /**
   * Folder of overlay files whose `sensitive` entries mark secrets the models leave
   * unmarked, and whose `queryWire` names the query form of a json service that was a
   * query service (SQS); `false` for none. Default: the bundled contracts/overlays.
   */
  overlays?: string | false;
  /** Told before each model is generated: model `index` (from 0) of `total`. */
  progress?: (index: number, total: number, service: string) => void;
}

export interface GenerateResult {
  written: { service: string; apiVersion: string; file: string; operations: number; notes: string[] }[];
  /** Services of a data folder that were passed over: their protocol is not one tapegate generates. */
  skipped: { service: string; protocol: string }[];
}

export function contractFileName(service: string, apiVersion: string): string {
  return `${service}-${apiVersion}.json`;
}

export function generateContracts(options: GenerateOptions): GenerateResult {
  const found = findModelFiles(options.botocore);
  const single = found.length === 1;
  // In a data folder the service is the folder name: pass over the others without reading them.
  const files = found.filter((path) => single || !options.services || options.services.includes(basename(dirname(dirname(path)))));
  const result: GenerateResult = { written: [], skipped: [] };
  const overlays = options.overlays === false ? [] : loadOverlays(options.overlays ?? defaultOverlaysDir());
  const sensitiveFor = (service: string): SensitiveOverlay[] => overlays.filter((overlay) => overlay.service === service).flatMap((overlay) => overlay.sensitive ?? []);
  const queryWireFor = (service: string): QueryWireOverlay | undefined => overlays.find((overlay) => overlay.service === service && overlay.queryWire !== undefined)?.queryWire;
  // Each contract goes to a temporary file as soon as it is generated, so memory holds one
  // model at a time (a whole botocore release is hundreds); the files are renamed into place
  // only when every one succeeded, so a bad model still leaves the old files alone.
  const pending: { temporary: string; file: string }[] = [];
  try {
    for (const [index, path] of files.entries()) {
      const model = readModelFile(path, single ? options.botocore : relative(options.botocore, path) || path);
      options.progress?.(index, files.length, model.service);
      // In a whole data folder other protocols are expected; a model named on its own must be one tapegate generates.
      if (!single && !options.services && supportedProtocol(model.model.metadata) === null) {
        result.skipped.push({ service: model.service, protocol: model.model.metadata.protocol ?? 'unknown' });
        continue;
      }
      const contract = compactContract(model, sensitiveFor(model.service), queryWireFor(model.service));
      if (pending.length === 0) mkdirSync(options.out, { recursive: true });
      const file = join(options.out, contractFileName(contract.service, contract.apiVersion));
      const temporary = `${file}.tmp-${process.pid}`;
      pending.push({ temporary, file });
      writeFileSync(temporary, serializeContract(contract));
      result.written.push({ service: contract.service, apiVersion: contract.apiVersion, file, operations: Object.keys(contract.operations).length, notes: contract.notes });
    }
    if (options.services) {
      const missing = options.services.filter((s) => !result.written.some((c) => c.service === s));
      if (missing.length > 0) {
        throw new TapegateError(`Failed to generate contracts from "${options.botocore}": no model for ${missing.join(', ')}`, 2);
      }
    }
  } catch (error) {
    for (const { temporary } of pending) rmSync(temporary, { force: true });
    throw error;
  }
  for (const { temporary, file } of pending) renameSync(temporary, file);
  return result;
}
