/**
 * A service's validation definitions as a `$ref` reaches them, the same way for both tiers of a
 * part (schema-interpreter.ts and ajv's compiled code, lazy-definitions.ts), and the same way
 * ajv resolves a `$ref` (compile/index.ts `resolveRef`, `inlineOrCompile`):
 *
 *  - a part names a definition absolutely (`<schemaId>#/definitions/Name`); a definition names
 *    another absolutely too, or as `#/definitions/Name` (its own document);
 *  - a `$ref` beside other rules, to another document, to a name the service lacks, or to a
 *    definition that is itself a lone `$ref` (an alias ajv follows) is not resolved here: the
 *    caller leaves such a schema to ajv alone, exactly as before;
 *  - a definition without refs is inlined by ajv, one with refs is a function of its own
 *    (`inline`): the two differ in one thing a finding reads, `propertyName` inside
 *    `propertyNames`, so both tiers keep ajv's choice.
 *
 * Every definition a `$ref` reaches is marked (`markStructures`) before it is used, as the
 * validator has always marked them all.
 */
import { RULE_KEYWORDS } from './ajv-rules.js';
import { validationDefinition } from './format/expand.js';
import { markStructures } from './schema-keywords.js';
import type { JsonSchema, ServiceContract } from './types.js';

/** ajv's `hasRef` (compile/resolve.ts): a ref keyword anywhere in the schema. */
const REF_KEYWORDS = new Set(['$ref', '$recursiveRef', '$recursiveAnchor', '$dynamicRef', '$dynamicAnchor']);

export function hasRef(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  for (const key in schema) {
    if (REF_KEYWORDS.has(key)) return true;
    const value = (schema as Record<string, unknown>)[key];
    if (Array.isArray(value) && value.some(hasRef)) return true;
    if (typeof value === 'object' && hasRef(value)) return true;
  }
  return false;
}

/** True when `$ref` is the node's only rule (ajv then applies the ref alone, and ignores the rest). */
export function isLoneRef(node: JsonSchema): boolean {
  if (typeof node.$ref !== 'string') return false;
  for (const key in node) if (key !== '$ref' && RULE_KEYWORDS.has(key)) return false;
  return true;
}

export interface ResolvedRef {
  name: string;
  /** The definition, marked. */
  schema: JsonSchema;
  /** ajv inlines it (no refs inside) rather than calling it as a function of its own. */
  inline: boolean;
}

const LOCAL = '#/definitions/';

export class Definitions {
  private readonly absolute: string;
  private readonly resolved = new Map<string, ResolvedRef>();

  constructor(readonly service: ServiceContract) {
    this.absolute = `${service.schemaId}#/definitions/`;
  }

  /** The definition a lone `$ref` names; undefined when ajv alone must resolve it (see the header). */
  resolve(node: JsonSchema, inDefinition: boolean): ResolvedRef | undefined {
    if (!isLoneRef(node)) return undefined;
    const ref = node.$ref as string;
    const prefix = ref.startsWith(this.absolute) ? this.absolute : inDefinition && ref.startsWith(LOCAL) ? LOCAL : undefined;
    if (prefix === undefined) return undefined;
    let name: string;
    try {
      name = decodeURIComponent(ref.slice(prefix.length)).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    return this.definition(name);
  }

  private definition(name: string): ResolvedRef | undefined {
    const known = this.resolved.get(name);
    if (known !== undefined) return known;
    if (name.includes('/')) return undefined;
    const schema = validationDefinition(this.service, name);
    if (typeof schema !== 'object' || schema === null || isLoneRef(schema)) return undefined;
    markStructures(schema);
    const resolved = { name, schema, inline: !hasRef(schema) };
    this.resolved.set(name, resolved);
    return resolved;
  }
}
