/**
 * The interpreter of a part's first checks against ajv. Every bundled operation part (path,
 * query, headers, bodies, each error's headers and body) is checked with a value sampled from
 * it and with that value broken in the ways findings describe (wrong types, lengths, patterns,
 * enums, formats, members missing, unknown or miscased), three ways: interpreted, compiled by
 * ajv with its definitions compiled on first use (the hot tier), and compiled by ajv with every
 * `$ref` compiled with the part (how the validator used ajv before either). The three must give
 * the same errors in the same order, as far as a finding reads them.
 */
import { describe, expect, it } from 'vitest';
import { addDefinitions, createAjv } from './ajv-instance.js';
import { RULE_GROUPS } from './ajv-rules.js';
import type { ValidationContext } from './learned-apis.js';
import { validationDefinition } from './format/expand.js';
import { bundledContracts } from './load.js';
import { PartValidators } from './part-validators.js';
import { markStructures } from './schema-keywords.js';
import type { JsonSchema, SchemaPair, ServiceContract } from './types.js';
import { errorsOf } from '../test/support/part-errors.js';
import { sampleFromSchema } from '../test/support/sample-from-schema.js';

/** The parts of every operation, marked as the validator marks them (bodies report unknown members). */
function partsOf(service: ServiceContract): JsonSchema[] {
  const parts: JsonSchema[] = [];
  const add = (pair: SchemaPair | undefined, body: boolean): void => {
    if (pair === undefined) return;
    if (body) markStructures(pair.validation);
    parts.push(pair.validation);
  };
  for (const operation of Object.values(service.operations)) {
    const { request, response } = operation;
    add(request.path, false);
    add(request.query, false);
    add(request.headers, false);
    add(request.body, true);
    add(response.headers, false);
    add(response.body, true);
    for (const error of operation.errors) {
      add(error.headers, false);
      add(error.body, true);
    }
  }
  const seen = new Set<string>();
  return parts.filter((part) => !seen.has(JSON.stringify(part)) && seen.add(JSON.stringify(part)) !== undefined);
}

const REPLACEMENTS: unknown[] = [12345, 1.5, -1, 'x', '', 'é'.repeat(300), 'not a date', true, null, [], {}, ['x'], { Unknown: 1 }];

/** The sampled value and, for its first nodes, each broken in turn. */
function variantsOf(sample: unknown): unknown[] {
  const variants: unknown[] = [sample];
  const nodes: (string | number)[][] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (nodes.length >= 30) return;
    nodes.push(path);
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i]));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(sample, []);
  for (const path of nodes) {
    const node = path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], sample);
    const edits: ((copy: unknown) => unknown)[] = REPLACEMENTS.map((replacement) => () => structuredClone(replacement));
    if (Array.isArray(node)) edits.push((copy) => [...(copy as unknown[]), 'x', {}]);
    else if (typeof node === 'object' && node !== null) {
      for (const key of Object.keys(node)) {
        edits.push((copy) => Object.fromEntries(Object.entries(copy as object).filter(([name]) => name !== key)));
        edits.push((copy) => ({ ...(copy as object), [swapCase(key)]: (copy as Record<string, unknown>)[key] }));
      }
      edits.push((copy) => ({ ...(copy as object), 'bad key/~': 'v', unknownMember: 1 }));
    }
    for (const edit of edits) variants.push(replaceAt(sample, path, edit));
  }
  return variants;
}

/** A value of the part's shape; where the sampler cannot make one (a pattern beyond it), an empty object to break. */
function sampled(part: JsonSchema, service: ServiceContract): unknown {
  try {
    return sampleFromSchema(part, service);
  } catch {
    return {};
  }
}

function replaceAt(value: unknown, path: (string | number)[], edit: (node: unknown) => unknown): unknown {
  if (path.length === 0) return edit(structuredClone(value));
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  parent[last] = edit(parent[last]);
  return copy;
}

function swapCase(name: string): string {
  return name.charAt(0) === name.charAt(0).toLowerCase() ? name.charAt(0).toUpperCase() + name.slice(1) : name.charAt(0).toLowerCase() + name.slice(1);
}

/** Whether a rule that depends on the recording (`tapegateLearned`) is in the part or a definition it reaches. */
function reachesLearned(part: JsonSchema, service: ServiceContract): boolean {
  const seen = new Set<string>();
  const visit = (node: unknown): boolean => {
    if (typeof node !== 'object' || node === null) return false;
    if (Array.isArray(node)) return node.some(visit);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'tapegateLearned') return true;
      if (key === '$ref' && typeof value === 'string') {
        const name = value.slice(value.lastIndexOf('/') + 1);
        if (!seen.has(name) && (seen.add(name), visit(validationDefinition(service, name)))) return true;
      } else if (visit(value)) return true;
    }
    return false;
  };
  return visit(part);
}

/** What the recording may say about an API (learned-apis.ts): overlays pick their rules by it. */
const CONTEXTS: ValidationContext[] = [
  {},
  { protocolType: 'HTTP', integrationSubtype: null },
  { protocolType: 'WEBSOCKET' },
  { protocolType: 'HTTP', integrationSubtype: 'SQS-SendMessage' },
];

describe('the interpreter gives ajv’s errors', () => {
  it('follows the rule order of the validator’s ajv instance', () => {
    const ajv = createAjv(() => undefined);
    const groups = ajv.RULES.rules.map((group) => [group.type ?? 'any', group.rules.map((rule) => rule.keyword)]);
    expect(groups).toEqual(RULE_GROUPS.map(([group, keywords]) => [group, [...keywords]]));
    expect(ajv.RULES.post.rules).toEqual([]);
  });

  const contracts = bundledContracts();
  for (const { service: name } of contracts.services) {
    it(`${name}: every operation part, sampled and broken`, () => {
      const service = contracts.service(name)!;
      const interpreter = new PartValidators({ hotAfter: Infinity });
      const hot = new PartValidators({ hotAfter: 0 });
      // ajv as the validator used it before: the service's definitions added, every `$ref` compiled with the part.
      const eager = createAjv(() => undefined);
      addDefinitions(eager, service);
      let compared = 0;
      let errors = 0;
      for (const part of partsOf(service)) {
        const before = eager.compile(part);
        const contexts = reachesLearned(part, service) ? CONTEXTS : CONTEXTS.slice(0, 1);
        for (const value of variantsOf(sampled(part, service))) {
          for (const context of contexts) {
            const expected = errorsOf(before, value, context);
            const check = interpreter.checkOf(service, part);
            const interpreted = check.validate;
            expect(errorsOf(interpreted, value, context)).toEqual(expected);
            // Every bundled part is the interpreter's own: none is handed to ajv.
            expect(check.validate).toBe(interpreted);
            expect(errorsOf(hot.checkOf(service, part).validate, value, context)).toEqual(expected);
            compared++;
            errors += expected.length;
          }
        }
      }
      // Most broken values must be findings, or the comparison says little.
      expect(errors).toBeGreaterThan(compared / 2);
      // Thousands of values, and every part compiled twice: more than the suite's default 30 s on a busy machine.
    }, 180_000);
  }
});
