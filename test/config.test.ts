/**
 * `loadConfig` on real files in a temp folder: defaults when there is no file, a valid file
 * with defaults filled in and folders resolved against the file, and one test per kind of
 * mistake, each message naming the key and what was expected. Also: the published schema's
 * defaults and keys agree with the code's.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexContracts, readContractFile } from '../contracts/load.js';
import { loadConfig } from '../harness/config/load.js';
import { configSchemaPath } from '../harness/config/schema.js';
import { defaultConfig, type TapegateConfig } from '../harness/config/types.js';
import { TapegateError } from '../core/errors.js';
import { DEFAULT_MAX_BODY_BYTES, parseByteSize } from '../proxy/option-values.js';

const V1_CONTRACTS = fileURLToPath(new URL('./fixtures/drift/apigateway-2015-07-09@1.43.67.json', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tapegate-config-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(text: string, name = 'tapegate.config.json'): void {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
}

/** The message of the TapegateError (exit 2) that loading the default file throws. */
function mistake(config: unknown): string {
  write(typeof config === 'string' ? config : JSON.stringify(config));
  try {
    loadConfig(undefined, dir);
  } catch (error) {
    expect(error).toBeInstanceOf(TapegateError);
    expect((error as TapegateError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('the config loaded without complaint');
}

const PREFIX = 'Failed to read config "tapegate.config.json": ';

describe('loadConfig: what loads', () => {
  it('no tapegate.config.json in the folder: the defaults', () => {
    expect(loadConfig(undefined, dir)).toEqual(defaultConfig());
    expect(defaultConfig()).toMatchObject({ file: null, repeat: 'last', failOn: 'error', maxBodyBytes: DEFAULT_MAX_BODY_BYTES, upstream: null });
  });

  it('a valid file: every key read, the rest defaulted, folders relative to the file, sizes in bytes', () => {
    mkdirSync(join(dir, 'project', 'contracts'), { recursive: true });
    write(
      JSON.stringify({
        $schema: './node_modules/tapegate/schemas/tapegate.config.schema.json',
        matchHeaders: ['X-Tenant-Id'],
        ignoreBody: { 'apigatewayv2.CreateApi': ['/clientToken', '/tags/*'] },
        redaction: { accountIds: true },
        upstream: 'http://localhost:4566',
        contracts: 'contracts',
        cassettes: '../recordings',
        maxBodyBytes: '1.5MB',
      }),
      'project/tapegate.config.json',
    );
    copyFileSync(V1_CONTRACTS, join(dir, 'project', 'contracts', 'apigateway.json'));
    // Found through an explicit path from another folder: folders still resolve against the file.
    const config = loadConfig('project/tapegate.config.json', dir, {
      contracts: indexContracts([readContractFile(fileURLToPath(new URL('../contracts/generated/apigatewayv2-2018-11-29.json', import.meta.url)))]),
    });
    expect(config).toEqual({
      file: join(dir, 'project', 'tapegate.config.json'),
      fileKeys: ['matchHeaders', 'ignoreBody', 'redaction', 'upstream', 'contracts', 'cassettes', 'maxBodyBytes'],
      matchHeaders: ['X-Tenant-Id'],
      ignoreBody: { 'apigatewayv2.CreateApi': ['/clientToken', '/tags/*'] },
      repeat: 'last',
      redaction: { accountIds: true, extraHeaders: [] },
      upstream: new URL('http://localhost:4566/'),
      contracts: [join(dir, 'project', 'contracts')],
      cassettes: join(dir, 'recordings'),
      failOn: 'error',
      maxBodyBytes: 1_500_000,
    } satisfies TapegateConfig);
    expect(config.upstream).toBeInstanceOf(URL);
  });

  it('integers for maxBodyBytes, a byte order mark, and ignoreBody ids checked against the bundled contracts', () => {
    write(`\ufeff${JSON.stringify({ maxBodyBytes: 2048, repeat: 'error', failOn: 'never', ignoreBody: { 'apigateway.CreateRestApi': ['/name'] } })}`);
    expect(loadConfig(undefined, dir)).toMatchObject({ maxBodyBytes: 2048, repeat: 'error', failOn: 'never', ignoreBody: { 'apigateway.CreateRestApi': ['/name'] } });
  });

  it('a file named that does not exist is bad input; the default one may be absent', () => {
    expect(() => loadConfig('ci/tapegate.json', dir)).toThrow(new TapegateError('Failed to read config "ci/tapegate.json": no such file', 2));
  });
});

describe('loadConfig: each kind of mistake names the key and what was expected', () => {
  it.each([
    [
      'a pointer not starting with "/"',
      { ignoreBody: { 'apigatewayv2.CreateApi': ['clientToken'] } },
      '/ignoreBody/apigatewayv2.CreateApi/0 must be a JSON Pointer starting with "/" (got "clientToken")',
    ],
    [
      'a pointer with a bad "~" escape',
      { ignoreBody: { 'apigatewayv2.CreateApi': ['/tags/a~2b'] } },
      '/ignoreBody/apigatewayv2.CreateApi/0 must be a JSON Pointer with "~" written "~0" and a "/" inside a name "~1" (got "/tags/a~2b")',
    ],
    ['a value outside an enum', { failOn: 'fatal' }, '/failOn must be one of error, warn, never (got "fatal")'],
    ['another enum', { repeat: 'first' }, '/repeat must be one of last, error (got "first")'],
    ['a mistyped key', { matchHeader: ['x-tenant'] }, '/matchHeader is not a known key (did you mean matchHeaders?)'],
    ['a mistyped nested key', { redaction: { accountId: true } }, '/redaction/accountId is not a known key (did you mean accountIds?)'],
    ['an unknown key like no other', { colour: 'blue' }, '/colour is not a known key'],
    ['a string for a list', { matchHeaders: 'x-tenant' }, '/matchHeaders must be an array (got "x-tenant")'],
    ['a string for a boolean', { redaction: { accountIds: 'yes' } }, '/redaction/accountIds must be a boolean (got "yes")'],
    ['a header name with a space', { redaction: { extraHeaders: ['x tenant'] } }, '/redaction/extraHeaders/0 must be an HTTP header name (got "x tenant")'],
    ['a size in an unknown unit', { maxBodyBytes: '10 parsecs' }, '/maxBodyBytes must be a positive integer or a size such as "10MiB" (got "10 parsecs")'],
    ['a size of zero', { maxBodyBytes: 0 }, '/maxBodyBytes must be a positive integer or a size such as "10MiB" (got 0)'],
    ['a size that rounds to zero bytes', { maxBodyBytes: '0.1B' }, '/maxBodyBytes must be a positive integer or a size such as "10MiB" (got "0.1B")'],
    ['a fractional byte count', { maxBodyBytes: 1.5 }, '/maxBodyBytes must be a positive integer or a size such as "10MiB" (got 1.5)'],
    ['an upstream of another scheme', { upstream: 'ftp://example.com' }, '/upstream must be an http or https URL (got "ftp://example.com")'],
    ['an upstream without a scheme', { upstream: 'localhost:4566' }, '/upstream must be an http or https URL (got "localhost:4566")'],
    ['an upstream that does not parse', { upstream: 'http://exa mple.com' }, '/upstream must be an http or https URL (got "http://exa mple.com")'],
    ['an empty folder name', { cassettes: '' }, '/cassettes must be a folder: a non-empty path, relative to the config file (got "")'],
    [
      'a contracts folder that is not there',
      { contracts: 'no-such-contracts' },
      '/contracts must be a folder of tapegate contract files, relative to the config file (got "no-such-contracts": no such folder)',
    ],
    [
      'a contracts list with a folder that is not there',
      { contracts: ['.', 'no-such-contracts'] },
      '/contracts/1 must be a folder of tapegate contract files, relative to the config file (got "no-such-contracts": no such folder)',
    ],
    ['a contracts list with an empty name', { contracts: [''] }, '/contracts must be a folder or a list of folders: non-empty paths, relative to the config file (got [""])'],
    ['an ignoreBody key that is no operation id', { ignoreBody: { createApi: ['/name'] } }, '/ignoreBody/createApi must be an operation id such as "apigatewayv2.CreateApi"'],
    [
      'an operation the contracts lack',
      { ignoreBody: { 'apigatewayv2.CreatApi': ['/name'] } },
      '/ignoreBody/apigatewayv2.CreatApi is not an operation of the contracts (did you mean apigatewayv2.CreateApi?)',
    ],
    ['a list that is not one', { ignoreBody: { 'apigatewayv2.CreateApi': '/name' } }, '/ignoreBody/apigatewayv2.CreateApi must be an array (got "/name")'],
    ['a file that is not an object', [], 'the file must be an object (got [])'],
  ])('%s', (_name, config, message) => {
    expect(mistake(config)).toBe(PREFIX + message);
  });

  it('several mistakes: every one named, in one message', () => {
    expect(mistake({ failOn: 'fatal', matchHeader: [], maxBodyBytes: true })).toBe(
      PREFIX +
        '/matchHeader is not a known key (did you mean matchHeaders?); /failOn must be one of error, warn, never (got "fatal"); ' +
        '/maxBodyBytes must be a positive integer or a size such as "10MiB" (got true)',
    );
  });

  it("ignoreBody ids are checked against the contracts in use (a --contracts flag's)", () => {
    write(JSON.stringify({ ignoreBody: { 'apigatewayv2.CreateApi': ['/clientToken'], 'apigateway.CreateRestApi': ['/name'] } }));
    const v1Only = indexContracts([readContractFile(V1_CONTRACTS)]);
    expect(() => loadConfig(undefined, dir, { contracts: v1Only })).toThrow(
      /^Failed to read config "tapegate\.config\.json": \/ignoreBody\/apigatewayv2\.CreateApi is not an operation of the contracts \(did you mean apigateway\.\w+\?\)$/,
    );
  });

  it.each([
    ['a trailing comma', '{\n  "failOn": "warn",\n}\n', 'not valid JSON at line 3, column 1: expected a property name in double quotes, found "}"'],
    ['a missing value', '{"failOn": }', 'not valid JSON at line 1, column 12: expected a value (object, array, string, number, true, false or null), found "}"'],
    ['single quotes', "{\n\t'failOn': 'warn'}", 'not valid JSON at line 2, column 2: expected a property name in double quotes, found "\'"'],
    ['an unterminated string', '{"failOn": "warn}', "not valid JSON at line 1, column 18: expected the closing '\"' of the string, found the end of the file"],
    ['an empty file', '', 'not valid JSON at line 1, column 1: expected a value (object, array, string, number, true, false or null), found the end of the file'],
    ['two objects', '{}\n{}', 'not valid JSON at line 2, column 1: expected the end of the file, found "{"'],
  ])('not JSON (%s): the parse error with line and column', (_name, text, reason) => {
    expect(mistake(text)).toBe(PREFIX + reason);
  });
});

describe('the published schema', () => {
  const schema = JSON.parse(readFileSync(configSchemaPath(), 'utf8')) as {
    properties: Record<string, { default?: unknown; properties?: Record<string, { default?: unknown }> }>;
  };

  it('has a key for each config value (and "$schema"), no more', () => {
    const keys = Object.keys(defaultConfig()).filter((key) => key !== 'file' && key !== 'fileKeys'); // bookkeeping, not settings
    expect(Object.keys(schema.properties).sort()).toEqual(['$schema', ...keys].sort());
  });

  it('states the defaults the code fills in', () => {
    const defaults = defaultConfig();
    for (const [key, property] of Object.entries(schema.properties)) {
      if (property.default === undefined) {
        expect([null, undefined]).toContain((defaults as unknown as Record<string, unknown>)[key]);
        continue;
      }
      const value = key === 'maxBodyBytes' ? parseByteSize(property.default) : property.default;
      expect(value, key).toEqual((defaults as unknown as Record<string, unknown>)[key]);
    }
    expect(schema.properties.redaction?.properties?.accountIds?.default).toBe(defaults.redaction.accountIds);
  });
});
