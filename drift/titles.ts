/** The first line of every report: what was compared with what, in the user's order. */
import type { CassetteSource, ContractInputs, DriftSource, ServiceIdentity } from './sources.js';
import { countOf } from '../core/text.js';

type ContractsSource = Extract<DriftSource, { kind: 'contracts' }>;
type CassettesSource = Extract<DriftSource, { kind: 'cassettes' }>;

function release(service: ServiceIdentity): string {
  return service.provenance.botocoreVersion ?? `sha256 ${service.provenance.sha256.slice(0, 12)}`;
}

/** `botocore apigateway 2015-07-09 (1.29.39) → (1.43.67)`: the right side says only what differs. */
export function contractsPairTitle(from: { origin: string }, before: ServiceIdentity, to: { origin: string }, after: ServiceIdentity): string {
  const left = `${from.origin} ${before.service} ${before.apiVersion} (${release(before)})`;
  const sameOrigin = from.origin === to.origin;
  const sameService = before.service === after.service && before.apiVersion === after.apiVersion;
  const right = `${sameOrigin ? '' : `${to.origin} `}${sameService ? '' : `${after.service} ${after.apiVersion} `}(${release(after)})`;
  return `${left} → ${right}`;
}

/** Above this many service pairs the title names the two folders instead of every pair. */
const PAIRS_IN_TITLE = 3;

export function contractsTitle(from: ContractInputs, to: ContractInputs, pairs: { before: ServiceIdentity; after: ServiceIdentity }[]): string {
  if (pairs.length <= PAIRS_IN_TITLE) return `Comparing contracts: ${pairs.map((p) => contractsPairTitle(from, p.before, to, p.after)).join('; ')}`;
  const folder = (side: ContractInputs) => {
    const releases = new Set(side.inputs.map((s) => s.provenance.botocoreVersion));
    const [only] = releases;
    return `${side.origin} ${side.path}${releases.size === 1 && only ? ` (${only})` : ''}`;
  };
  return `Comparing contracts: ${folder(from)} → ${folder(to)}, ${countOf(pairs.length, 'service')} paired by name`;
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
