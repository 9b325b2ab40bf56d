/**
 * Where secrets travel, as the generator lists them: model marks (on the member or its
 * target shape), overlay marks, every wire place (body at any depth, list and map elements,
 * headers, query, a whole payload), and what cannot be listed (URI members, recursion) in
 * the notes. Then the real models: Secrets Manager and STS mark theirs; API Gateway marks
 * none, and the bundled overlay supplies them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledContracts } from '../load.js';
import { loadOverlays } from '../overlays.js';
import { sensitiveLookup } from '../sensitive.js';
import type { BotocoreShape } from './botocore-model.js';
import { findModelFiles, readModelFile } from './read-model.js';
import { markKey, sensitiveMembersOf, type SensitiveContext } from './sensitive-members.js';

function context(shapes: Record<string, BotocoreShape>, marks: string[] = []): SensitiveContext {
  return { shapes, marks: new Set(marks), notes: [] };
}

const shapes: Record<string, BotocoreShape> = {
  PutThingRequest: {
    type: 'structure',
    members: {
      Id: { shape: 'Secret', location: 'uri', locationName: 'id' },
      Token: { shape: 'Secret', location: 'header', locationName: 'X-Thing-Token' },
      Key: { shape: 'Plain', location: 'querystring', locationName: 'key' },
      Password: { shape: 'Plain', locationName: 'password', sensitive: true },
      Config: { shape: 'Config', locationName: 'config' },
      Name: { shape: 'Plain', locationName: 'name' },
    },
  },
  Config: {
    type: 'structure',
    members: {
      Items: { shape: 'Items', locationName: 'items' },
      Env: { shape: 'Env', locationName: 'env' },
      Note: { shape: 'Plain', locationName: 'note' },
      Child: { shape: 'Config', locationName: 'child' },
    },
  },
  Items: { type: 'list', member: { shape: 'Item' } },
  Item: { type: 'structure', members: { Value: { shape: 'Plain', locationName: 'value' }, Blob: { shape: 'SecretBlob', locationName: 'blob' } } },
  Env: { type: 'map', key: { shape: 'Plain' }, value: { shape: 'Secret' } },
  UploadRequest: { type: 'structure', payload: 'Body', members: { Body: { shape: 'SecretBlob' } } },
  Secret: { type: 'string', sensitive: true },
  SecretBlob: { type: 'blob', sensitive: true },
  Plain: { type: 'string' },
};

describe('sensitiveMembersOf', () => {
  it('lists marked members at every wire place, by wire name, with their type', () => {
    const ctx = context(shapes, [markKey('PutThingRequest', 'Key'), markKey('Item', 'Value')]);
    expect(sensitiveMembersOf('PutThingRequest', ctx)).toEqual([
      { pointer: '/headers/x-thing-token', type: 'string' },
      { pointer: '/query/key', type: 'string' },
      { pointer: '/body/password', type: 'string' },
      { pointer: '/body/config/items/*/value', type: 'string' },
      { pointer: '/body/config/items/*/blob', type: 'blob' },
      { pointer: '/body/config/env/*', type: 'string' },
    ]);
    expect(ctx.notes).toEqual([
      'sensitive URI member PutThingRequest.Id ({id}) is not redacted: the path must still route',
      'sensitive members below the recursive shape Config are redacted at their first level only',
    ]);
  });

  it('a sensitive payload is the whole body; a shape without secrets lists nothing', () => {
    expect(sensitiveMembersOf('UploadRequest', context(shapes))).toEqual([{ pointer: '/body', type: 'blob' }]);
    expect(sensitiveMembersOf('Item', context({ ...shapes, SecretBlob: { type: 'blob' } }))).toEqual([]);
    expect(sensitiveMembersOf(undefined, context(shapes))).toEqual([]);
  });
});

const MODELS = join(process.cwd(), '..', 'shared', 'models', 'botocore-1.43.67');

function operationSensitive(service: string, operation: string, side: 'input' | 'output', marks: string[] = []) {
  const model = readModelFile(findModelFiles(join(MODELS, service))[0] as string).model;
  const shape = model.operations[operation]?.[side]?.shape;
  return sensitiveMembersOf(shape, context(model.shapes, marks));
}

// The models are data the project does not commit; CI has them beside the clone.
describe.runIf(existsSync(MODELS))('the real models', () => {
  it('Secrets Manager: secret strings and binaries in both directions', () => {
    expect(operationSensitive('secretsmanager', 'GetSecretValue', 'output')).toEqual([
      { pointer: '/body/SecretBinary', type: 'blob' },
      { pointer: '/body/SecretString', type: 'string' },
    ]);
    expect(operationSensitive('secretsmanager', 'CreateSecret', 'input').map((m) => m.pointer)).toEqual(['/body/SecretBinary', '/body/SecretString']);
    expect(operationSensitive('secretsmanager', 'GetRandomPassword', 'output')).toEqual([{ pointer: '/body/RandomPassword', type: 'string' }]);
  });

  it('STS: the secret access key of temporary credentials', () => {
    expect(operationSensitive('sts', 'AssumeRole', 'output').map((m) => m.pointer)).toContain('/body/Credentials/SecretAccessKey');
    expect(operationSensitive('sts', 'AssumeRoleWithWebIdentity', 'input').map((m) => m.pointer)).toContain('/body/WebIdentityToken');
  });

  it('API Gateway marks nothing; the bundled overlay names its secrets, and they reach the committed contracts', () => {
    expect(operationSensitive('apigateway', 'CreateDomainName', 'input')).toEqual([]);
    const marks = loadOverlays(join(process.cwd(), 'contracts', 'overlays'))
      .filter((overlay) => overlay.service === 'apigateway')
      .flatMap((overlay) => overlay.sensitive ?? [])
      .map((entry) => markKey(entry.shape, entry.member));
    expect(operationSensitive('apigateway', 'CreateDomainName', 'input', marks)).toEqual([{ pointer: '/body/certificatePrivateKey', type: 'string' }]);
    expect(operationSensitive('apigateway', 'GetApiKeys', 'output', marks)).toEqual([{ pointer: '/body/item/*/value', type: 'string' }]);
  });
});

describe('the committed contracts', () => {
  it("list the secrets of the seed operations' neighbours", () => {
    const lookup = sensitiveLookup(bundledContracts());
    expect(lookup('apigateway.CreateDomainName')?.request).toEqual([{ pointer: '/body/certificatePrivateKey', type: 'string' }]);
    expect(lookup('apigateway.CreateApiKey')).toEqual({
      request: [{ pointer: '/body/value', type: 'string' }],
      response: [{ pointer: '/body/value', type: 'string' }],
      errors: [],
    });
    expect(lookup('apigateway.GetApiKey')?.response).toEqual([{ pointer: '/body/value', type: 'string' }]);
    expect(lookup('apigateway.GetUsagePlanKeys')?.response).toEqual([{ pointer: '/body/item/*/value', type: 'string' }]);
    expect(lookup('apigateway.ImportApiKeys')?.request).toEqual([{ pointer: '/body', type: 'blob' }]);
    // The seed operations themselves carry no secret: nothing to look up per request.
    for (const seed of [
      'apigateway.GetIntegrationResponse',
      'apigateway.UpdateIntegrationResponse',
      'apigatewayv2.CreateIntegrationResponse',
      'apigatewayv2.UpdateIntegrationResponse',
      'apigatewayv2.UpdateIntegration',
    ]) {
      expect(lookup(seed), seed).toBeUndefined();
    }
  });
});
