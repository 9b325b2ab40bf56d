/**
 * Loading contracts, per service on first use. A folder is listed from the first line of each
 * file (the service header: names, protocol, signing name, target prefix), which is all the
 * router needs to pick a service and the coverage check to say which services are known. A
 * service's file is parsed, expanded (format/expand.ts) and given its overlays the first time
 * one of its operations is asked for; schemas are compiled later still, by the validator, the
 * first time an operation part is checked.
 */
import { join } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { TapegateError } from '../core/errors.js';
import { ownValue } from '../core/own.js';
import { packageRoot } from '../core/package-root.js';
import type { ServiceHeader } from './format/compact-types.js';
import { readCompactContract, readOperationsTable, readServiceHeader } from './format/contract-file.js';
import { expandContract } from './format/expand.js';
import { applyOverlays, loadOverlays, type OverlayFile, type OverlayReport } from './overlays.js';
import type { RoutableOperation } from './router.js';
import type { OperationContract, ServiceContract } from './types.js';

export function defaultContractsDir(): string {
  return join(packageRoot(), 'contracts', 'generated');
}

export function defaultOverlaysDir(): string {
  return join(packageRoot(), 'contracts', 'overlays');
}

/** What is known of a service without loading its contracts. */
export type ServiceSummary = Pick<
  ServiceHeader,
  'service' | 'apiVersion' | 'protocol' | 'endpointPrefix' | 'signingName' | 'serviceId' | 'globalEndpoint' | 'targetPrefix' | 'jsonVersion' | 'awsQueryCompatible' | 'provenance'
>;

/** Operations by id (`apigateway.GetIntegrationResponse`); `get` and `has` load only the id's service. */
export interface OperationLookup {
  get(id: string): OperationContract | undefined;
  has(id: string): boolean;
  /** Every operation id: loads every service. */
  keys(): IterableIterator<string>;
  /** Every operation: loads every service. */
  values(): IterableIterator<OperationContract>;
}

interface Slot {
  summary: ServiceSummary;
  /** Each operation's id and HTTP binding (what a path router needs), without expanding any. */
  routes?: RoutableOperation[];
  /** The file to load from; absent for contracts given already loaded. */
  file?: string;
  contract?: ServiceContract;
}

/** A service whose file took the place of an earlier one of the same name (a user's Lambda over the bundled one). */
export interface ReplacedService {
  service: string;
  /** The file that is used. */
  file: string;
  /** The file it replaced. */
  replaced: string;
}

export class ContractSet {
  /** Every service, as its header says (cheap: nothing is loaded). */
  readonly services: readonly ServiceSummary[];
  /** Services of a later file or folder that replaced one of the same name (see `loadContracts`' `extraDirs`). */
  readonly replaced: readonly ReplacedService[];
  /** Overlay rules applied and not applied, for the services loaded so far. */
  readonly overlays: OverlayReport = { applied: [], unapplied: [] };
  readonly operations: OperationLookup;
  /** The service an operation belongs to, by operation id (loads it). */
  readonly serviceOf: { get(id: string): ServiceContract | undefined };
  private readonly slots = new Map<string, Slot>();

  constructor(
    slots: Slot[],
    private readonly overlayFiles: readonly OverlayFile[],
  ) {
    // Two files of one service (two api versions, or a user's folder after the bundled one): the
    // later one wins, and only it is listed (two listed would give the router every operation twice).
    const replaced: ReplacedService[] = [];
    for (const slot of slots) {
      const earlier = this.slots.get(slot.summary.service);
      if (earlier?.file !== undefined && slot.file !== undefined && earlier.file !== slot.file)
        replaced.push({ service: slot.summary.service, file: slot.file, replaced: earlier.file });
      this.slots.set(slot.summary.service, slot);
    }
    this.replaced = replaced;
    this.services = [...this.slots.values()].map((slot) => slot.summary);
    for (const slot of slots) if (slot.contract) this.overlay(slot.contract);
    this.operations = {
      get: (id) => this.operation(id),
      has: (id) => this.operation(id) !== undefined,
      keys: () => this.allOperations().map(idOf).values(),
      values: () => this.allOperations().values(),
    };
    this.serviceOf = { get: (id) => (this.operation(id) === undefined ? undefined : this.service(serviceName(id))) };
  }

  /** The service's contracts, loaded on first use; undefined for a service the set lacks. */
  service(name: string): ServiceContract | undefined {
    const slot = this.slots.get(name);
    if (slot === undefined) return undefined;
    if (slot.contract === undefined) {
      const compact = readCompactContract(slot.file!);
      const contract = expandContract(compact, true);
      slot.routes = Object.entries(compact.operations).map(([name, operation]) => ({ id: `${compact.service}.${name}`, http: operation.http }));
      this.overlay(contract);
      slot.contract = contract;
    }
    return slot.contract;
  }

