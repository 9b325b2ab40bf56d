/**
 * The ajv set-up of a service's validators (one instance per service, made when the service is
 * first checked): draft-07 validation, all errors,
 * formats (`date-time` for v2 timestamps), and the `tapegateKnown` keyword that reports a
 * member the contract does not name. That keyword is what keeps validation schemas open (an
 * unknown field is not a violation) while still telling us about it, in the same single pass.
 */
import AjvModule, { type AnySchemaObject, type ErrorObject } from 'ajv';
import type { DataValidateFunction } from 'ajv/dist/types/index.js';
import formatsModule from 'ajv-formats';
import type { JsonSchema, ServiceContract } from './types.js';

// ajv and ajv-formats are CommonJS with `default` exports.
const Ajv = AjvModule.default;
const addFormats = formatsModule.default;
export type AjvInstance = InstanceType<typeof Ajv>;

export const KNOWN_KEYWORD = 'tapegateKnown';

export interface UnknownMemberParams {
  property: string;
  /** The known member this one differs from only in letter case, if any. */
  sameButCase?: string;
}

/** An ajv instance for one service: its definitions added once, under the service's `schemaId`. */
export function createAjv(service: ServiceContract): AjvInstance {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateSchema: false, addUsedSchema: false });
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
