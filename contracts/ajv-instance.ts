/**
 * The ajv set-up of a validator's hot parts (one instance per validator, shared by its
 * services): draft-07 validation, all errors, the formats and tapegate's keywords
 * (schema-keywords.ts says what they mean), and `tapegateRef`, the call of a definition that is
 * compiled on its first call (lazy-definitions.ts).
 *
 * ajv is loaded here, on the first instance, not when the validator's module is: a process
 * that never gets a part hot (a CLI command, a short test run) never pays for loading it.
 */
import { createRequire } from 'node:module';
import type { AnySchemaObject, ErrorObject, KeywordCxt } from 'ajv';
import type { DataValidateFunction } from 'ajv/dist/types/index.js';
import type { LazyRef } from './lazy-definitions.js';
import { contextOf, FORMATS, KNOWN_KEYWORD, LEARNED_KEYWORD, learnedHolds, markStructures, REF_KEYWORD, unknownMembersOf, type LearnedCondition } from './schema-keywords.js';
import type { ServiceContract } from './types.js';

type AjvModule = typeof import('ajv');
type FormatsModule = typeof import('ajv-formats');
type RefModule = typeof import('ajv/dist/vocabularies/core/ref.js');
export type AjvInstance = InstanceType<AjvModule['default']>;

const require = createRequire(import.meta.url);

/** An ajv instance; `refOf` finds the function a `tapegateRef` names. */
export function createAjv(refOf: (key: string) => LazyRef | undefined): AjvInstance {
  // CommonJS modules with `default` exports, loaded on first use (see the header).
  const { default: Ajv, _ } = require('ajv') as AjvModule;
  const { default: addFormats } = require('ajv-formats') as FormatsModule;
  const { callRef } = require('ajv/dist/vocabularies/core/ref.js') as RefModule;
  // passContext: `validate.call(context, data)` hands the ValidationContext to tapegateLearned, through every $ref.
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateSchema: false, addUsedSchema: false, passContext: true });
  addFormats(ajv, [...FORMATS]);
  ajv.addKeyword({
    keyword: KNOWN_KEYWORD,
    schemaType: 'boolean',
    type: 'object',
    errors: true,
    compile(_value: boolean, parentSchema: AnySchemaObject) {
      const unknownMembers = unknownMembersOf(parentSchema);
      const check: DataValidateFunction = (data: unknown) => {
        const unknown = unknownMembers(data as object);
        check.errors = unknown?.map((params): Partial<ErrorObject> => ({ keyword: KNOWN_KEYWORD, params, message: `unknown member ${params.property}` }));
        return unknown === null;
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
        return learnedHolds(condition, contextOf(this));
      };
    },
  });
  ajv.addKeyword({
    keyword: REF_KEYWORD,
    schemaType: 'string',
    code(cxt: KeywordCxt) {
      const ref = refOf(cxt.schema as string);
      if (ref === undefined) throw new Error(`${REF_KEYWORD} names no definition: ${String(cxt.schema)}`);
      // The call ajv makes for a `$ref` it compiles as a function of its own (vocabularies/core/ref.ts):
      // the same arguments, the same merging of the errors; only the function is found through `ref`.
      callRef(cxt, _`${cxt.gen.scopeValue('keyword', { ref })}.v`);
    },
  });
  return ajv;
}

/** The service's definitions under its `schemaId`, for a `$ref` left to ajv (lazy-definitions.ts); every definition marked first. */
export function addDefinitions(ajv: AjvInstance, service: ServiceContract): void {
  for (const definition of Object.values(service.definitions.validation)) markStructures(definition);
  ajv.addSchema({ $id: service.schemaId, definitions: service.definitions.validation });
}
