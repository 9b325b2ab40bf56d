/**
 * A part's first checks, without compiling it. ajv turns a schema into code before it checks
 * anything, and in a fresh process that costs more than the whole exchange should (tens of
 * milliseconds for one body with its definitions and overlays). This walks the schema instead
 * and gives ajv's errors for it (the same keywords in ajv's order, ajv-rules.ts, the same
 * params, messages, data, parentSchema and propertyName), so a finding cannot tell which of the
 * two checked it; part-validators.ts hands a part to ajv once it is hot.
 *
 * It knows the keywords tapegate's contracts and overlays use. A schema with any other (a
 * user's hand-written contract with `oneOf`, say) throws `Unsupported` and is left to ajv.
 */
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import { alwaysValid, RULE_GROUPS, RULE_KEYWORDS, type RuleGroup } from './ajv-rules.js';
import type { Definitions } from './definitions.js';
import { contextOf, FORMATS, KNOWN_KEYWORD, LEARNED_KEYWORD, learnedHolds, unknownMembersOf, type LearnedCondition, type UnknownMemberParams } from './schema-keywords.js';
import type { JsonSchema } from './types.js';
import type { ValidationContext } from './learned-apis.js';
import { escapeSegment } from '../core/json-pointer.js';

// ajv's own runtime helpers (deep equality for enum and const, string length in code points) and
// ajv-formats' formats, so the two agree; small CommonJS modules, required as ajv itself requires them.
const require = createRequire(import.meta.url);
const equal = (require('ajv/dist/runtime/equal.js') as { default: (a: unknown, b: unknown) => boolean }).default;
const ucs2length = (require('ajv/dist/runtime/ucs2length.js') as { default: (text: string) => number }).default;
const formatsModule = require('ajv-formats/dist/formats.js') as { fullFormats: Record<string, unknown> };
/** The formats the ajv instance has (ajv-instance.ts adds these, in ajv-formats' full forms); another is ajv's to ignore. */
const ADDED_FORMATS = new Map<string, unknown>(FORMATS.map((name) => [name, formatsModule.fullFormats[name]]));

/** The schema uses something this interpreter does not know: ajv checks it. */
export class Unsupported extends Error {}

