/**
 * The interpreter against ajv on schemas written for the purpose: the corners of ajv's
 * behaviour the bundled contracts do not reach (schema-interpreter.test.ts compares those), each
 * checked three ways as there: interpreted, hot (ajv, definitions compiled on first use), and
 * ajv with every `$ref` compiled with the part. A keyword the interpreter does not know leaves
 * the part to ajv, with the same result.
 */
import { describe, expect, it } from 'vitest';
import { addDefinitions, createAjv } from './ajv-instance.js';
import { PartValidators } from './part-validators.js';
import { markStructures } from './schema-keywords.js';
import type { JsonSchema, ServiceContract } from './types.js';
import { errorsOf } from '../test/support/part-errors.js';

const ID = 'tapegate:contracts/cases/2020-01-01';
const ref = (name: string): JsonSchema => ({ $ref: `${ID}#/definitions/${name}` });
const local = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

/** A service of definitions alone: what the interpreter and ajv read of a ServiceContract. */
function serviceOf(definitions: Record<string, JsonSchema>): ServiceContract {
  for (const definition of Object.values(definitions)) markStructures(definition);
  return { schemaId: ID, definitions: { validation: definitions, diff: {} } } as unknown as ServiceContract;
}

const service = serviceOf({
  Name: { type: 'string', minLength: 1, maxLength: 3, pattern: '^[a-z]+$', tapegateExpected: 'a short lower-case name' },
  // Refs inside: ajv calls it as a function of its own (no propertyName inside propertyNames).
  CalledName: { allOf: [local('Name')], maxLength: 2 },
  Node: { type: 'object', properties: { name: local('Name'), child: local('Node'), children: { type: 'array', items: local('Node'), maxItems: 2 } }, required: ['name'] },
  Alias: local('Name'),
  Stamp: { type: 'string', format: 'date-time' },
});

