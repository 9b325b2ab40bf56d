/**
 * The Content-Type of a JSON body: the labels AWS and the SDKs use pass, with any parameters;
 * a JSON body labelled otherwise or not at all is one warn; a body-less part and a body that
 * is not JSON (invalid-json's) are not this finding's business.
 */
import { describe, expect, it } from 'vitest';
import { contentTypeFinding, isJsonMediaType } from './content-type.js';

const json = { kind: 'json' as const, value: { a: 1 } };

describe('isJsonMediaType', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON;charset=UTF-8',
    'application/x-amz-json-1.0',
    'application/x-amz-json-1.1',
    'application/hal+json',
  ])('%s is JSON', (label) => expect(isJsonMediaType(label)).toBe(true));
  it.each(['text/html', 'text/html; charset=utf-8', 'text/plain', 'application/xml', 'application/jsonx', 'json', ''])('%s is not', (label) =>
    expect(isJsonMediaType(label)).toBe(false),
  );
});

describe('contentTypeFinding', () => {
  it('passes a JSON body labelled as JSON', () => {
    expect(contentTypeFinding('apigatewayv2.GetApi', 'response', { 'content-type': 'application/json; charset=utf-8' }, json)).toBeNull();
  });

  it('is one warn at /headers/content-type for a JSON body labelled text/html or not labelled, on either side', () => {
    expect(contentTypeFinding('apigatewayv2.GetApi', 'response', { 'content-type': 'text/html' }, json)).toMatchObject({
      severity: 'warn',
      code: 'content-type',
      side: 'response',
      path: '/headers/content-type',
      message: expect.stringContaining('"text/html"') as string,
    });
    expect(contentTypeFinding('apigatewayv2.CreateApi', 'request', {}, json)).toMatchObject({
      severity: 'warn',
      code: 'content-type',
      side: 'request',
      path: '/headers/content-type',
    });
  });

  it('says nothing of a body-less part or of bytes that are not JSON', () => {
    expect(contentTypeFinding('apigatewayv2.DeleteApi', 'response', {}, { kind: 'empty' })).toBeNull();
    expect(contentTypeFinding('apigatewayv2.GetApi', 'response', { 'content-type': 'text/html' }, { kind: 'bytes', bytes: new TextEncoder().encode('<html/>') })).toBeNull();
  });
});
