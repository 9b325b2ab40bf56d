/**
 * `npm run test:clients`: the v2 parameter-key rules (issue 11, item 8) from Debian's boto3
 * (1.26). v2_parameter_rules.py makes one valid and one invalid call per rule through
 * `tapegate exec --mode record` against the fake API Gateway (which stores whatever keys it is
 * given and answers them back); the valid calls give no finding, each invalid one its finding
 * at the JSON Pointer of the bad key or value, on the request and on each answer that carries
 * it. Checked twice: the proxy's count as it recorded, and `verify` on the cassette, pointer
 * by pointer (with the message naming the expected forms).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledContracts } from '../../contracts/load.js';
import { verifyCassettes } from '../../verify/run.js';
import { execRecord, PYTHON } from '../support/debian-clients.js';
import { startFakeApiGateway, FAKE_APIGATEWAY_CREDENTIALS } from '../support/fake-apigateway/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tapegate-v2-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const both = (seq: number, operation: string, ...pointers: string[]): string[] =>
  pointers.flatMap((p) => [`#${seq} ${operation} request ${p}`, `#${seq} ${operation} response ${p}`]);
const answer = (seq: number, operation: string, ...pointers: string[]): string[] => pointers.map((p) => `#${seq} ${operation} response ${p}`);

/** Every finding that is not plain information, by the exchange's position in the cassette (the script's call numbers). */
const EXPECTED = [
  ...both(3, 'CreateIntegration', '/body/requestParameters/integration.request.header.x-id', '/body/responseParameters/600', '/body/responseParameters/200/overwrite.statuscode'),
  ...both(5, 'UpdateIntegration', '/body/requestParameters/append:header.x-group'),
  ...both(7, 'UpdateIntegration', '/body/requestParameters/overwrite:header.connectionId'),
  ...both(9, 'CreateIntegrationResponse', '/body/responseParameters/x-request-id', '/body/responseParameters/method.response.header.x-a'),
  ...both(10, 'UpdateIntegrationResponse', '/body/responseParameters/method.response.header.x-b'),
  ...answer(11, 'GetIntegration', '/body/requestParameters/integration.request.header.x-id', '/body/responseParameters/600', '/body/responseParameters/200/overwrite.statuscode'),
  ...answer(
    12,
    'GetIntegrationResponses',
    '/body/items/0/responseParameters/method.response.header.x-b',
    '/body/items/1/responseParameters/x-request-id',
    '/body/items/1/responseParameters/method.response.header.x-a',
  ),
].sort();

describe('Python boto3: the v2 parameter-key rules', () => {
  it('gives no finding for the valid calls and the exact finding for each invalid key or value', async () => {
    const cassette = join(dir, 'boto3-v2-rules.cassette');
    const fake = await startFakeApiGateway();
    let stderr: string;
    try {
      const record = await execRecord(fake.url, FAKE_APIGATEWAY_CREDENTIALS, cassette, [PYTHON, 'test/clients/v2_parameter_rules.py']);
      stderr = record.stderr;
      expect(record.status, record.stderr).toBe(0);
      expect(JSON.parse(record.stdout)).toHaveLength(13);
      expect(fake.signatures.rejected).toBe(0);
    } finally {
      await fake.close();
    }

    // The proxy validated each exchange as it recorded it (exec prints the count; verify, below, every pointer).
    expect(stderr).toContain(`findings: ${EXPECTED.length} errors, 0 warn`);

    const report = await verifyCassettes([cassette], { contracts: bundledContracts(), contractsLabel: 'bundled' });
    const found = report.cassettes[0]!.exchanges.flatMap((exchange) =>
      exchange.findings
        .filter((finding) => finding.severity !== 'info')
        .map((finding) => {
          expect(finding, finding.message).toMatchObject({ code: 'pattern-mismatch', severity: 'error' });
          return `#${exchange.seq} ${finding.operation!.replace('apigatewayv2.', '')} ${finding.side} ${finding.path}`;
        }),
    );
    expect(found.sort()).toEqual(EXPECTED);
    const statuscode = report.cassettes[0]!.exchanges[3]!.findings.find((finding) => finding.path === '/body/responseParameters/200/overwrite.statuscode');
    expect(statuscode?.message).toBe('key "overwrite.statuscode" is not a form AWS accepts here; expected append|overwrite|remove:header.{name} or overwrite:statuscode');
  });
});
