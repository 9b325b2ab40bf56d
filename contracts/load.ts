/**
 * Loading contracts: read the generated files of a folder, apply the overlays, index the
 * operations. Cheap on purpose (JSON.parse and a few maps): schemas are compiled lazily by
 * the validator, the first time an operation is seen.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TapegateError } from '../core/errors.js';
import { packageRoot } from '../core/package-root.js';
import { applyOverlays, loadOverlays, type OverlayReport } from './overlays.js';
import type { OperationContract, ServiceContract } from './types.js';

export function defaultContractsDir(): string {
  return join(packageRoot(), 'contracts', 'generated');
}

export function defaultOverlaysDir(): string {
  return join(packageRoot(), 'contracts', 'overlays');
}

export interface ContractSet {
  services: ServiceContract[];
  /** By operation id (`apigateway.GetIntegrationResponse`). */
  operations: Map<string, OperationContract>;
  /** The service each operation belongs to, by operation id. */
  serviceOf: Map<string, ServiceContract>;
  overlays: OverlayReport;
}

export interface LoadOptions {
  /** Folder of generated contract files. Default: the bundled ones. */
  dir?: string;
  /** Folder of overlay files; `false` for none. Default: the bundled overlays. */
  overlays?: string | false;
}

export function readContractFile(file: string): ServiceContract {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TapegateError(`Failed to load contracts "${file}": ${(error as Error).message}`, 2);
  }
  const contract = parsed as Partial<ServiceContract>;
  if (contract.format !== 'tapegate-contracts' || typeof contract.operations !== 'object') {
    throw new TapegateError(`Failed to load contracts "${file}": not a tapegate contract file (expected "format": "tapegate-contracts")`, 2);
  }
  if (contract.formatVersion !== 1) {
    throw new TapegateError(`Failed to load contracts "${file}": format version ${String(contract.formatVersion)} is not one this tapegate reads (1)`, 2);
  }
  return contract as ServiceContract;
}

export function contractFiles(dir: string): string[] {
  if (!existsSync(dir)) throw new TapegateError(`Failed to load contracts "${dir}": no such folder`, 2);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

export function loadContracts(options: LoadOptions = {}): ContractSet {
  const services = contractFiles(options.dir ?? defaultContractsDir()).map(readContractFile);
  return indexContracts(services, options.overlays === false ? [] : loadOverlays(options.overlays ?? defaultOverlaysDir()));
}

export function indexContracts(services: ServiceContract[], overlays: ReturnType<typeof loadOverlays> = []): ContractSet {
  const report = applyOverlays(services, overlays);
  const operations = new Map<string, OperationContract>();
  const serviceOf = new Map<string, ServiceContract>();
  for (const service of services) {
    for (const operation of Object.values(service.operations)) {
      operations.set(operation.id, operation);
      serviceOf.set(operation.id, service);
    }
  }
  return { services, operations, serviceOf, overlays: report };
}

let bundled: ContractSet | undefined;

/** The bundled contracts with their overlays, loaded once per process. */
export function bundledContracts(): ContractSet {
  bundled ??= loadContracts();
  return bundled;
}