  /**
   * Each operation's id and HTTP binding, for a path router. A service not loaded yet is read
   * for its operations table alone: API Gateway's two services share a signing name, so a
   * router for either names both, and a request for one need not load the other.
   */
  routesOf(name: string): RoutableOperation[] {
    const slot = this.slots.get(name);
    if (slot === undefined) return [];
    if (slot.routes === undefined && slot.contract === undefined && slot.file !== undefined) {
      const table = readOperationsTable(slot.file);
      if (table !== null) slot.routes = Object.entries(table).map(([operation, { http }]) => ({ id: `${slot.summary.service}.${operation}`, http }));
    }
    if (slot.routes !== undefined) return slot.routes;
    const contract = this.service(name);
    return slot.routes ?? (contract === undefined ? [] : Object.values(contract.operations));
  }

  /** The file a service is read from; undefined for a service given already loaded, or one the set lacks. */
  fileOf(name: string): string | undefined {
    return this.slots.get(name)?.file;
  }

  /** True once the service's contracts are in memory. */
  isLoaded(name: string): boolean {
    return this.slots.get(name)?.contract !== undefined;
  }

  operation(id: string): OperationContract | undefined {
    const service = this.service(serviceName(id));
    return service === undefined ? undefined : ownValue(service.operations, id.slice(id.indexOf('.') + 1));
  }

  /** Every service, loaded (for listings; routing and validation never need all of them). */
  loadAll(): ServiceContract[] {
    return [...this.slots.keys()].map((name) => this.service(name)!);
  }

  private allOperations(): OperationContract[] {
    return this.loadAll().flatMap((service) => Object.values(service.operations));
  }

  private overlay(contract: ServiceContract): void {
    const report = applyOverlays([contract], [...this.overlayFiles]);
    this.overlays.applied.push(...report.applied);
    this.overlays.unapplied.push(...report.unapplied);
  }
}

const idOf = (operation: OperationContract): string => operation.id;

function serviceName(id: string): string {
  const dot = id.indexOf('.');
  return dot === -1 ? id : id.slice(0, dot);
}

export interface LoadOptions {
  /** Folder of generated contract files. Default: the bundled ones. */
  dir?: string;
  /**
   * More folders, loaded beside `dir`'s files (a project's own services, generated with
   * `tapegate contracts generate`): a service here replaces one of the same name before it,
   * which `ContractSet.replaced` reports.
   */
  extraDirs?: readonly string[];
  /** Folder of overlay files; `false` for none. Default: the bundled overlays. */
  overlays?: string | false;
}

/** A contract file, whole and expanded (no overlays). */
export function readContractFile(file: string): ServiceContract {
  return expandContract(readCompactContract(file));
}

export function contractFiles(dir: string): string[] {
  if (!existsSync(dir)) throw new TapegateError(`Failed to load contracts "${dir}": no such folder`, 2);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

/** The contracts of a folder, listed (each file's header line); each service loads on first use. */
export function loadContracts(options: LoadOptions = {}): ContractSet {
  const files = [options.dir ?? defaultContractsDir(), ...(options.extraDirs ?? [])].flatMap(contractFiles);
  const slots = files.map((file) => ({ summary: summaryOf(readServiceHeader(file)), file }));
  return new ContractSet(slots, options.overlays === false ? [] : loadOverlays(options.overlays ?? defaultOverlaysDir()));
}

/** A set of contracts already in memory (tests, drift), with the overlays applied now. */
export function indexContracts(services: ServiceContract[], overlays: OverlayFile[] = []): ContractSet {
  return new ContractSet(
    services.map((contract) => ({ summary: contract, contract })),
    overlays,
  );
}

function summaryOf(header: ServiceHeader): ServiceSummary {
  const { service, apiVersion, protocol, endpointPrefix, signingName, serviceId, globalEndpoint, targetPrefix, jsonVersion, awsQueryCompatible, provenance } = header;
  return {
    service,
    apiVersion,
    protocol,
    endpointPrefix,
    signingName,
    serviceId,
    ...(targetPrefix !== undefined ? { targetPrefix } : {}),
    ...(jsonVersion !== undefined ? { jsonVersion } : {}),
    ...(globalEndpoint === undefined ? {} : { globalEndpoint }),
    ...(awsQueryCompatible ? { awsQueryCompatible } : {}),
    provenance,
  };
}

let bundled: ContractSet | undefined;

/** The bundled contracts with their overlays, listed once per process (each service loads on first use). */
export function bundledContracts(): ContractSet {
  bundled ??= loadContracts();
  return bundled;
}
