/**
 * Every rule of the classification table on hand-made schema pairs, both directions:
 * the same pair read forwards and backwards must give the mirrored verdict.
 */
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../contracts/types.js';
import { contract, object, type OperationSpec } from '../test/fixtures/drift/contract-builder.js';
import { compareServiceContracts } from './compare-contracts.js';
import type { DriftOptions } from './types.js';

const Mode = { type: 'string', enum: ['A', 'B', 'C'] };
const ModeAB = { type: 'string', enum: ['A', 'B'] };

async function drift(before: OperationSpec, after: OperationSpec, options: DriftOptions = {}, defs: [Record<string, JsonSchema>, Record<string, JsonSchema>] = [{}, {}]) {
  const result = await compareServiceContracts(contract('svc', { Op: before }, defs[0]), contract('svc', { Op: after }, defs[1]), options);
  expect(result.stats.disagreements).toEqual([]);
  return result.changes.map(({ side, pointer, code, severity }) => ({ side, pointer, code, severity }));
}

interface Rule {
  rule: string;
  before: OperationSpec;
  after: OperationSpec;
  forward: { side: string; pointer: string; code: string; severity: string }[];
  backward: { side: string; pointer: string; code: string; severity: string }[];
}

const req = (body: JsonSchema): OperationSpec => ({ requestBody: body });
const res = (body: JsonSchema): OperationSpec => ({ responseBody: body });