const CASES: [string, JsonSchema, unknown[]][] = [
  ['a type with rules of its own: after the untyped keywords', { type: 'string', enum: ['a', 'b'], maxLength: 1 }, [7, 'c', 'ab', 'a', null]],
  ['a type without: first', { type: 'string', enum: ['a', 'b'] }, [7, 'c', 'a']],
  ['integer bounds', { type: 'integer', minimum: 1, maximum: 10 }, [0, 11, 1.5, 'x', NaN, Infinity, 5]],
  ['exclusive bounds', { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, [0, 1, 0.5, '0']],
  ['boolean and null', { allOf: [{ type: 'boolean' }, { not: { type: 'null' } }] }, [true, null, 0]],
  ['lengths count code points', { type: 'string', maxLength: 2, minLength: 2 }, ['😀😀', '😀😀😀', 'a']],
  [
    'members: required (inherited names count as present), known, bounds',
    { type: 'object', properties: { a: ref('Name'), b: ref('Node'), Mixed: { type: 'string' } }, required: ['a', 'b', 'toString'], minProperties: 1, maxProperties: 2 },
    [{}, { a: 'X', b: {}, mixed: 'x', other: 1 }, { a: 'ab', b: { name: 'ok', child: { name: 'BAD', children: [{}, {}, {}] } } }, JSON.parse('{"__proto__": 1, "a": "b"}')],
  ],
  ['propertyNames, an inlined definition: the key is named', { type: 'object', propertyNames: ref('Name') }, [{ ABC: 1, abcd: 2, ok: 3 }]],
  ['propertyNames, a called definition: it is not', { type: 'object', propertyNames: ref('CalledName') }, [{ ABC: 1, abc: 2, ok: 3 }]],
  ['propertyNames inline', { type: 'object', propertyNames: { pattern: '^x', tapegateExpected: 'x-names' }, additionalProperties: { type: 'string' } }, [{ xa: 1, b: 'c' }]],
  ['additionalProperties false, few names', { type: 'object', properties: { a: {}, b: { type: 'string' } }, additionalProperties: false }, [{ a: 1, b: 2, c: 3 }]],
  [
    'additionalProperties false, many names',
    { properties: Object.fromEntries('abcdefghij'.split('').map((name) => [name, { type: 'integer' }])), additionalProperties: false },
    [{ a: 1, k: 2, j: 'x' }, JSON.parse('{"__proto__": 1}')],
  ],
  ['items, array bounds', { type: 'array', items: { type: 'string', pattern: '^a' }, minItems: 1, maxItems: 2 }, [[], ['a', 'b', 3], ['a']]],
  ['const and enum of objects', { allOf: [{ const: { a: [1] } }, { enum: [{ a: [1] }, 'x'] }] }, [{ a: [1] }, { a: [2] }, 'x']],
  ['not', { allOf: [{ not: {} }, { not: { type: 'string' } }] }, ['s', 1]],
  [
    'if / then / else by what the recording says',
    {
      allOf: [
        { if: { tapegateLearned: { protocolType: 'HTTP' } }, then: { required: ['http'] } },
        { if: { tapegateLearned: { protocolType: 'WEBSOCKET' } }, else: { maxProperties: 1 } },
        { if: { required: ['kind'], properties: { kind: { const: 'a' } } }, then: { required: ['a'] }, else: { required: ['b'] } },
      ],
    },
    [{}, { kind: 'a' }, { kind: 'b', x: 1 }, { http: 1, a: 1, b: 1, kind: 'a' }],
  ],
  ['formats', { properties: { at: ref('Stamp'), any: { format: 'date-time' } } }, [{ at: '2024-05-06T07:08:09Z', any: 5 }, { at: 'yesterday', any: 'x' }, { at: 5 }]],
  ['a recursive definition', ref('Node'), [{ name: 'a', child: { name: 'b', child: { name: 'CC', child: { extra: 1 } } } }]],
  [
    'a member named __proto__ among many',
    JSON.parse('{"properties": {"__proto__": {}, "a": {}, "b": {}, "c": {}, "d": {}, "e": {}, "f": {}, "g": {}, "h": {}, "i": {}}, "additionalProperties": false}') as JsonSchema,
    [JSON.parse('{"__proto__": 1, "a": 1, "z": 2}')],
  ],
  // Left to ajv: a keyword the interpreter does not know, a `$ref` beside other rules, an alias.
  ['oneOf', { oneOf: [{ type: 'string' }, { maxLength: 2 }] }, ['ab', 'abc', 5]],
  ['a $ref beside rules', { $ref: `${ID}#/definitions/Name`, maxLength: 2 }, ['abc', 'ABC']],
  ['an alias', { properties: { n: ref('Alias') } }, [{ n: 'ABCD' }]],
];

/** The cases the interpreter hands to ajv (the rest it must check itself). */
const LEFT_TO_AJV = new Set(['oneOf', 'a $ref beside rules', 'an alias']);

describe('the interpreter gives ajv’s errors where ajv is subtle', () => {
  for (const [name, schema, values] of CASES) {
    it(name, () => {
      const eager = createAjv(() => undefined);
      addDefinitions(eager, service);
      const before = eager.compile(schema);
      const interpreted = new PartValidators({ hotAfter: Infinity }).checkOf(service, schema);
      const hot = new PartValidators({ hotAfter: 0 }).checkOf(service, schema);
      const first = interpreted.validate;
      for (const value of values) {
        const expected = errorsOf(before, value, { protocolType: 'WEBSOCKET' });
        expect(errorsOf(interpreted.validate, value, { protocolType: 'WEBSOCKET' })).toEqual(expected);
        expect(errorsOf(hot.validate, value, { protocolType: 'WEBSOCKET' })).toEqual(expected);
      }
      // A part the interpreter gave up on is ajv's from then on: it must not give up on the others.
      expect(interpreted.validate === first).toBe(!LEFT_TO_AJV.has(name));
    });
  }

  it('names the key a pattern refuses, and the form expected, as findings read them', () => {
    const check = new PartValidators({ hotAfter: Infinity }).checkOf(service, { type: 'object', propertyNames: ref('Name') });
    expect(errorsOf(check.validate, { ABC: 1 })).toContainEqual(expect.objectContaining({ keyword: 'pattern', propertyName: 'ABC', expected: 'a short lower-case name' }));
  });
});
