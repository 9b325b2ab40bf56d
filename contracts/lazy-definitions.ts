/**
 * A service's definitions, given to ajv one at a time, the first time a value reaches them.
 * ajv compiles every definition a schema `$ref`s, transitively, when the schema is compiled: an
 * operation part that names twenty structures paid for all twenty (and for every overlay rule
 * beneath them) even when the exchange carried one member. Here a part's `$ref`s are rewritten
 * before ajv sees them, and ajv's own choice for each is kept (definitions.ts):
 *
 *  - a definition ajv would inline is put in place of the `$ref` (the definition object
 *    itself, so errors carry the same `parentSchema`);
 *  - one ajv would compile as a function of its own and call becomes `{"tapegateRef": key}`: a
 *    call of the same kind (ajv-instance.ts), to a function compiled on its first call.
 *
 * The errors (order, instancePath, params, data, parentSchema) are those of the `$ref`s; only
 * `schemaPath` differs, which no finding reads. A `$ref` definitions.ts does not resolve is
 * left to ajv as it was (`needsRoot`: the service's definitions must then be added to ajv).
 */
import type { DataValidationCxt, ValidateFunction } from 'ajv/dist/types/index.js';
import type { Definitions } from './definitions.js';
import { REF_KEYWORD } from './schema-keywords.js';
import type { JsonSchema } from './types.js';

/** A function compiled on its first call; ajv's generated code calls `v` and reads `v.errors`. */
export interface LazyRef {
  v: RefFunction;
}

export type RefFunction = ((this: unknown, data: unknown, dataCxt?: DataValidationCxt) => boolean) & Pick<ValidateFunction, 'errors'>;

/** Keywords whose values are data, not schemas: a `$ref` key inside one is not a reference. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'tapegateLearned']);
/** Keywords whose values are objects of schemas by name: the names are not keywords. */
const NAMED_SCHEMAS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);

export class LazyDefinitions {
  /** True once a `$ref` had to be left to ajv. */
  needsRoot = false;
  private readonly refs = new Map<string, LazyRef>();

  /** `compile`: ajv's compile of a prepared definition. */
  constructor(
    readonly definitions: Definitions,
    private readonly compile: (schema: JsonSchema) => RefFunction,
  ) {}

  /** The function a `tapegateRef` to this definition calls. */
  ref(name: string): LazyRef | undefined {
    return this.refs.get(name);
  }

  /** A copy of an operation part with its `$ref`s rewritten (nodes without any are shared, not copied). */
  prepare(schema: JsonSchema): JsonSchema {
    return this.rewrite(schema, false) as JsonSchema;
  }

  /** `inDefinition`: the node is part of a definition, where `#/...` is the service's definitions document. */
  private rewrite(node: unknown, inDefinition: boolean): unknown {
    if (Array.isArray(node)) {
      const items = node.map((item) => this.rewrite(item, inDefinition));
      return items.some((item, i) => item !== node[i]) ? items : node;
    }
    if (typeof node !== 'object' || node === null) return node;
    const schema = node as JsonSchema;
    if (typeof schema.$ref === 'string') {
      const replaced = this.replaceRef(schema, inDefinition);
      if (replaced !== undefined) return replaced;
    }
    let copy: JsonSchema | undefined;
    for (const [key, value] of Object.entries(schema)) {
      if (DATA_KEYWORDS.has(key) || typeof value !== 'object' || value === null) continue;
      const next = NAMED_SCHEMAS.has(key) && !Array.isArray(value) ? this.rewriteNamed(value as Record<string, unknown>, inDefinition) : this.rewrite(value, inDefinition);
      if (next !== value) setKey((copy ??= { ...schema }), key, next);
    }
    return copy ?? schema;
  }

  private rewriteNamed(schemas: Record<string, unknown>, inDefinition: boolean): Record<string, unknown> {
    let copy: Record<string, unknown> | undefined;
    for (const [name, value] of Object.entries(schemas)) {
      const next = this.rewrite(value, inDefinition);
      if (next !== value) setKey((copy ??= { ...schemas }), name, next);
    }
    return copy ?? schemas;
  }

  /** What a `$ref` becomes; undefined to leave the node to ajv. */
  private replaceRef(node: JsonSchema, inDefinition: boolean): JsonSchema | undefined {
    const resolved = this.definitions.resolve(node, inDefinition);
    if (resolved === undefined) {
      this.needsRoot = true;
      // ajv resolved a definition's `#/...` against the definitions document, now added under the service's id.
      const ref = node.$ref as string;
      return inDefinition && ref.startsWith('#') ? { ...node, $ref: `${this.definitions.service.schemaId}${ref}` } : undefined;
    }
    const { name, schema, inline } = resolved;
    if (inline) return schema;
    if (!this.refs.has(name))
      this.refs.set(
        name,
        lazyRef(() => this.compile(this.rewrite(schema, true) as JsonSchema)),
      );
    return { [REF_KEYWORD]: `${this.definitions.service.schemaId}#${name}` };
  }
}

/** `target[key] = value`, a key named `__proto__` included (it stays a key, as in the schema). */
function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A ref whose first call compiles and takes the stub's place (ajv's code reads `v` on every call). */
function lazyRef(compile: () => RefFunction): LazyRef {
  const ref: LazyRef = {
    v(this: unknown, data: unknown, dataCxt?: DataValidationCxt): boolean {
      const compiled = compile();
      ref.v = compiled;
      // ajv passes the validation context as `this` (passContext): pass it on.
      return compiled.call(this, data, dataCxt);
    },
  };
  return ref;
}
