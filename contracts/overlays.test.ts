/**
 * Overlay files with shared `definitions`: added to the service's validation definitions, never
 * over a model definition of the same name (that one is reported unapplied), and referred to
 * with `#/definitions/<name>` from a rule on an operation's part as well as from a definition.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indexContracts, readContractFile } from './load.js';
import type { OverlayFile } from './overlays.js';
import { Validator } from './validator.js';

const V1 = fileURLToPath(new URL('../test/fixtures/drift/apigateway-2015-07-09@1.43.67.json', import.meta.url));

describe('overlay definitions', () => {
  it('are shared by rules through #/definitions refs, and never replace a model definition', () => {
    const overlay: OverlayFile = {
      service: 'apigateway',
      definitions: {
        TapegateShortName: { maxLength: 3 },
        IntegrationResponse: { description: 'a clash with the model' },
      },
      rules: [
        { id: 'short-name', source: 'a test', target: '/operations/CreateRestApi/request/body/validation/properties/name', schema: { $ref: '#/definitions/TapegateShortName' } },
      ],
    };
    const contracts = indexContracts([readContractFile(V1)], [overlay]);
    const service = contracts.service('apigateway')!;
    expect(contracts.overlays.applied).toEqual(['apigateway/short-name']);
    expect(contracts.overlays.unapplied).toEqual([
      { id: 'definitions/IntegrationResponse', service: 'apigateway', apiVersion: '2015-07-09', target: '/definitions/validation/IntegrationResponse' },
    ]);
    expect(service.definitions.validation.IntegrationResponse).not.toHaveProperty('description');

    const request = { method: 'POST', path: '/restapis', query: {}, headers: { 'content-type': 'application/json' }, body: { kind: 'json' as const, value: { name: 'pets' } } };
    const findings = new Validator(contracts).validate({ request }, 'apigateway.CreateRestApi');
    expect(findings.map((f) => [f.code, f.path])).toEqual([['too-long', '/body/name']]);
  });
});
