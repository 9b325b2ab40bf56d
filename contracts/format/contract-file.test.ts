import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultContractsDir, defaultOverlaysDir, indexContracts, loadContracts, readContractFile } from '../load.js';
import { loadOverlays } from '../overlays.js';
import { expandContract, validationDefinition } from './expand.js';
import { readCompactContract, readOperationsTable, readServiceHeader } from './contract-file.js';
import { serializeContract } from './serialize.js';
import type { CompactContract } from './compact-types.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tapegate-contract-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A made-up service: one operation, a label, a body member, one error, two shapes. */
function widgets(): CompactContract {
  return {
    format: 'tapegate-contracts',
    formatVersion: 2,
    service: 'widgets',
    apiVersion: '2020-01-01',
    protocol: 'rest-json',
    endpointPrefix: 'widgets',
    signingName: 'widgets',
    serviceId: 'Widgets',
    provenance: { uid: 'widgets-2020-01-01', botocoreVersion: null, sha256: '0'.repeat(64), file: 'widgets/2020-01-01/service-2.json' },
    notes: [],
    operations: { PutWidget: { http: { method: 'PUT', uri: '/widgets/{id}', successStatus: 201 }, input: 'PutWidgetRequest', output: 'Widget', errors: ['NotFound'] } },
    messages: {
      PutWidgetRequest: {
        members: [
          ['Id', 'id', 'uri', 'Id', true],
          ['Size', 'size', 'body', 'Size', false],
        ],
        path: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'], additionalProperties: false },
        body: { type: 'object', properties: { size: { $ref: '#/shapes/Size' } }, additionalProperties: false },
      },
      Widget: { members: [['Size', 'size', 'body', 'Size', false]], body: { $ref: '#/shapes/Widget' } },
    },
    errors: { NotFound: { status: 404, fault: 'client', body: { type: 'object', properties: { message: { type: 'string' } } } } },
    shapes: {
      Size: { type: 'integer', minimum: 1 },
      Widget: { type: 'object', properties: { size: { $ref: '#/shapes/Size' } }, additionalProperties: false },
    },
  };
}

