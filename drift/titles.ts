/** The first line of every report: what was compared with what, in the user's order. */
import type { ServiceContract } from '../contracts/types.js';
import type { CassetteSource, DriftSource } from './sources.js';
import { countOf } from '../core/text.js';

type ContractsSource = Extract<DriftSource, { kind: 'contracts' }>;
type CassettesSource = Extract<DriftSource, { kind: 'cassettes' }>;

function release(service: ServiceContract): string {
  return service.provenance.botocoreVersion ?? `sha256 ${service.provenance.sha256.slice(0, 12)}`;
}

/** `botocore apigateway 2015-07-09 (1.29.39) → (1.43.67)`: the right side says only what differs. */
export function contractsPairTitle(from: ContractsSource, before: ServiceContract, to: ContractsSource, after: ServiceContract): string {
  const left = `${from.origin} ${before.service} ${before.apiVersion} (${release(before)})`;
  const sameOrigin = from.origin === to.origin;
  const sameService = before.service === after.service && before.apiVersion === after.apiVersion;
  const right = `${sameOrigin ? '' : `${to.origin} `}${sameService ? '' : `${after.service} ${after.apiVersion} `}(${release(after)})`;
  return `${left} → ${right}`;
}

export function contractsLabel(source: ContractsSource): string {
  return `${source.origin} ${source.services.map((s) => `${s.service} ${s.apiVersion} (${release(s)})`).join(', ')}`;
}


function recorded(cassette: CassetteSource): string {
  return cassette.header.createdAt.slice(0, 10);
}

export function cassettesLabel(source: CassettesSource): string {
  const exchanges = source.cassettes.reduce((sum, c) => sum + c.exchanges.length, 0);
  if (source.cassettes.length === 1) {
    const [only] = source.cassettes;
    return `${source.path} (${countOf(exchanges, 'exchange')}, recorded ${recorded(only!)})`;
  }
  return `${source.path} (${countOf(source.cassettes.length, 'cassette')}, ${countOf(exchanges, 'exchange')})`;
}
