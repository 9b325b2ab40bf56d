/**
 * tapegate's own schema keywords and what they mean, shared by both ways a part is checked (the
 * interpreter of a part's first uses, schema-interpreter.ts, and ajv's compiled code once the
 * part is hot, ajv-instance.ts), so the two cannot disagree:
 *
 *  - `tapegateKnown` reports a member the contract does not name. That is what keeps validation
 *    schemas open (an unknown field is not a violation) while still telling us about it, in the
 *    same single pass. Every structure of a body and of the definitions carries it (`markStructures`).
 *  - `tapegateLearned` lets an overlay rule depend on what other exchanges said about the API
 *    (contracts/learned-apis.ts): the validator passes the exchange's ValidationContext as the
 *    validation's `this`, and `{"if": {"tapegateLearned": {"protocolType": "WEBSOCKET"}}, "then": …}`
 *    picks the form that applies. It only ever stands in an `if`: it reports nothing itself.
 *
 * Nothing here loads ajv: a process pays for it when a part first gets hot.
 */
import type { ValidationContext } from './learned-apis.js';
import type { JsonSchema } from './types.js';

export const KNOWN_KEYWORD = 'tapegateKnown';
export const LEARNED_KEYWORD = 'tapegateLearned';
/** `{"tapegateRef": "<schemaId>#<Name>"}`: a `$ref` to a definition compiled on first use (lazy-definitions.ts). */
export const REF_KEYWORD = 'tapegateRef';

/** The formats a schema may name (ajv-formats' full forms): `date-time` is v2's timestamps. */
export const FORMATS = ['date-time', 'date', 'time', 'uri', 'email', 'byte'] as const;

/**
 * The condition of a `tapegateLearned` keyword: every member given must hold. `unknown` is
 * "never recorded"; `none` (subtype) is "recorded, and the integration has no subtype".
 */
export interface LearnedCondition {
  protocolType?: 'HTTP' | 'WEBSOCKET' | 'unknown';
  integrationSubtype?: string;
}

export function learnedHolds(condition: LearnedCondition, context: ValidationContext | undefined): boolean {
  if (condition.protocolType !== undefined && condition.protocolType !== (context?.protocolType ?? 'unknown')) return false;
  if (condition.integrationSubtype !== undefined) {
    const subtype = context?.integrationSubtype;
    const known = subtype === undefined ? 'unknown' : subtype === null ? 'none' : subtype;
    if (condition.integrationSubtype !== known) return false;
  }
  return true;
}

/** What the validation's `this` is: the validator passes a plain object; without one it is something else (undefined, the global object). */
export function contextOf(value: unknown): ValidationContext | undefined {
  return typeof value === 'object' && value !== null && value !== globalThis ? value : undefined;
}

export interface UnknownMemberParams {
  property: string;
  /** The known member this one differs from only in letter case, if any. */
  sameButCase?: string;
}

/** `tapegateKnown` of one structure: the members of a value it does not name, in the value's order. */
export function unknownMembersOf(structure: JsonSchema): (data: object) => UnknownMemberParams[] | null {
  const known = new Set(Object.keys((structure.properties as object | undefined) ?? {}));
  const byLowerCase = new Map([...known].map((name) => [name.toLowerCase(), name]));
  return (data) => {
    let unknown: UnknownMemberParams[] | null = null;
    for (const property of Object.keys(data)) {
      if (known.has(property)) continue;
      const params: UnknownMemberParams = { property };
      const sameButCase = byLowerCase.get(property.toLowerCase());
      if (sameButCase !== undefined) params.sameButCase = sameButCase;
      (unknown ??= []).push(params);
    }
    return unknown;
  };
}

/** Adds `tapegateKnown` to every object schema with named properties (structures, not maps). */
export function markStructures(schema: unknown): void {
  if (Array.isArray(schema)) return schema.forEach(markStructures);
  if (typeof schema !== 'object' || schema === null) return;
  const node = schema as JsonSchema;
  if (node.type === 'object' && typeof node.properties === 'object' && node.additionalProperties === undefined) {
    node[KNOWN_KEYWORD] = true;
  }
  for (const [key, value] of Object.entries(node)) {
    // Inside `properties` the keys are member names, not keywords; recurse into the values only.
    if (key === 'properties' && typeof value === 'object' && value !== null) Object.values(value).forEach(markStructures);
    else if (typeof value === 'object') markStructures(value);
  }
}
