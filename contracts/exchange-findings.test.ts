/**
 * exchangeFindings on the real Validator: the same findings as validating directly, the
 * operation named even when the exchange was recorded without one, and a contract whose
 * schema does not compile turning into a `validator-failure` finding rather than an exception.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../core/exchange.js';
import { brokenV1Contract } from '../test/fixtures/broken-contracts.js';
import { exchangeFindings } from './exchange-findings.js';
import { indexContracts, readContractFile } from './load.js';
import { Validator } from './validator.js';

const V1 = fileURLToPath(new URL('../test/fixtures/drift/apigateway-2015-07-09@1.43.67.json', import.meta.url));
const RESPONSE_PATH = '/restapis/a1/resources/r1/methods/GET/integration/responses/200';

function getIntegrationResponse(seq: number, operation: string | null, body: unknown): Exchange {
  return {
    seq,
    operation,
    request: { method: 'GET', path: RESPONSE_PATH, query: {}, headers: {}, body: { kind: 'empty' } },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: { kind: 'json', value: body } },
    timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
  };
}

describe('exchangeFindings', () => {
  const validator = new Validator(indexContracts([readContractFile(V1)]));

  it("gives the validator's findings and the recorded operation", () => {
    const exchange = getIntegrationResponse(0, 'apigateway.GetIntegrationResponse', { statusCode: 200, extra: true });
    const result = exchangeFindings(validator, exchange);
    expect(result.operation).toBe('apigateway.GetIntegrationResponse');
    expect(result.findings).toEqual(validator.validate(exchange, exchange.operation));
    expect(result.findings.map((f) => [f.code, f.path])).toEqual([
      ['invalid-type', '/body/statusCode'],
      ['unknown-field', '/body/extra'],
    ]);
  });

  it('names the operation the contracts route to when none was recorded, and null when none does', () => {
    expect(exchangeFindings(validator, getIntegrationResponse(1, null, { statusCode: '200' }))).toEqual({ operation: 'apigateway.GetIntegrationResponse', findings: [] });
    const nowhere = { ...getIntegrationResponse(2, null, {}), request: { method: 'GET', path: '/nowhere', query: {}, headers: {}, body: { kind: 'empty' as const } } };
    const result = exchangeFindings(validator, nowhere);
    expect(result.operation).toBeNull();
    expect(result.findings.map((f) => f.code)).toEqual(['unknown-operation']);
  });

  it('turns a failure of the validator into an error finding naming the exception, and keeps checking others', () => {
    const broken = new Validator(indexContracts([brokenV1Contract()]));
    const exchange = getIntegrationResponse(7, 'apigateway.GetIntegrationResponse', { statusCode: '200' });
    // The validator on its own throws: this is what exchangeFindings must absorb.
    expect(() => broken.validate(exchange, exchange.operation)).toThrow();
    const result = exchangeFindings(broken, exchange);
    expect(result.operation).toBe('apigateway.GetIntegrationResponse');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ operation: 'apigateway.GetIntegrationResponse', side: 'request', severity: 'error', code: 'validator-failure', path: '' });
    expect(result.findings[0]!.message).toMatch(/^Failed to validate exchange #7: \w*Error: .*NoSuchShape/);
    // Other operations of the same contracts are still checked.
    const getIntegration: Exchange = {
      ...exchange,
      operation: 'apigateway.GetIntegration',
      request: { ...exchange.request, path: '/restapis/a1/resources/r1/methods/GET/integration' },
      response: { ...exchange.response, body: { kind: 'json', value: { type: 'HTTPS' } } },
    };
    expect(exchangeFindings(broken, getIntegration).findings.map((f) => [f.code, f.path])).toEqual([['invalid-enum', '/body/type']]);
  });
});
