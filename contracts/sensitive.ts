/**
 * The contracts' sensitive places by operation, for redaction: worked out once per operation,
 * the first time it is asked for (loading its service if need be), then one Map lookup per
 * exchange. Operations without secrets answer undefined, so most exchanges cost nothing more.
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
  const byOperation = new Map<string, SensitiveParts | undefined>();
  lookup = (id) => {
    if (byOperation.has(id)) return byOperation.get(id);
    const operation = contracts.operations.get(id);
    let parts: SensitiveParts | undefined;
    if (operation !== undefined) {
      parts = {
        request: operation.request.sensitive ?? [],
        response: operation.response.sensitive ?? [],
        errors: unionOf(operation.errors.map((error) => error.sensitive)),
      };
      parts = parts.request.length + parts.response.length + parts.errors.length > 0 ? Object.freeze(parts) : undefined;
    }
    byOperation.set(id, parts);
    return parts;
  };
  built.set(contracts, lookup);
  return lookup;
}
