/**
 * `tapegate drift` between two models finds a JSON key renamed below the top level of a
 * rest-json or json body: real botocore models (../shared/models beside the project) copied
 * into a temp folder with one member's `locationName` changed, deep inside lists, structures,
 * maps and DynamoDB's recursive AttributeValue. Each rename is one breaking wire-name-changed at
 * the member's pointer under its old key, naming both keys, and nothing else: without the
 * contracts' jsonNames the schema diff saw one member removed and another added instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledModelFile, editedModelFile, type EditableModel } from './support/edited-botocore-model.js';
import { runDrift } from '../drift/run.js';
import type { DriftChange } from '../drift/types.js';
import { runCli } from './support/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tapegate-drift-json-names-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const modelFile = bundledModelFile;
const changed = (service: string, edit: (model: EditableModel) => void): string => editedModelFile(dir, service, edit);

const facts = (changes: DriftChange[]) =>
  changes.map(({ operation, side, pointer, before, after, severity, code }) => ({ operation, side, pointer, before, after, severity, code }));

describe('tapegate drift: JSON keys renamed below the top level', () => {
  it('API Gateway v2 (rest-json), through the CLI: Cors.AllowOrigins sent as "origins", in requests, answers and the items of GetApis', () => {
    const to = changed('apigatewayv2', (m) => {
      m.shapes.Cors!.members.AllowOrigins!.locationName = 'origins';
    });
    const result = runCli(['drift', '--from', modelFile('apigatewayv2'), '--to', to, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const changes = (JSON.parse(result.stdout) as { changes: DriftChange[] }).changes;
    const rename = { before: 'allowOrigins', after: 'origins', severity: 'breaking', code: 'wire-name-changed' };
    const at = (operation: string, side: string, pointer = '/body/corsConfiguration/allowOrigins') => ({ operation: `apigatewayv2.${operation}`, side, pointer, ...rename });
    expect(facts(changes)).toEqual([
      at('CreateApi', 'request'),
      at('CreateApi', 'response'),
      at('GetApi', 'response'),
      at('GetApis', 'response', '/body/items/*/corsConfiguration/allowOrigins'),
      at('ImportApi', 'response'),
      at('ReimportApi', 'response'),
      at('UpdateApi', 'request'),
      at('UpdateApi', 'response'),
    ]);
    expect(changes[3]!.message).toBe(
      'Response member "Items[*].CorsConfiguration.AllowOrigins" now comes as JSON key "origins" instead of JSON key "allowOrigins": clients built for the old model will not find it.',
    );
  });

  it('API Gateway v2: an unchanged copy has no drift (the keys that are not model names pair with themselves)', async () => {
    const report = await runDrift(
      modelFile('apigatewayv2'),
      changed('apigatewayv2', () => undefined),
    );
    expect(report.changes).toEqual([]);
  });

  it('API Gateway v2: an error member renamed is an error-side change; the body’s other spellings (Message, __type) are no members to pair', async () => {
    const report = await runDrift(
      modelFile('apigatewayv2'),
      changed('apigatewayv2', (m) => {
        m.shapes.NotFoundException!.members.ResourceType!.locationName = 'kind';
      }),
    );
    expect(
      new Set(report.changes.map((change) => `${change.side} ${change.errorType} ${change.pointer} ${change.code} ${String(change.before)} → ${String(change.after)}`)),
    ).toEqual(new Set(['error NotFoundException /body/resourceType wire-name-changed resourceType → kind']));
  });

  it('Lambda (rest-json): a key of a structure in a list in a list (Functions[*].Layers[*].Arn)', async () => {
    const report = await runDrift(
      modelFile('lambda'),
      changed('lambda', (m) => {
        m.shapes.Layer!.members.Arn!.locationName = 'LayerArn';
      }),
    );
    expect(new Set(report.changes.map((change) => change.code))).toEqual(new Set(['wire-name-changed']));
    expect(facts(report.changes.filter((change) => change.operation === 'lambda.ListFunctions'))).toEqual([
      {
        operation: 'lambda.ListFunctions',
        side: 'response',
        pointer: '/body/Functions/*/Layers/*/Arn',
        before: 'Arn',
        after: 'LayerArn',
        severity: 'breaking',
        code: 'wire-name-changed',
      },
    ]);
    expect(report.changes.filter((change) => change.operation === 'lambda.GetFunction').map((change) => change.pointer)).toEqual(['/body/Configuration/Layers/*/Arn']);
  });

  it('DynamoDB (json): a key of the recursive AttributeValue, under every member that enters the cycle, never unrolled', async () => {
    const report = await runDrift(
      modelFile('dynamodb'),
      changed('dynamodb', (m) => {
        m.shapes.AttributeValue!.members.S!.locationName = 'Str';
      }),
    );
    // Error bodies carry items too (ConditionalCheckFailedException's Item): renamed there as well, not removed and added.
    expect(new Set(report.changes.map((change) => change.code))).toEqual(new Set(['wire-name-changed']));
    const pointers = report.changes.map((change) => `${change.operation} ${change.side} ${change.pointer}`);
    expect(pointers).toContain('dynamodb.GetItem response /body/Item/*/S');
    expect(pointers).toContain('dynamodb.Query request /body/ExclusiveStartKey/*/S');
    expect(pointers).toContain('dynamodb.PutItem error /body/Item/*/S');
    // AttributeValue's own M and L lead back into it: that pair was walked already on this entry.
    expect(pointers.filter((pointer) => /\/(M|L)\//.test(pointer))).toEqual([]);
    expect(report.changes.every((change) => change.before === 'S' && change.after === 'Str')).toBe(true);
  });
});