describe('contract files (format version 2)', () => {
  it('writes the service header on the first line and one line per operation, message, error and shape', () => {
    const text = serializeContract(widgets());
    const lines = text.trimEnd().split('\n');
    expect(JSON.parse(`${lines[0]!.slice(0, -1)}}`)).toMatchObject({ format: 'tapegate-contracts', formatVersion: 2, service: 'widgets', protocol: 'rest-json' });
    expect(lines.filter((line) => line.startsWith('"Size":') || line.startsWith('"Widget":'))).toHaveLength(3);
    expect(JSON.parse(text)).toEqual(widgets());
  });

  it('expands each part into an open validation and a closed diff schema, refs pointing where each is compiled', () => {
    const file = join(dir, 'widgets-2020-01-01.json');
    writeFileSync(file, serializeContract(widgets()));
    const contract = readContractFile(file);
    const put = contract.operations.PutWidget!;
    expect(put.id).toBe('widgets.PutWidget');
    expect(put.request.labels).toEqual([{ name: 'id', greedy: false }]);
    expect(put.request.members[1]).toEqual({ member: 'Size', wireName: 'size', location: 'body', shape: 'Size', required: false });
    expect(put.request.body).toEqual({
      validation: { type: 'object', properties: { size: { $ref: 'tapegate:contracts/widgets/2020-01-01#/definitions/Size' } } },
      diff: { type: 'object', properties: { size: { $ref: '#/definitions/Size' } }, additionalProperties: false },
    });
    expect(put.request.query).toEqual({ validation: { type: 'object', properties: {} }, diff: { type: 'object', properties: {} } });
    expect(put.response).toMatchObject({ status: 201, bodyKind: 'json' });
    expect(put.errors).toEqual([
      expect.objectContaining({
        type: 'NotFound',
        status: 404,
        body: expect.objectContaining({ diff: { type: 'object', properties: { message: { type: 'string' } } } }) as unknown,
      }),
    ]);
    expect(contract.definitions.validation.Widget).toEqual({ type: 'object', properties: { size: { $ref: '#/definitions/Size' } } });
    expect(contract.definitions.diff.Widget).toEqual({ type: 'object', properties: { size: { $ref: '#/definitions/Size' } }, additionalProperties: false });
  });

  it('refuses a format version 1 file, naming it and what to do', () => {
    const file = join(dir, 'old.json');
    writeFileSync(file, JSON.stringify({ format: 'tapegate-contracts', formatVersion: 1, service: 'widgets', operations: {}, definitions: {} }, null, 1));
    expect(() => readServiceHeader(file)).toThrow(
      `Failed to load contracts "${file}": format version 1 is not one this tapegate reads (2); regenerate it with \`tapegate contracts generate\``,
    );
    expect(() => loadContracts({ dir })).toThrow(/format version 1 is not one this tapegate reads \(2\)/);
  });

  it('refuses a file that is not a contract file, and a version 2 file without its tables', () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"name": "not contracts"}\n');
    expect(() => readServiceHeader(other)).toThrow(`Failed to load contracts "${other}": not a tapegate contract file (expected "format": "tapegate-contracts")`);
    const partial = join(dir, 'partial.json');
    const { shapes: _shapes, ...rest } = widgets();
    writeFileSync(partial, JSON.stringify(rest));
    expect(() => readCompactContract(partial)).toThrow(`Failed to load contracts "${partial}": "shapes" must be an object (format version 2)`);
  });

  it('reads the header of a pretty-printed file too (no header line: the whole file)', () => {
    const file = join(dir, 'widgets-2020-01-01.json');
    writeFileSync(file, JSON.stringify(widgets(), null, 2));
    expect(readServiceHeader(file)).toMatchObject({ service: 'widgets', signingName: 'widgets' });
    expect(loadContracts({ dir, overlays: false }).operations.get('widgets.PutWidget')?.http.uri).toBe('/widgets/{id}');
  });
});

describe('loading per service on first use', () => {
  it('lists the bundled services from their header lines and loads a service when one of its operations is asked for', () => {
    const set = loadContracts({ dir: defaultContractsDir() });
    expect(set.services.map((s) => s.service)).toEqual(expect.arrayContaining(['apigateway', 'apigatewayv2']));
    expect(set.services.some((s) => set.isLoaded(s.service))).toBe(false);
    expect(set.operations.get('apigatewayv2.GetApi')?.http.uri).toBe('/v2/apis/{apiId}');
    expect(set.services.filter((s) => set.isLoaded(s.service)).map((s) => s.service)).toEqual(['apigatewayv2']);
    expect(set.operations.has('apigatewayv2.NoSuchOperation')).toBe(false);
    expect(set.operations.get('nosuchservice.Anything')).toBeUndefined();
  });

  it('gives a path router the operations table alone: a request for one of API Gateway’s services loads that one only', () => {
    const set = loadContracts();
    const routes = set.routesOf('apigatewayv2');
    expect(set.isLoaded('apigatewayv2')).toBe(false);
    expect(routes.find((route) => route.id === 'apigatewayv2.GetApi')?.http).toEqual({ method: 'GET', uri: '/v2/apis/{apiId}', successStatus: 200 });
    set.service('apigatewayv2');
    expect(routes).toEqual(Object.values(set.service('apigatewayv2')!.operations).map(({ id, http }) => ({ id, http })));
    for (const summary of set.services) {
      const file = join(defaultContractsDir(), `${summary.service}-${summary.apiVersion}.json`);
      expect(readOperationsTable(file), summary.service).toEqual(readCompactContract(file).operations);
    }
  });

  it('reads a file laid out otherwise whole for its routes', () => {
    const file = join(dir, 'widgets-2020-01-01.json');
    writeFileSync(file, JSON.stringify(widgets(), null, 2));
    expect(readOperationsTable(file)).toBeNull();
    expect(loadContracts({ dir, overlays: false }).routesOf('widgets')).toEqual([{ id: 'widgets.PutWidget', http: { method: 'PUT', uri: '/widgets/{id}', successStatus: 201 } }]);
  });

  it('applies the overlays to a service when it loads, and reports them', () => {
    const set = loadContracts();
    expect(set.overlays.applied).toEqual([]);
    set.service('apigatewayv2');
    expect(set.overlays.applied.length).toBeGreaterThan(0);
    expect(set.overlays.applied.every((id) => id.startsWith('apigatewayv2/'))).toBe(true);
  });
});

