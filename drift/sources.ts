/** What `--from` and `--to` turned out to be, loaded: contracts (from models or files) or cassettes. */
import type { CassetteHeader } from '../cassettes/format/format.js';
import type { Exchange } from '../core/exchange.js';
import type { Provenance, ServiceContract } from '../contracts/types.js';

export interface CassetteSource {
  /** As the user named it, or relative to the folder they named. */
  name: string;
  header: CassetteHeader;
  exchanges: Exchange[];
}

export type DriftSource =
  | {
      kind: 'contracts';
      /** `botocore` when generated from models on the fly, `contracts` when read from contract files. */
      origin: 'botocore' | 'contracts';
      path: string;
      services: ServiceContract[];
    }
  | { kind: 'cassettes'; path: string; cassettes: CassetteSource[] };

/** What names a service in a title, known before its contract is generated. */
export interface ServiceIdentity {
  service: string;
  apiVersion: string;
  provenance: Pick<Provenance, 'botocoreVersion' | 'sha256'>;
}

/**
 * One service of a contracts side, generated only when it is compared: a botocore data
 * folder holds hundreds, and holding them all at once is what ran out of memory.
 */
export interface ServiceInput extends ServiceIdentity {
  load(): ServiceContract;
}

/** The contracts side of a comparison, service by service. */
export interface ContractInputs {
  origin: 'botocore' | 'contracts';
  path: string;
  inputs: ServiceInput[];
}

/** A whole botocore data folder, not read yet: the models are generated one pair at a time. */
export interface ModelsFolder extends ContractInputs {
  kind: 'models';
  origin: 'botocore';
}

export type DriftInput = DriftSource | ModelsFolder;
