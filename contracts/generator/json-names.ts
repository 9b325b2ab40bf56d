/**
 * rest-json and json: the model names of body members whose JSON key is another name (their
 * `locationName`), for each structure in the contract's `shapes` and each error shape. The schemas key members by
 * their JSON names only, so without this table a member whose JSON name changes between two
 * models reads as one member removed and another added; with it, drift pairs the two keys by
 * the member's model name (drift/wire-json.ts) and knows a recorded key that is the member's
 * model name for its old wire name (drift/recorded-wire-name.ts). Only structures that have
 * such a member are listed, so most services carry no table at all.
 */
import { setOwn } from '../../core/own.js';
import type { BotocoreShape } from './botocore-model.js';

/** Shape name → member model name → JSON key, for the members whose JSON key differs. */
export type JsonNames = Record<string, Record<string, string>>;

export function jsonNamesOf(names: readonly string[], shapes: Record<string, BotocoreShape>): JsonNames | undefined {
  const table: JsonNames = {};
  for (const name of names) {
    const shape = Object.hasOwn(shapes, name) ? shapes[name] : undefined;
    if (shape?.type !== 'structure') continue;
    const renamed: Record<string, string> = {};
    for (const [member, ref] of Object.entries(shape.members ?? {})) {
      // Header, query and URI members of a structure nested in a body do not travel there; the top-level ones are the message's members list.
      if (ref.location === undefined && ref.locationName !== undefined && ref.locationName !== member) setOwn(renamed, member, ref.locationName);
    }
    if (Object.keys(renamed).length > 0) setOwn(table, name, renamed);
  }
  return Object.keys(table).length > 0 ? table : undefined;
}
