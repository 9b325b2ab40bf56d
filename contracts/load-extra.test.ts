/**
 * Contract folders beside the bundled ones (`loadContracts({ extraDirs })`, the config's
 * `contracts` list): a service there replaces the bundled one of the same name, is listed once,
 * and its file is the one read.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultContractsDir, loadContracts } from './load.js';
import { ContractRouter } from './service-router.js';

const dir = mkdtempSync(join(tmpdir(), 'tapegate-extra-contracts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadContracts with extraDirs', () => {
  it('a service of an extra folder replaces the bundled one, listed once, read from its own file', () => {
    copyFileSync(join(defaultContractsDir(), 'lambda-2015-03-31.json'), join(dir, 'lambda-2015-03-31.json'));
    const contracts = loadContracts({ extraDirs: [dir] });
    expect(contracts.services.filter((service) => service.service === 'lambda')).toHaveLength(1);
    expect(contracts.services.map((service) => service.service)).toContain('apigateway');
    expect(contracts.fileOf('lambda')).toBe(join(dir, 'lambda-2015-03-31.json'));
    expect(contracts.replaced).toEqual([{ service: 'lambda', file: join(dir, 'lambda-2015-03-31.json'), replaced: join(defaultContractsDir(), 'lambda-2015-03-31.json') }]);
    // Listed twice, its operations would reach the router twice and be refused as indistinguishable.
    const route = new ContractRouter(contracts).route({ method: 'GET', path: '/2015-03-31/functions', query: {}, headers: {} });
    expect(route?.operation).toBe('lambda.ListFunctions');
  });

  it('the bundled folder named again replaces nothing', () => {
    expect(loadContracts({ extraDirs: [defaultContractsDir()] }).replaced).toEqual([]);
  });

  it('an extra folder that is not there is bad input naming it', () => {
    expect(() => loadContracts({ extraDirs: [join(dir, 'nope')] })).toThrow(`Failed to load contracts "${join(dir, 'nope')}": no such folder`);
  });
});
