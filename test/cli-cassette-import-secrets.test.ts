import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CassetteJson } from '../cassettes/format/json.js';
import { runCli } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tapegate-import-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A key id made up at run time, so no key-shaped literal sits in the repository. */
const keyId = () =>
  `AKIA${randomBytes(12)
    .toString('hex')
    .toUpperCase()
    .replace(/[^A-Z2-7]/g, 'Q')
    .slice(0, 16)}`;

function fixtureWith(edit: (fixture: CassetteJson) => void): string {
  const fixture = JSON.parse(readFileSync('cassettes/examples/seed-operations.json', 'utf8')) as CassetteJson;
  edit(fixture);
  const file = join(dir, `fixture-${randomBytes(4).toString('hex')}.json`);
  writeFileSync(file, JSON.stringify(fixture));
  return file;
}

describe('tapegate cassette import keeps credentials out', () => {
  it('refuses a fixture with a key-shaped value, naming where and never the value', () => {
    const secret = keyId();
    const file = fixtureWith((fixture) => {
      fixture.exchanges[1]!.request.headers['x-debug-key'] = secret;
    });
    const result = runCli(['cassette', 'import', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/\/exchanges\/1\/request\/headers\/x-debug-key holds what looks like an AWS access key id/);
    expect(result.stderr).not.toContain(secret);
    expect(existsSync(file.replace(/\.json$/, '.cassette'))).toBe(false);
  });

  it('refuses a fixture carrying an Authorization header', () => {
    const file = fixtureWith((fixture) => {
      fixture.exchanges[0]!.request.headers.Authorization = 'Bearer whatever';
    });
    const result = runCli(['cassette', 'import', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/\/exchanges\/0\/request\/headers\/Authorization is a credential header/);
  });

  it('still imports the clean example', () => {
    const result = runCli(['cassette', 'import', 'cassettes/examples/seed-operations.json', '--output', join(dir, 'clean.cassette')]);
    expect(result.status).toBe(0);
  });
});