describe('lazy expansion', () => {
  it('gives the same contracts, overlays applied, as expanding every operation at once', () => {
    const lazy = loadContracts();
    for (const summary of lazy.services) {
      const file = join(defaultContractsDir(), `${summary.service}-${summary.apiVersion}.json`);
      const eager = indexContracts([readContractFile(file)], loadOverlays(defaultOverlaysDir())).service(summary.service)!;
      expect(JSON.parse(JSON.stringify(lazy.service(summary.service))), summary.service).toEqual(JSON.parse(JSON.stringify(eager)));
    }
  });

  it('converts the validation definitions one at a time until the whole set is read, which then holds the same objects', () => {
    const contract = expandContract(readCompactContract(join(defaultContractsDir(), 'ssm-2014-11-06.json')), true);
    const parameter = validationDefinition(contract, 'Parameter');
    expect(parameter).toMatchObject({ type: 'object' });
    // The whole set is still a getter, not read yet.
    expect('get' in Object.getOwnPropertyDescriptor(contract.definitions, 'validation')!).toBe(true);
    expect(validationDefinition(contract, 'NoSuchShape')).toBeUndefined();
    expect(contract.definitions.validation.Parameter).toBe(parameter);
    expect(validationDefinition(contract, 'Parameter')).toBe(parameter);
  });

  it('reads a laid-out file’s messages, errors and shapes an entry at a time: the same contract, a broken entry named when it is read', () => {
    for (const name of ['sts-2011-06-15.json', 's3-2006-03-01.json']) {
      const file = join(defaultContractsDir(), name);
      const text = readFileSync(file, 'utf8');
      const compact = readCompactContract(file);
      expect(serializeContract(compact)).toBe(text);
      expect(JSON.parse(JSON.stringify(compact))).toEqual(JSON.parse(text));
    }
    const file = join(dir, 'widgets-2020-01-01.json');
    const broken = widgets();
    broken.shapes.Unused = { type: 'string' };
    writeFileSync(file, serializeContract(broken).replace('"Unused":{"type":"string"}', '"Unused":{"type":'));
    const set = loadContracts({ dir, overlays: false });
    expect(set.operations.get('widgets.PutWidget')?.request.body?.validation).toMatchObject({ type: 'object' });
    expect(() => set.service('widgets')!.definitions.validation).toThrow(`Failed to load contracts "${file}": shapes "Unused": `);
  });

  it('expands only the operations that are read', () => {
    const contract = expandContract(readCompactContract(join(defaultContractsDir(), 'sqs-2012-11-05.json')), true);
    const expanded = () => Object.keys(contract.operations).filter((name) => 'value' in Object.getOwnPropertyDescriptor(contract.operations, name)!);
    expect(expanded()).toEqual([]);
    expect(contract.operations.SendMessage!.id).toBe('sqs.SendMessage');
    expect(expanded()).toEqual(['SendMessage']);
  });

  it('keeps the operations in a table without a prototype: an operation named constructor or toString is none', () => {
    const contract = expandContract(readCompactContract(join(defaultContractsDir(), 'sqs-2012-11-05.json')), true);
    expect(Object.getPrototypeOf(contract.operations)).toBeNull();
    for (const name of ['constructor', 'toString', '__proto__']) expect(contract.operations[name], name).toBeUndefined();
    expect(structuredClone(contract).operations.SendMessage?.id).toBe('sqs.SendMessage');
  });
});