const RULES: Rule[] = [
  {
    rule: 'request: a new optional member is info; the member removed is breaking',
    before: req(object({ name: { type: 'string' } })),
    after: req(object({ name: { type: 'string' }, tags: { type: 'string' } })),
    forward: [{ side: 'request', pointer: '/body/tags', code: 'member-added', severity: 'info' }],
    backward: [{ side: 'request', pointer: '/body/tags', code: 'member-removed', severity: 'breaking' }],
  },
  {
    rule: 'request: a member made required is breaking; made optional is info',
    before: req(object({ name: { type: 'string' } })),
    after: req(object({ name: { type: 'string' } }, ['name'])),
    forward: [{ side: 'request', pointer: '/body/name', code: 'member-required', severity: 'breaking' }],
    backward: [{ side: 'request', pointer: '/body/name', code: 'member-optional', severity: 'info' }],
  },
  {
    rule: 'request: a new required member is breaking, and so is removing one',
    before: req(object({ name: { type: 'string' } })),
    after: req(object({ name: { type: 'string' }, owner: { type: 'string' } }, ['owner'])),
    forward: [{ side: 'request', pointer: '/body/owner', code: 'required-member-added', severity: 'breaking' }],
    backward: [{ side: 'request', pointer: '/body/owner', code: 'member-removed', severity: 'breaking' }],
  },
  {
    rule: 'request: an enum value removed is breaking; added is info',
    before: req(object({ mode: Mode })),
    after: req(object({ mode: ModeAB })),
    forward: [{ side: 'request', pointer: '/body/mode', code: 'enum-value-removed', severity: 'breaking' }],
    backward: [{ side: 'request', pointer: '/body/mode', code: 'enum-value-added', severity: 'info' }],
  },
  {
    rule: 'request: a pattern tightened (changed) is breaking both ways',
    before: req(object({ code: { type: 'string', pattern: '^[a-z]+$' } })),
    after: req(object({ code: { type: 'string', pattern: '^[a-z]{1,8}$' } })),
    forward: [{ side: 'request', pointer: '/body/code', code: 'pattern-changed', severity: 'breaking' }],
    backward: [{ side: 'request', pointer: '/body/code', code: 'pattern-changed', severity: 'breaking' }],
  },
  {
    rule: 'request: a pattern added is breaking; dropped is info',
    before: req(object({ code: { type: 'string' } })),
    after: req(object({ code: { type: 'string', pattern: '[1-5]\\d\\d' } })),
    forward: [{ side: 'request', pointer: '/body/code', code: 'pattern-changed', severity: 'breaking' }],
    backward: [{ side: 'request', pointer: '/body/code', code: 'pattern-changed', severity: 'info' }],
  },
  {
    rule: 'request: a format added is breaking; dropped is info',
    before: req(object({ at: { type: 'string' } })),
    after: req(object({ at: { type: 'string', format: 'date-time' } })),
    forward: [{ side: 'request', pointer: '/body/at', code: 'format-changed', severity: 'breaking' }],
    backward: [{ side: 'request', pointer: '/body/at', code: 'format-changed', severity: 'info' }],
  },
  {
    rule: 'request: a const changed is breaking',
    before: req(object({ version: { type: 'string', const: '1' } })),
    after: req(object({ version: { type: 'string', const: '2' } })),
    forward: [{ side: 'request', pointer: '/body/version', code: 'const-changed', severity: 'breaking' }],
    backward: [{ side: 'request', pointer: '/body/version', code: 'const-changed', severity: 'breaking' }],
  },
  {
    rule: 'request: a lower maxLength is breaking; a higher one is info',
    before: req(object({ name: { type: 'string', maxLength: 128 } })),
    after: req(object({ name: { type: 'string', maxLength: 64 } })),
    forward: [{ side: 'request', pointer: '/body/name', code: 'limit-changed', severity: 'breaking' }],
    backward: [{ side: 'request', pointer: '/body/name', code: 'limit-changed', severity: 'info' }],
  },
  {
    rule: 'request: a higher minimum is breaking; a lower one is info',
    before: req(object({ timeout: { type: 'integer', minimum: 50 } })),
    after: req(object({ timeout: { type: 'integer', minimum: 100 } })),
    forward: [{ side: 'request', pointer: '/body/timeout', code: 'limit-changed', severity: 'breaking' }],
    backward: [{ side: 'request', pointer: '/body/timeout', code: 'limit-changed', severity: 'info' }],
  },
  {
    rule: 'request: integer widened to number is info; narrowed back is breaking',
    before: req(object({ size: { type: 'integer' } })),
    after: req(object({ size: { type: 'number' } })),
    forward: [{ side: 'request', pointer: '/body/size', code: 'type-changed', severity: 'info' }],
    backward: [{ side: 'request', pointer: '/body/size', code: 'type-changed', severity: 'breaking' }],
  },
  {
    rule: 'request: a new query parameter is info; one removed is breaking',
    before: { query: { type: 'object', properties: {} } },
    after: { query: { type: 'object', properties: { limit: { type: 'string' } } } },
    forward: [{ side: 'request', pointer: '/query/limit', code: 'member-added', severity: 'info' }],
    backward: [{ side: 'request', pointer: '/query/limit', code: 'member-removed', severity: 'breaking' }],
  },
  {
    rule: 'response: a new optional member is warn; removed is info',
    before: res(object({ id: { type: 'string' } })),
    after: res(object({ id: { type: 'string' }, arn: { type: 'string' } })),
    forward: [{ side: 'response', pointer: '/body/arn', code: 'member-added', severity: 'warn' }],
    backward: [{ side: 'response', pointer: '/body/arn', code: 'member-removed', severity: 'info' }],
  },
  {
    rule: 'response: an enum value added is warn; removed is info',
    before: res(object({ status: ModeAB })),
    after: res(object({ status: Mode })),
    forward: [{ side: 'response', pointer: '/body/status', code: 'enum-value-added', severity: 'warn' }],
    backward: [{ side: 'response', pointer: '/body/status', code: 'enum-value-removed', severity: 'info' }],
  },
  {
    rule: 'response: a member that may now be missing is warn; one now always sent is info',
    before: res(object({ id: { type: 'string' } }, ['id'])),
    after: res(object({ id: { type: 'string' } })),
    forward: [{ side: 'response', pointer: '/body/id', code: 'member-optional', severity: 'warn' }],
    backward: [{ side: 'response', pointer: '/body/id', code: 'member-required', severity: 'info' }],
  },
  {
    rule: 'response: nested members inside lists point through `*`',
    before: res(object({ items: { type: 'array', items: object({ id: { type: 'string' } }) } })),
    after: res(object({ items: { type: 'array', items: object({ id: { type: 'string' }, mode: ModeAB }) } })),
    forward: [{ side: 'response', pointer: '/body/items/*/mode', code: 'member-added', severity: 'warn' }],
    backward: [{ side: 'response', pointer: '/body/items/*/mode', code: 'member-removed', severity: 'info' }],
  },
  {
    rule: 'method changed is breaking',
    before: { method: 'PUT' },
    after: { method: 'PATCH' },
    forward: [{ side: 'request', pointer: '/method', code: 'method-changed', severity: 'breaking' }],
    backward: [{ side: 'request', pointer: '/method', code: 'method-changed', severity: 'breaking' }],
  },
  {
    rule: 'URI changed is breaking',
    before: { uri: '/things/{id}' },
    after: { uri: '/v2/things/{id}' },
    forward: [{ side: 'request', pointer: '/path', code: 'uri-changed', severity: 'breaking' }],
    backward: [{ side: 'request', pointer: '/path', code: 'uri-changed', severity: 'breaking' }],
  },
  {
    rule: 'success status changed is breaking',
    before: { successStatus: 200 },
    after: { successStatus: 201 },
    forward: [{ side: 'response', pointer: '/status', code: 'success-status-changed', severity: 'breaking' }],
    backward: [{ side: 'response', pointer: '/status', code: 'success-status-changed', severity: 'breaking' }],
  },
  {
    rule: 'a new error is warn; an error no longer declared is info',
    before: { errors: [{ type: 'NotFoundException', status: 404 }] },
    after: {
      errors: [
        { type: 'NotFoundException', status: 404 },
        { type: 'TooManyRequestsException', status: 429 },
      ],
    },
    forward: [{ side: 'error', pointer: '', code: 'error-added', severity: 'warn' }],
    backward: [{ side: 'error', pointer: '', code: 'error-removed', severity: 'info' }],
  },
  {
    rule: 'an error with another status is warn; a new member in its body is warn, gone is info',
    before: { errors: [{ type: 'ConflictException', status: 409, body: object({ message: { type: 'string' } }) }] },
    after: { errors: [{ type: 'ConflictException', status: 400, body: object({ message: { type: 'string' }, reason: { type: 'string' } }) }] },
    forward: [
      { side: 'error', pointer: '/body/reason', code: 'member-added', severity: 'warn' },
      { side: 'error', pointer: '/status', code: 'error-status-changed', severity: 'warn' },
    ],
    backward: [
      { side: 'error', pointer: '/body/reason', code: 'member-removed', severity: 'info' },
      { side: 'error', pointer: '/status', code: 'error-status-changed', severity: 'warn' },
    ],
  },
  {
    rule: 'what the walker cannot place is still reported from json-schema-diff, at the part',
    before: req(object({ id: { anyOf: [{ type: 'string' }] } })),
    after: req(object({ id: { anyOf: [{ type: 'string' }, { type: 'integer' }] } })),
    forward: [{ side: 'request', pointer: '/body', code: 'schema-widened', severity: 'info' }],
    backward: [{ side: 'request', pointer: '/body', code: 'schema-narrowed', severity: 'breaking' }],
  },
];