export type InterpretedFunction = ((this: unknown, data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** How one node is checked: ajv's type handling and its keywords, by group, in order. */
interface Plan {
  /** A node with no rule: always valid. */
  empty: boolean;
  /** A lone `$ref`. */
  ref: boolean;
  type: string | undefined;
  /** The type is checked before the keywords (ajv: no rule of that type's group in the node). */
  typeFirst: boolean;
  groups: [RuleGroup, string[]][];
}

/** Where a check runs: `errors` is null where ajv creates none (an `if`, a `not`). */
interface Frame {
  errors: ErrorObject[] | null;
  context: ValidationContext | undefined;
  /** Inside `propertyNames`, the key being checked (ajv's `it.propertyName`). */
  propertyName: string | undefined;
  /** The node belongs to a definition (its `#/definitions/` refs are the service's). */
  inDefinition: boolean;
}

const JSON_TYPES = new Set(['number', 'integer', 'string', 'boolean', 'array', 'object', 'null']);
const GROUP_OF_TYPE: Record<string, RuleGroup | undefined> = { number: 'number', string: 'string', array: 'array', object: 'object' };
const UNSUPPORTED = new Set(['id', 'nullable', 'anyOf', 'oneOf', 'multipleOf', 'additionalItems', 'contains', 'uniqueItems', 'dependencies', 'patternProperties', 'tapegateRef']);
const LIMITS: Record<string, { okStr: string; fails: (data: number, limit: number) => boolean }> = {
  maximum: { okStr: '<=', fails: (data, limit) => data > limit },
  minimum: { okStr: '>=', fails: (data, limit) => data < limit },
  exclusiveMaximum: { okStr: '<', fails: (data, limit) => data >= limit },
  exclusiveMinimum: { okStr: '>', fails: (data, limit) => data <= limit },
};

const plans = new WeakMap<object, Plan>();
const knownMembers = new WeakMap<object, (data: object) => UnknownMemberParams[] | null>();
const patterns = new Map<string, RegExp>();

/** A function that checks values against `schema` as ajv's compiled one would, `errors` included. */
export function interpreted(definitions: Definitions, schema: JsonSchema): InterpretedFunction {
  const validate: InterpretedFunction = function (this: unknown, data: unknown): boolean {
    const frame: Frame = { errors: [], context: contextOf(this), propertyName: undefined, inDefinition: false };
    run(definitions, schema, data, '', frame);
    validate.errors = frame.errors!.length === 0 ? null : frame.errors;
    return validate.errors === null;
  };
  return validate;
}

function run(definitions: Definitions, node: unknown, data: unknown, path: string, frame: Frame): boolean {
  if (typeof node === 'boolean') {
    if (node || frame.errors === null) return node;
    throw new Unsupported('false schema');
  }
  if (typeof node !== 'object' || node === null) throw new Unsupported('schema is not an object');
  const schema = node as JsonSchema;
  const plan = planOf(schema);
  if (plan.empty) return true;
  if (plan.ref) return runRef(definitions, schema, data, path, frame);
  let valid = true;
  if (plan.typeFirst && !hasType(plan.type!, data)) valid = typeError(schema, data, path, frame);
  for (const [group, keywords] of plan.groups) {
    if (group !== 'any' && !inGroup(group, data)) {
      if (!plan.typeFirst && plan.type === group) valid = typeError(schema, data, path, frame);
      continue;
    }
    for (const keyword of keywords) valid = check(definitions, keyword, group, schema, data, path, frame) && valid;
  }
  return valid;
}

/** ajv inlines a definition without refs (same function: `propertyName` carries on) and calls one with refs. */
function runRef(definitions: Definitions, node: JsonSchema, data: unknown, path: string, frame: Frame): boolean {
  const resolved = definitions.resolve(node, frame.inDefinition);
  if (resolved === undefined) throw new Unsupported(`$ref ${String(node.$ref)}`);
  const inner = { ...frame, inDefinition: true, propertyName: resolved.inline ? frame.propertyName : undefined };
  return run(definitions, resolved.schema, data, path, inner);
}

function check(definitions: Definitions, keyword: string, group: RuleGroup, schema: JsonSchema, data: unknown, path: string, frame: Frame): boolean {
  const value = schema[keyword];
  const fail = (params: Record<string, unknown>, message: string): false => report(frame, { keyword, params, message, schema: value, parentSchema: schema, data, path });
  switch (keyword) {
    case '$comment':
    case 'type':
    case 'then':
    case 'else':
      return true;
    case 'const':
      return (typeof value === 'object' && value !== null ? equal(data, value) : value === data) || fail({ allowedValue: value }, 'must be equal to constant');
    case 'enum':
      if (!Array.isArray(value) || value.length === 0) throw new Unsupported('enum');
      return value.some((v) => (typeof v === 'object' && v !== null ? equal(data, v) : data === v)) || fail({ allowedValues: value }, 'must be equal to one of the allowed values');
    case 'not':
      return (!alwaysValid(value) && !run(definitions, value, data, path, { ...frame, errors: null })) || fail({}, 'must NOT be valid');
    case 'allOf': {
      if (!Array.isArray(value)) throw new Unsupported('allOf');
      let valid = true;
      for (const sub of value) if (!alwaysValid(sub)) valid = run(definitions, sub, data, path, frame) && valid;
      return valid;
    }
    case 'if':
      return ifThenElse(definitions, schema, data, path, frame);
    case LEARNED_KEYWORD:
      // It only stands in an `if` (schema-keywords.ts); elsewhere it would be an error of its own.
      if (frame.errors !== null) throw new Unsupported(`${LEARNED_KEYWORD} outside an if`);
      return learnedHolds(value as LearnedCondition, frame.context);
    case 'format':
      return format(group, value, data) || fail({ format: value }, `must match format "${String(value)}"`);
    case KNOWN_KEYWORD:
      return known(schema, data as object, path, frame);
  }
  if (group === 'number')
    return limit(keyword, value, data as number) || fail({ comparison: LIMITS[keyword]!.okStr, limit: value }, `must be ${LIMITS[keyword]!.okStr} ${String(value)}`);
  if (group === 'string') return stringCheck(keyword, value, data as string, fail);
  if (group === 'array') return arrayCheck(definitions, keyword, value, data as unknown[], path, frame, fail);
  return objectCheck(definitions, keyword, schema, data as Record<string, unknown>, path, frame, fail);
}

type Fail = (params: Record<string, unknown>, message: string) => false;

function stringCheck(keyword: string, value: unknown, data: string, fail: Fail): boolean {
  if (keyword === 'pattern') {
    if (typeof value !== 'string') throw new Unsupported('pattern');
    return regExp(value).test(data) || fail({ pattern: value }, `must match pattern "${value}"`);
  }
  const limit = numberValue(keyword, value);
  const more = keyword === 'maxLength';
  return (more ? ucs2length(data) <= limit : ucs2length(data) >= limit) || fail({ limit }, `must NOT have ${more ? 'more' : 'fewer'} than ${limit} characters`);
}

function arrayCheck(definitions: Definitions, keyword: string, value: unknown, data: unknown[], path: string, frame: Frame, fail: Fail): boolean {
  if (keyword === 'items') {
    if (Array.isArray(value)) throw new Unsupported('items as a tuple');
    if (alwaysValid(value)) return true;
    let valid = true;
    for (let i = 0; i < data.length; i++) valid = run(definitions, value, data[i], `${path}/${i}`, frame) && valid;
    return valid;
  }
  const limit = numberValue(keyword, value);
  const more = keyword === 'maxItems';
  return (more ? data.length <= limit : data.length >= limit) || fail({ limit }, `must NOT have ${more ? 'more' : 'fewer'} than ${limit} items`);
}

function objectCheck(definitions: Definitions, keyword: string, schema: JsonSchema, data: Record<string, unknown>, path: string, frame: Frame, fail: Fail): boolean {
  const value = schema[keyword];
  switch (keyword) {
    case 'required': {
      if (!Array.isArray(value)) throw new Unsupported('required');
      let valid = true;
      // ajv reads `data[name] === undefined`, inherited members included.
      for (const name of value as string[]) if (data[name] === undefined) valid = fail({ missingProperty: name }, `must have required property '${name}'`);
      return valid;
    }
    case 'properties': {
      const properties = value as Record<string, unknown>;
      let valid = true;
      for (const name of schemaProperties(properties)) {
        if (alwaysValid(properties[name]) || data[name] === undefined) continue;
        valid = run(definitions, properties[name], data[name], `${path}/${escapeSegment(name)}`, frame) && valid;
      }
      return valid;
    }
    case 'additionalProperties':
      return additional(definitions, schema, data, path, frame, fail);
    case 'propertyNames': {
      if (alwaysValid(value)) return true;
      let valid = true;
      for (const key in data) {
        if (run(definitions, value, key, path, { ...frame, propertyName: key })) continue;
        valid = fail({ propertyName: key }, 'property name must be valid');
      }
      return valid;
    }
  }
  const limit = numberValue(keyword, value);
  const more = keyword === 'maxProperties';
  const count = Object.keys(data).length;
  return (more ? count <= limit : count >= limit) || fail({ limit }, `must NOT have ${more ? 'more' : 'fewer'} than ${limit} properties`);
}

/** ajv's `additionalProperties`: a member `properties` does not name, found as ajv finds it. */
function additional(definitions: Definitions, schema: JsonSchema, data: Record<string, unknown>, path: string, frame: Frame, fail: Fail): boolean {
  const value = schema.additionalProperties;
  if (alwaysValid(value)) return true;
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const named = schemaProperties(properties);
  const isNamed = named.length > 8 ? (key: string) => Object.hasOwn(properties, key) : (key: string) => named.includes(key);
  let valid = true;
  for (const key in data) {
    if (isNamed(key)) continue;
    if (value === false) valid = fail({ additionalProperty: key }, 'must NOT have additional properties');
    else valid = run(definitions, value, data[key], `${path}/${escapeSegment(key)}`, frame) && valid;
  }
  return valid;
}

function ifThenElse(definitions: Definitions, schema: JsonSchema, data: unknown, path: string, frame: Frame): boolean {
  const hasThen = schema.then !== undefined && !alwaysValid(schema.then);
  const hasElse = schema.else !== undefined && !alwaysValid(schema.else);
  if (!hasThen && !hasElse) return true;
  const holds = run(definitions, schema.if, data, path, { ...frame, errors: null });
  const clause = holds ? 'then' : 'else';
  if (clause === 'then' ? !hasThen : !hasElse) return true;
  if (run(definitions, schema[clause], data, path, frame)) return true;
  return report(frame, { keyword: 'if', params: { failingKeyword: clause }, message: `must match "${clause}" schema`, schema: schema.if, parentSchema: schema, data, path });
}

function known(schema: JsonSchema, data: object, path: string, frame: Frame): boolean {
  let unknownMembers = knownMembers.get(schema);
  if (unknownMembers === undefined) knownMembers.set(schema, (unknownMembers = unknownMembersOf(schema)));
  const unknown = unknownMembers(data);
  if (unknown === null) return true;
  // A keyword of tapegate's own: ajv adds its errors as they are, without `propertyName`.
  for (const params of unknown) {
    frame.errors?.push({
      instancePath: path,
      schemaPath: '',
      keyword: KNOWN_KEYWORD,
      params,
      message: `unknown member ${params.property}`,
      schema: true,
      parentSchema: schema,
      data,
    });
  }
  return false;
}

function format(group: RuleGroup, name: unknown, data: unknown): boolean {
  const definition = typeof name === 'string' ? ADDED_FORMATS.get(name) : undefined;
  if (definition === undefined) throw new Unsupported(`format ${String(name)}`);
  if (definition === true) return true;
  const object = typeof definition === 'object' && definition !== null && !(definition instanceof RegExp);
  const spec = (object ? definition : { validate: definition }) as { type?: string; validate: unknown; async?: boolean };
  if (spec.async) throw new Unsupported('async format');
  if ((spec.type ?? 'string') !== group) return true;
  return typeof spec.validate === 'function' ? Boolean((spec.validate as (data: unknown) => unknown)(data)) : (spec.validate as RegExp).test(data as string);
}

function limit(keyword: string, value: unknown, data: number): boolean {
  const rule = LIMITS[keyword];
  if (rule === undefined || typeof value !== 'number') throw new Unsupported(keyword);
  return !(rule.fails(data, value) || Number.isNaN(data));
}

function report(
  frame: Frame,
  error: { keyword: string; params: Record<string, unknown>; message: string; schema: unknown; parentSchema: JsonSchema; data: unknown; path: string },
): false {
  if (frame.errors === null) return false;
  const { path, ...rest } = error;
  const made: ErrorObject = { instancePath: path, schemaPath: '', ...rest };
  if (frame.propertyName !== undefined) made.propertyName = frame.propertyName;
  frame.errors.push(made);
  return false;
}

function typeError(schema: JsonSchema, data: unknown, path: string, frame: Frame): false {
  return report(frame, { keyword: 'type', params: { type: schema.type }, message: `must be ${String(schema.type)}`, schema: schema.type, parentSchema: schema, data, path });
}

function planOf(schema: JsonSchema): Plan {
  let plan = plans.get(schema);
  if (plan !== undefined) return plan;
  // The node's rule keywords (a node has a handful of keys, ajv's rules are forty), then by group in ajv's order.
  const present = new Set<string>();
  for (const key in schema) if (RULE_KEYWORDS.has(key) && schema[key] !== undefined) present.add(key);
  const empty = present.size === 0;
  const ref = present.size === 1 && typeof schema.$ref === 'string';
  if (!ref && present.has('$ref')) throw new Unsupported('$ref beside other rules');
  for (const keyword of present) if (UNSUPPORTED.has(keyword)) throw new Unsupported(keyword);
  const type = schema.type;
  if (type !== undefined && (typeof type !== 'string' || !JSON_TYPES.has(type))) throw new Unsupported('type other than one JSON type');
  const groups: [RuleGroup, string[]][] = [];
  for (const [group, keywords] of RULE_GROUPS) {
    const used = empty ? [] : keywords.filter((keyword) => present.has(keyword));
    if (used.length > 0) groups.push([group, used]);
  }
  const typeGroup = type === undefined ? undefined : GROUP_OF_TYPE[type];
  const typeFirst = type !== undefined && !groups.some(([group]) => group === typeGroup);
  plan = { empty, ref, type, typeFirst, groups };
  plans.set(schema, plan);
  return plan;
}

/** ajv's `checkDataType` for a node's `type` (strictNumbers off: any number, NaN and Infinity included). */
function hasType(type: string, data: unknown): boolean {
  switch (type) {
    case 'null':
      return data === null;
    case 'integer':
      return typeof data === 'number' && !(data % 1) && !Number.isNaN(data);
    default:
      return GROUP_OF_TYPE[type] === undefined ? typeof data === type : inGroup(type as RuleGroup, data);
  }
}

function inGroup(group: RuleGroup, data: unknown): boolean {
  switch (group) {
    case 'number':
      return typeof data === 'number';
    case 'string':
      return typeof data === 'string';
    case 'array':
      return Array.isArray(data);
    case 'object':
      return typeof data === 'object' && data !== null && !Array.isArray(data);
    default:
      return true;
  }
}

/** ajv's `allSchemaProperties`: every name but `__proto__`. */
function schemaProperties(properties: Record<string, unknown>): string[] {
  return Object.keys(properties).filter((name) => name !== '__proto__');
}

function numberValue(keyword: string, value: unknown): number {
  if (typeof value !== 'number') throw new Unsupported(keyword);
  return value;
}

/** ajv compiles a pattern with the `u` flag (`unicodeRegExp`). */
function regExp(pattern: string): RegExp {
  let compiled = patterns.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(pattern, 'u');
    } catch {
      // ajv refuses the schema when it compiles it: let it say so.
      throw new Unsupported(`pattern ${pattern}`);
    }
    patterns.set(pattern, compiled);
  }
  return compiled;
}
