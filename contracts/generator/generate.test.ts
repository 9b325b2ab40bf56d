import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TapegateError } from '../../core/errors.js';
import { generateContracts } from './generate.js';
import { readContractFile } from '../load.js';
import type { ServiceContract } from '../types.js';

/** A small rest-json model with the features the generator must carry to the wire. */
function model(overrides: Record<string, unknown> = {}) {
  return {
    metadata: { apiVersion: '2020-01-01', protocol: 'rest-json', uid: 'widgets-2020-01-01', endpointPrefix: 'widgets', serviceId: 'Widgets' },
    operations: {
      CreateWidget: {
        name: 'CreateWidget',
        http: { method: 'POST', requestUri: '/v1/shops/{shopId}/widgets', responseCode: 201 },
        input: { shape: 'CreateWidgetRequest' },
        output: { shape: 'Widget' },
        errors: [{ shape: 'NotFound' }],
      },
      ListWidgets: {
        name: 'ListWidgets',
        http: { method: 'GET', requestUri: '/v1/shops/{shopId}/widgets' },
        input: { shape: 'ListWidgetsRequest' },
        output: { shape: 'WidgetList' },
      },
    },
    shapes: {
      CreateWidgetRequest: {
        type: 'structure',
        required: ['ShopId', 'Name'],
        members: {
          ShopId: { shape: 'Id', location: 'uri', locationName: 'shopId' },
          Name: { shape: 'Name', locationName: 'name' },
          Colour: { shape: 'Colour', locationName: 'colour' },
          Token: { shape: 'Id', location: 'header', locationName: 'X-Idempotency-Token' },
        },
      },
      ListWidgetsRequest: {
        type: 'structure',
        required: ['ShopId'],
        members: {
          ShopId: { shape: 'Id', location: 'uri', locationName: 'shopId' },
          Limit: { shape: 'Limit', location: 'querystring', locationName: 'limit' },
          Tags: { shape: 'TagList', location: 'querystring', locationName: 'tag' },
        },
      },
      Widget: {
        type: 'structure',
        members: { Name: { shape: 'Name', locationName: 'name' }, Created: { shape: 'Iso', locationName: 'created' }, Touched: { shape: 'Time' } },
      },
      WidgetList: { type: 'structure', members: { Items: { shape: 'Widgets', locationName: 'items' } } },
      Widgets: { type: 'list', member: { shape: 'Widget' } },
      TagList: { type: 'list', member: { shape: 'Id' } },
      Id: { type: 'string' },
      Name: { type: 'string', min: 1, max: 10, pattern: '[a-z]+' },
      Colour: { type: 'string', enum: ['RED', 'BLUE'] },
      Limit: { type: 'integer', min: 1, max: 100 },
      Iso: { type: 'timestamp', timestampFormat: 'iso8601' },
      Time: { type: 'timestamp' },
      NotFound: { type: 'structure', members: { Message: { shape: 'Id', locationName: 'message' } }, exception: true, error: { httpStatusCode: 404 } },
    },
    ...overrides,
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tapegate-generate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeModel(relative: string, content: unknown, gzip = false): string {
  const file = join(dir, relative);
  mkdirSync(join(file, '..'), { recursive: true });
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  writeFileSync(file, gzip ? gzipSync(text) : text);
  return file;
}

/** A written contract file, expanded as the loader expands it. */
function generated(out: string, name: string): ServiceContract {
  return readContractFile(join(out, name));
}

function failure(run: () => unknown): TapegateError {
  try {
    run();
  } catch (error) {
    if (error instanceof TapegateError) return error;
    throw error;
  }
  throw new Error('expected a TapegateError');
}

describe('contracts generate', () => {
  it('puts every member at its wire place under its wire name', () => {
    const file = writeModel('botocore-9.8.7/data/widgets/2020-01-01/service-2.json', model());
    const out = join(dir, 'out');
    generateContracts({ botocore: file, out });
    const contract = generated(out, 'widgets-2020-01-01.json');
    const create = contract.operations.CreateWidget!;
    expect(create.id).toBe('widgets.CreateWidget');
    expect(create.http).toEqual({ method: 'POST', uri: '/v1/shops/{shopId}/widgets', successStatus: 201 });
    expect(create.request.labels).toEqual([{ name: 'shopId', greedy: false }]);
    expect(create.request.path.validation).toEqual({ type: 'object', properties: { shopId: { type: 'string' } }, required: ['shopId'] });
    expect(create.request.headers.validation.properties).toEqual({ 'x-idempotency-token': { type: 'string' } });
    // URI and header members never appear in the body; body members use locationName.
    expect(create.request.body!.validation).toEqual({
      type: 'object',
      properties: { name: { $ref: `${contract.schemaId}#/definitions/Name` }, colour: { $ref: `${contract.schemaId}#/definitions/Colour` } },
      required: ['name'],
    });
    expect(create.request.body!.diff).toMatchObject({ additionalProperties: false, properties: { name: { $ref: '#/definitions/Name' } } });
    expect(contract.definitions.validation.Name).toEqual({ type: 'string', minLength: 1, maxLength: 10, pattern: '[a-z]+' });
    expect(contract.definitions.validation.Widget).toEqual({
      type: 'object',
      properties: {
        name: { $ref: '#/definitions/Name' },
        created: { $ref: '#/definitions/Iso' },
        Touched: { $ref: '#/definitions/Time' },
      },
    });
    expect(contract.definitions.diff.Widget).toMatchObject({ additionalProperties: false });
    // v2-style ISO timestamps are strings; the rest-json default is epoch seconds.
    expect(contract.definitions.validation.Iso).toEqual({ type: 'string', format: 'date-time' });
    expect(contract.definitions.validation.Time).toMatchObject({ type: 'number' });
    expect(create.errors).toEqual([expect.objectContaining({ type: 'NotFound', status: 404, fault: 'client' })]);
    expect(create.errors[0]!.body.validation.properties).toMatchObject({ message: expect.anything() as unknown, Message: { type: 'string' } });
    const list = contract.operations.ListWidgets!;
    expect(list.request.bodyKind).toBe('none');
    expect(list.request.query.validation.properties).toEqual({
      limit: { type: 'string', pattern: '^-?[0-9]+$' },
      tag: { type: 'array', items: { type: 'string' } },
    });
    expect(contract.provenance).toEqual({
      uid: 'widgets-2020-01-01',
      botocoreVersion: '9.8.7',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
      file: 'widgets/2020-01-01/service-2.json',
    });
  });

  it('reads .json.gz, service folders and whole data folders alike, and is deterministic', () => {
    const plain = writeModel('a/widgets/2020-01-01/service-2.json', model());
    writeModel('b/data/widgets/2020-01-01/service-2.json.gz', model(), true);
    writeModel('b/data/widgets/2019-01-01/service-2.json', model({ metadata: { apiVersion: '2019-01-01', protocol: 'rest-json' } }));
    writeModel('b/data/instances/2016-11-15/service-2.json', { ...model(), metadata: { apiVersion: '2016-11-15', protocol: 'ec2' } });
    generateContracts({ botocore: plain, out: join(dir, 'one') });
    generateContracts({ botocore: join(dir, 'a/widgets'), out: join(dir, 'two') });
    const result = generateContracts({ botocore: join(dir, 'b/data'), out: join(dir, 'three') });
    expect(result.skipped).toEqual([{ service: 'instances', protocol: 'ec2' }]);
    expect(result.written.map((w) => `${w.service}-${w.apiVersion}`)).toEqual(['widgets-2020-01-01']);
    const one = readFileSync(join(dir, 'one/widgets-2020-01-01.json'), 'utf8');
    expect(readFileSync(join(dir, 'two/widgets-2020-01-01.json'), 'utf8')).toBe(one);
    const three = generated(join(dir, 'three'), 'widgets-2020-01-01.json');
    expect(three.provenance.file).toBe('widgets/2020-01-01/service-2.json.gz');
    expect({ ...three, provenance: null }).toEqual({ ...generated(join(dir, 'one'), 'widgets-2020-01-01.json'), provenance: null });
  });

  it('generates a data folder one model at a time, telling progress, all or nothing', () => {
    const data = join(dir, 'data');
    writeModel('data/alpha/2020-01-01/service-2.json', model({ metadata: { apiVersion: '2020-01-01', protocol: 'rest-json' } }));
    writeModel('data/beta/2020-01-01/service-2.json', model({ metadata: { apiVersion: '2020-01-01', protocol: 'rest-json' } }));
    const out = join(dir, 'out');
    const seen: string[] = [];
    const result = generateContracts({ botocore: data, out, progress: (index, total, service) => seen.push(`${index + 1}/${total} ${service}`) });
    expect(seen).toEqual(['1/2 alpha', '2/2 beta']);
    expect(result.written.map((w) => w.service)).toEqual(['alpha', 'beta']);
    const before = readFileSync(join(out, 'alpha-2020-01-01.json'), 'utf8');
    // A later model that fails: nothing is replaced, no temporary file is left behind.
    writeModel('data/alpha/2020-01-01/service-2.json', model({ metadata: { apiVersion: '2020-01-01', protocol: 'rest-json', uid: 'changed' } }));
    writeModel('data/beta/2020-01-01/service-2.json', '{"metadata": ');
    expect(failure(() => generateContracts({ botocore: data, out })).message).toMatch(/beta.*not JSON/);
    expect(readFileSync(join(out, 'alpha-2020-01-01.json'), 'utf8')).toBe(before);
    expect(readdirSync(out).sort()).toEqual(['alpha-2020-01-01.json', 'beta-2020-01-01.json']);
  });

  it('refuses a model that is not JSON, naming the file', () => {
    const file = writeModel('broken.json', '{"metadata": ');
    const error = failure(() => generateContracts({ botocore: file, out: join(dir, 'out') }));
    expect(error.message).toMatch(/^Failed to read botocore model ".*broken\.json": not JSON/);
    expect(error.exitCode).toBe(2);
  });

  it('refuses a model without operations, naming the file', () => {
    const { operations: _dropped, ...rest } = model();
    const file = writeModel('no-ops.json', rest);
    expect(failure(() => generateContracts({ botocore: file, out: join(dir, 'out') })).message).toMatch(/"[^"]*no-ops\.json": no "operations" object/);
  });

  it('refuses another protocol whole, writing nothing', () => {
    const file = writeModel('ec2/2016-11-15/service-2.json', { ...model(), metadata: { apiVersion: '2016-11-15', protocol: 'ec2', protocols: ['ec2'] } });
    const out = join(dir, 'out');
    const error = failure(() => generateContracts({ botocore: file, out }));
    expect(error.message).toMatch(/protocol ec2 is not supported; tapegate generates json, query, rest-json, rest-xml contracts only/);
    expect(() => readFileSync(join(out, 'ec2-2016-11-15.json'))).toThrow();
  });

  it('keeps unanchored AWS patterns and drops one JavaScript cannot compile, with a note', () => {
    const shapes = { ...model().shapes, Name: { type: 'string', pattern: '[\\p{Foo}]' } };
    const file = writeModel('w/widgets/2020-01-01/service-2.json', model({ shapes }));
    const result = generateContracts({ botocore: file, out: join(dir, 'out') });
    expect(result.written[0]!.notes).toEqual([expect.stringContaining('does not compile as a JavaScript regex')]);
    expect(generated(join(dir, 'out'), 'widgets-2020-01-01.json').definitions.validation.Name).toEqual({ type: 'string' });
  });
});
