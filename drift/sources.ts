/** What `--from` and `--to` turned out to be, loaded: contracts (from models or files) or cassettes. */
import type { CassetteHeader } from '../cassettes/format/format.js';
import type { Exchange } from '../core/exchange.js';
import type { ServiceContract } from '../contracts/types.js';

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
