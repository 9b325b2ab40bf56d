/**
 * The json-schema-diff wrapper: self-contained documents, simplified pairs, and the claim
 * that simplifying never changes json-schema-diff's verdict (checked against its public API
 * on whole, unsimplified parts of real contracts).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readContractFile } from '../contracts/load.js';
import type { JsonSchema } from '../contracts/types.js';
import { publicDiff, selfContainedSchema, setDiff, setDiffEngine, simplifyPair } from './schema-diff.js';
import { SchemaSide } from './schema-side.js';
import { splitVerdict } from './split-verdict.js';

const fixture = (name: string) => readContractFile(fileURLToPath(new URL(`../test/fixtures/drift/${name}`, import.meta.url)));

describe('selfContainedSchema', () => {
  it('carries the part and only the definitions it reaches, transitively', () => {
    const side = new SchemaSide(
      {
        Outer: { type: 'object', properties: { inner: { $ref: '#/definitions/Inner' } }, additionalProperties: false },
        Inner: { type: 'string', enum: ['A'] },
        Unused: { type: 'integer' },
      },
      'test',
    );
    const document = selfContainedSchema({ type: 'array', items: { $ref: '#/definitions/Outer' } }, side);
    expect(document.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(Object.keys(document.definitions as object).sort()).toEqual(['Inner', 'Outer']);
  });
});

describe('simplifyPair', () => {
  const before = new SchemaSide({ Name: { type: 'string', maxLength: 10 }, Mode: { type: 'string', enum: ['A'] } }, 'before');
  const after = new SchemaSide({ Name: { type: 'string', maxLength: 10 }, Mode: { type: 'string', enum: ['A', 'B'] } }, 'after');

  it('drops members that are the same on both sides and inlines the rest without refs', () => {
    const x: JsonSchema = { type: 'object', properties: { name: { $ref: '#/definitions/Name' }, size: { type: 'integer', maximum: 5 } }, additionalProperties: false };
    const y: JsonSchema = {
      type: 'object',
      properties: { name: { $ref: '#/definitions/Name' }, size: { type: 'integer', maximum: 9 }, extra: { $ref: '#/definitions/Name' } },
      additionalProperties: false,
    };
    const [sx, sy] = simplifyPair(x, y, { before, after });
    expect(sx).toEqual({ type: 'object', additionalProperties: false, properties: { size: { type: 'integer', maximum: 5 } } });
    expect(sy).toEqual({ type: 'object', additionalProperties: false, properties: { size: { type: 'integer', maximum: 9 }, extra: true } });
  });

  it('strips what json-schema-diff ignores, so an enum-only change leaves nothing to diff', () => {
    const part: JsonSchema = { type: 'object', properties: { mode: { $ref: '#/definitions/Mode' } }, additionalProperties: false };
    const [sx, sy] = simplifyPair(part, part, { before, after });
    expect(sx).toEqual(sy);
    expect(JSON.stringify([sx, sy])).not.toMatch(/\$ref|enum/);
  });

  it('reads an object with properties and no additionalProperties as closed (query and header parts)', () => {
    const [sx, sy] = simplifyPair({ type: 'object', properties: {} }, { type: 'object', properties: { limit: { type: 'string' } } }, { before, after });
    expect(sx).toMatchObject({ additionalProperties: false });
    expect(sy).toMatchObject({ additionalProperties: false, properties: { limit: true } });
  });
});

describe('setDiff', () => {
  it("runs on json-schema-diff's set modules (the fast path), not the validating public API", () => {
    expect(setDiffEngine()).toBe('set-modules');
  });

  it('gives the same verdict on simplified pairs as the public API on whole real parts', async () => {
    const cases: [string, string, string, 'request' | 'response'][] = [
      ['apigateway-2015-07-09@1.29.39.json', 'apigateway-2015-07-09@1.43.67.json', 'CreateRestApi', 'request'],
      ['apigateway-2015-07-09@1.43.67.json', 'apigateway-2015-07-09@1.29.39.json', 'GetIntegration', 'response'],
      ['apigatewayv2-2018-11-29@1.21.19.json', 'apigatewayv2-2018-11-29@1.43.67.json', 'GetDomainName', 'response'],
      ['apigatewayv2-2018-11-29@1.21.19.json', 'apigatewayv2-2018-11-29@1.43.67.json', 'UpdateIntegration', 'request'],
    ];
    const verdicts = [];
    for (const [from, to, operation, side] of cases) {
      const a = fixture(from);
      const b = fixture(to);
      const sides = { before: new SchemaSide(a.definitions.diff, from), after: new SchemaSide(b.definitions.diff, to) };
      const x = a.operations[operation]![side].body!.diff;
      const y = b.operations[operation]![side].body!.diff;
      const whole = await publicDiff(selfContainedSchema(x, sides.before), selfContainedSchema(y, sides.after));
      const simple = await setDiff(...simplifyPair(x, y, sides));
      expect({ operation, added: simple.added, removed: simple.removed }).toEqual({ operation, added: whole.added, removed: whole.removed });
      // Asked member by member (what drift does), the verdict is the same again.
      const split = await splitVerdict(...simplifyPair(x, y, sides));
      expect({ operation, added: split.added, removed: split.removed }).toEqual({ operation, added: whole.added, removed: whole.removed });
      verdicts.push([whole.added, whole.removed]);
    }
    // The cases cover additions, removals and no change at all.
    expect(verdicts).toEqual([
      [true, false],
      [false, true],
      [true, false],
      [false, false],
    ]);
  }, 60_000);
});
