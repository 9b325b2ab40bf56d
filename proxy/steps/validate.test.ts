import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../core/exchange.js';
import { Matcher } from '../../cassettes/match/matcher.js';
import { Validator, type ExchangeToValidate } from '../../contracts/validator.js';
import type { Finding } from '../../core/findings.js';
import { countBySeverity, findingLine, Findings, reached, type ServedFinding } from './validate.js';

/** The real validator, counting its calls. */
class CountingValidator extends Validator {
  calls = 0;
  override validate(exchange: ExchangeToValidate, operation?: string | null): Finding[] {
    this.calls++;
    return super.validate(exchange, operation);
  }
}

function updateIntegration(seq: number, timeoutInMillis: number): Exchange {
  return {
    seq,
    operation: 'apigatewayv2.UpdateIntegration',
    request: {
      method: 'PATCH',
      path: '/v2/apis/a1/integrations/i1',
      query: {},
      headers: { 'content-type': 'application/json' },
      body: { kind: 'json', value: { timeoutInMillis } },
    },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: { kind: 'json', value: { integrationId: 'i1', timeoutInMillis } } },
    timing: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 1 },
  };
}

describe('Findings of replay (served, lazily)', () => {
  it('validates only served exchanges, each once, when asked', () => {
    const exchanges = [updateIntegration(0, 10), updateIntegration(1, 29000), updateIntegration(2, 5)];
    const matcher = new Matcher(exchanges);
    const validator = new CountingValidator();
    const findings = new Findings(validator, () => undefined, matcher);
    for (let i = 0; i < 3; i++) matcher.match('apigatewayv2.UpdateIntegration', exchanges[0]!.request);
    matcher.match('apigatewayv2.UpdateIntegration', exchanges[1]!.request);
    expect(validator.calls).toBe(0);

    const first = findings.list();
    expect(validator.calls).toBe(2);
    // Exchange #0 carries a timeout under the documented 50 ms minimum; #2 was never served.
    expect(first.length).toBeGreaterThan(0);
    expect(new Set(first.map((f) => f.seq))).toEqual(new Set([0]));
    expect(first.some((f) => f.path.endsWith('/timeoutInMillis') && f.severity === 'error')).toBe(true);

    expect(findings.list()).toEqual(first);
    expect(validator.calls).toBe(2);
    expect(countBySeverity(first).error).toBe(first.filter((f) => f.severity === 'error').length);
  });
});

describe('Findings of the recording modes', () => {
  it('validates at once, logs each finding as one line and tells when --fail-on is reached', () => {
    const lines: string[] = [];
    const findings = new Findings(new Validator(), (line) => lines.push(line));
    findings.validate(updateIntegration(7, 10));
    const list = findings.list();
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((f) => f.seq === 7)).toBe(true);
    expect(lines).toEqual(list.map((f) => findingLine(f)));
    expect(reached(list, 'error')).toBe(true);
    expect(reached(list, 'never')).toBe(false);
  });

  it('prints a finding as one line', () => {
    expect(findingLine({ operation: 'apigateway.PutIntegration', side: 'request', severity: 'error', code: 'invalid-enum', path: '/body/type', message: 'must be\none of' })).toBe(
      'finding: error apigateway.PutIntegration request /body/type must be one of',
    );
    expect(findingLine({ operation: null, side: 'request', severity: 'warn', code: 'unknown-operation', path: '', message: 'no operation' })).toBe(
      'finding: warn (unknown operation) request / no operation',
    );
  });
});

describe('Findings and what the session says about its APIs (contracts/learned-apis.ts)', () => {
  const webSocketKeyOnApi = (seq: number): Exchange => ({
    seq,
    operation: 'apigatewayv2.UpdateIntegration',
    request: {
      method: 'PATCH',
      path: '/v2/apis/a1/integrations/i1',
      query: {},
      headers: {},
      body: { kind: 'json', value: { requestParameters: { 'integration.request.header.x': 'context.requestId' } } },
    },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: { kind: 'json', value: { integrationId: 'i1' } } },
    timing: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 1 },
  });
  const getApi = (seq: number): Exchange => ({
    seq,
    operation: 'apigatewayv2.GetApi',
    request: { method: 'GET', path: '/v2/apis/a1', query: {}, headers: {}, body: { kind: 'empty' } },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: { kind: 'json', value: { apiId: 'a1', name: 'n', protocolType: 'HTTP' } } },
    timing: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 1 },
  });
  const pointer = '/body/requestParameters/integration.request.header.x';
  const flagged = (list: ServedFinding[]): number[] => list.filter((f) => f.path === pointer).map((f) => f.seq);

  it('recording: learns in session order, so only what came before (and the exchange itself) decides', () => {
    const findings = new Findings(new Validator(), () => undefined);
    findings.validate(webSocketKeyOnApi(0)); // protocol not known yet: both forms accepted
    findings.validate(getApi(1));
    findings.validate(webSocketKeyOnApi(2));
    expect(flagged(findings.list())).toEqual([2]);
  });

  it('replay: learns from every served exchange before checking them, whatever order they were asked in', () => {
    const exchanges = [webSocketKeyOnApi(0), getApi(1)];
    const matcher = new Matcher(exchanges);
    const findings = new Findings(new Validator(), () => undefined, matcher);
    matcher.match('apigatewayv2.UpdateIntegration', exchanges[0]!.request);
    matcher.match('apigatewayv2.GetApi', exchanges[1]!.request);
    expect(flagged(findings.list())).toEqual([0]);
  });
});
