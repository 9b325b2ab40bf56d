/**
 * `npm run test:clients`: Debian's boto3 (botocore 1.29) against each NotFoundException
 * spelling an emulator may use (test/support/error-spellings.ts), recorded through the proxy;
 * `tapegate verify --fail-on error` passes the cassette. botocore 1.29 maps fewer spellings to
 * the modeled exception than botocore 1.43 and the JavaScript SDK v3 do: it does not cut a
 * `namespace#` off the header or `code`, nor a `:` suffix off `__type`. The assertion states
 * that release's behaviour, so a newer Debian boto3 shows up here as a change to look at.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startProxy } from '../../index.js';
import { Cleanups, randomCredentials, tempDir } from '../record-fixtures.js';
import { runCliAsync } from '../support/cli.js';
import { PYTHON } from '../support/debian-clients.js';
import { NOT_FOUND_SPELLINGS } from '../support/error-spellings.js';
import { startScriptedUpstream } from '../support/scripted-upstream.js';

const cleanups = new Cleanups();
afterEach(() => cleanups.run());

describe('Python boto3 and the error spellings of an emulator', () => {
  it('reads the ones its botocore knows as NotFoundException, and verify passes them all', async () => {
    const upstream = await startScriptedUpstream(NOT_FOUND_SPELLINGS.map((spelling) => spelling.answer));
    cleanups.add(() => upstream.close());
    const { dir, remove } = await tempDir();
    cleanups.add(remove);
    const proxy = await startProxy({ mode: 'record', cassette: join(dir, 'boto3.cassette'), upstream: upstream.url, log: false, credentials: randomCredentials() });
    // Asynchronously: the proxy answering boto3 runs in this process.
    let stdout: string;
    try {
      ({ stdout } = await promisify(execFile)(PYTHON, ['test/clients/error_spellings.py', proxy.url, String(NOT_FOUND_SPELLINGS.length)], { encoding: 'utf8', timeout: 60_000 }));
    } finally {
      await proxy.close();
    }
    const results = JSON.parse(stdout) as { code: string; exception: string }[];
    expect(Object.fromEntries(NOT_FOUND_SPELLINGS.map(({ name }, i) => [name, results[i]]))).toEqual({
      'error type in the header with a ":" suffix': { code: 'NotFoundException', exception: 'NotFoundException' },
      'error type in the header with a namespace': { code: 'com.amazonaws.apigateway#NotFoundException', exception: 'ClientError' },
      'error type only in __type, with namespace and suffix': { code: 'NotFoundException:http://internal.amazon.com/coral/', exception: 'ClientError' },
      'error type only in code, with a namespace': { code: 'aws.apigateway#NotFoundException', exception: 'ClientError' },
      'error type in Code, message in Message': { code: 'NotFoundException', exception: 'NotFoundException' },
      'error type in the header only, no body': { code: 'NotFoundException', exception: 'NotFoundException' },
    });
    const verify = await runCliAsync(['verify', 'boto3.cassette', '--fail-on', 'warn'], { cwd: dir });
    expect(verify.status, verify.stdout).toBe(0);
  });
});
