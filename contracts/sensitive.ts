/**
 * The contracts' sensitive places by operation, for redaction: built once per contract set
 * (one pass over the operations at load), then one Map lookup per exchange. Operations
 * without secrets are absent, so most exchanges cost nothing more.
 */
import type { SensitiveLookup, SensitiveMember, SensitiveParts } from '../core/sensitive.js';
import type { ContractSet } from './load.js';

const built = new WeakMap<ContractSet, SensitiveLookup>();

function unionOf(lists: readonly (readonly SensitiveMember[] | undefined)[]): SensitiveMember[] {
  const seen = new Map<string, SensitiveMember>();
  for (const list of lists) for (const member of list ?? []) if (!seen.has(member.pointer)) seen.set(member.pointer, member);
  return [...seen.values()];
}

export function sensitiveLookup(contracts: ContractSet): SensitiveLookup {
  let lookup = built.get(contracts);
  if (lookup !== undefined) return lookup;
  const byOperation = new Map<string, SensitiveParts>();
  for (const [id, operation] of contracts.operations) {
    const parts: SensitiveParts = {
      request: operation.request.sensitive ?? [],
      response: operation.response.sensitive ?? [],
      errors: unionOf(operation.errors.map((error) => error.sensitive)),
    };
    if (parts.request.length + parts.response.length + parts.errors.length > 0) byOperation.set(id, Object.freeze(parts));
  }
  lookup = (operation) => byOperation.get(operation);
  built.set(contracts, lookup);
  return lookup;
}
