/**
 * The ajv set-up of a service's validators (one instance per service, made when the service is
 * first checked): draft-07 validation, all errors,
 * formats (`date-time` for v2 timestamps), and the `tapegateKnown` keyword that reports a
 * member the contract does not name. That keyword is what keeps validation schemas open (an
 * unknown field is not a violation) while still telling us about it, in the same single pass.
 *
 * `tapegateLearned` lets an overlay rule depend on what other exchanges said about the API
 * (contracts/learned-apis.ts): the validator passes the exchange's ValidationContext as ajv's
 * context (`passContext`), and `{"if": {"tapegateLearned": {"protocolType": "WEBSOCKET"}}, "then": …}`
 * picks the form that applies. It only ever stands in an `if`: it reports nothing itself.
 */
import AjvModule, { type AnySchemaObject, type ErrorObject } from 'ajv';
import type { DataValidateFunction } from 'ajv/dist/types/index.js';
import formatsModule from 'ajv-formats';
import type { ValidationContext } from './learned-apis.js';
import type { JsonSchema, ServiceContract } from './types.js';

// ajv and ajv-formats are CommonJS with `default` exports.
const Ajv = AjvModule.default;
const addFormats = formatsModule.default;
export type AjvInstance = InstanceType<typeof Ajv>;

export const KNOWN_KEYWORD = 'tapegateKnown';
export const LEARNED_KEYWORD = 'tapegateLearned';

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

export interface UnknownMemberParams {
  property: string;
  /** The known member this one differs from only in letter case, if any. */
  sameButCase?: string;
}

/** An ajv instance for one service: its definitions added once, under the service's `schemaId`. */
export function createAjv(service: ServiceContract): AjvInstance {
  // passContext: `validate.call(context, data)` hands the ValidationContext to tapegateLearned, through every $ref.
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateSchema: false, addUsedSchema: false, passContext: true });
  addFormats(ajv, ['date-time', 'date', 'time', 'uri', 'email', 'byte']);
  ajv.addKeyword({
    keyword: KNOWN_KEYWORD,
    schemaType: 'boolean',
    type: 'object',
    errors: true,
    compile(_value: boolean, parentSchema: AnySchemaObject) {
      const known = new Set(Object.keys((parentSchema.properties as object | undefined) ?? {}));
      const byLowerCase = new Map([...known].map((name) => [name.toLowerCase(), name]));
      const check: DataValidateFunction = (data: unknown) => {
        let errors: Partial<ErrorObject>[] | null = null;
        for (const property of Object.keys(data as object)) {
          if (known.has(property)) continue;
          const params: UnknownMemberParams = { property };
          const sameButCase = byLowerCase.get(property.toLowerCase());
          if (sameButCase !== undefined) params.sameButCase = sameButCase;
          (errors ??= []).push({ keyword: KNOWN_KEYWORD, params, message: `unknown member ${property}` });
        }
        check.errors = errors ?? undefined;
        return errors === null;
      };
      return check;
    },
  });
  ajv.addKeyword({
    keyword: LEARNED_KEYWORD,
    schemaType: 'object',
    errors: false,
    compile(condition: LearnedCondition) {
      // ajv calls this with the context the validator passed; a plain `validate(data)` passes none.
      return function (this: unknown): boolean {
        return learnedHolds(condition, isContext(this) ? this : undefined);
      };
    },
  });
  for (const definition of Object.values(service.definitions.validation)) markStructures(definition);
  ajv.addSchema({ $id: service.schemaId, definitions: service.definitions.validation });
  return ajv;
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

/** What the validator passes is a plain object; without one, ajv's `this` is something else (undefined, the global object). */
function isContext(value: unknown): value is ValidationContext {
  return typeof value === 'object' && value !== null && value !== globalThis;
}