const sortChanges = <T extends { pointer: string; code: string }>(list: T[]) => [...list].sort((a, b) => a.pointer.localeCompare(b.pointer) || a.code.localeCompare(b.code));

describe('classification by direction (hand-made pairs)', () => {
  for (const { rule, before, after, forward, backward } of RULES) {
    it(rule, async () => {
      expect(sortChanges(await drift(before, after))).toEqual(sortChanges(forward));
      expect(sortChanges(await drift(after, before))).toEqual(sortChanges(backward));
    });
  }

  it('a response addition is breaking for strict consumers', async () => {
    const changes = await drift(res(object({ id: { type: 'string' } })), res(object({ id: { type: 'string' }, arn: { type: 'string' } })), { strictResponses: true });
    expect(changes).toEqual([{ side: 'response', pointer: '/body/arn', code: 'member-added', severity: 'breaking' }]);
  });

  it('follows $refs into definitions and reports a change in a shared shape where it is reached', async () => {
    const spec: OperationSpec = { requestBody: object({ mode: { $ref: '#/definitions/Mode' } }), responseBody: object({ mode: { $ref: '#/definitions/Mode' } }) };
    const changes = await drift(spec, spec, {}, [{ Mode }, { Mode: ModeAB }]);
    expect(changes).toEqual([
      { side: 'request', pointer: '/body/mode', code: 'enum-value-removed', severity: 'breaking' },
      { side: 'response', pointer: '/body/mode', code: 'enum-value-removed', severity: 'info' },
    ]);
  });

  it('reports nothing for identical operations, and never asks json-schema-diff', async () => {
    const spec: OperationSpec = { requestBody: object({ name: { type: 'string', pattern: '^x' } }, ['name']), responseBody: object({ mode: Mode }) };
    const result = await compareServiceContracts(contract('svc', { Op: spec }), contract('svc', { Op: structuredClone(spec) }));
    expect(result.changes).toEqual([]);
    expect(result.stats.setDiffCalls).toBe(0);
  });

  it('operations added are info, removed are breaking', async () => {
    const one = contract('svc', { Keep: {} });
    const two = contract('svc', { Keep: {}, Fresh: { method: 'GET', uri: '/fresh' } });
    const forward = await compareServiceContracts(one, two);
    expect(forward.changes.map(({ operation, code, severity }) => ({ operation, code, severity }))).toEqual([
      { operation: 'svc.Fresh', code: 'operation-added', severity: 'info' },
    ]);
    const backward = await compareServiceContracts(two, one);
    expect(backward.changes.map(({ operation, code, severity }) => ({ operation, code, severity }))).toEqual([
      { operation: 'svc.Fresh', code: 'operation-removed', severity: 'breaking' },
    ]);
  });

  it('refuses to compare two different services (exit 2)', async () => {
    await expect(compareServiceContracts(contract('apigateway', {}), contract('apigatewayv2', {}))).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/^Failed to compare contracts "apigateway 2015-07-09" with "apigatewayv2 2015-07-09": they are different services/) as string,
    });
  });
});
