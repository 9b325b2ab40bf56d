/**
 * The keywords ajv applies to a schema node and the order it applies them in (its `RULES` for
 * the validator's instance: draft-07, ajv-formats, tapegate's keywords). ajv checks the keywords
 * that need no particular type first, then each type's group, on a value of that type only;
 * within a group, in this order. A key outside these is an annotation. The interpreter of a
 * part's first uses follows the same order, so its errors come in ajv's order;
 * schema-interpreter.test.ts checks these lists against ajv's own.
 */
export type RuleGroup = 'any' | 'number' | 'string' | 'array' | 'object';

export const RULE_GROUPS: readonly (readonly [RuleGroup, readonly string[]])[] = [
  ['any', ['$comment', 'id', '$ref', 'type', 'nullable', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf', 'if', 'then', 'else', 'tapegateLearned', 'tapegateRef']],
  ['number', ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format']],
  ['string', ['maxLength', 'minLength', 'pattern', 'format']],
  ['array', ['maxItems', 'minItems', 'additionalItems', 'items', 'contains', 'uniqueItems']],
  ['object', ['maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'dependencies', 'properties', 'patternProperties', 'tapegateKnown']],
];

export const RULE_KEYWORDS: ReadonlySet<string> = new Set(RULE_GROUPS.flatMap(([, keywords]) => keywords));

/** ajv's `alwaysValidSchema` (compile/util.ts): `true`, `{}`, or a node with no rule at all. */
export function alwaysValid(schema: unknown): boolean {
  if (typeof schema === 'boolean') return schema;
  if (typeof schema !== 'object' || schema === null) return false;
  for (const key in schema) if (RULE_KEYWORDS.has(key)) return false;
  return true;
}
