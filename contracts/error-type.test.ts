/**
 * The error type as botocore's RestJSONParser and the JavaScript SDK v3's loadRestJsonErrorCode
 * read it: header first (even empty), then the body's code, Code, __type; cut at ':' and '#'.
 */
import { describe, expect, it } from 'vitest';
import { errorTypeOf, normaliseErrorType } from './error-type.js';

describe('normaliseErrorType', () => {
  it.each([
    ['NotFoundException', 'NotFoundException'],
    ['NotFoundException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/', 'NotFoundException'],
    ['com.amazonaws.apigateway#NotFoundException', 'NotFoundException'],
    ['aws.protocoltests.restjson#FooError:http://internal.amazon.com/', 'FooError'],
  ])('%s → %s', (raw, type) => expect(normaliseErrorType(raw)).toBe(type));
});

describe('errorTypeOf', () => {
  it('takes the header before any body member', () => {
    expect(errorTypeOf({ 'x-amzn-errortype': 'NotFoundException' }, { code: 'BadRequestException' })).toEqual({ type: 'NotFoundException', pointer: '/headers/x-amzn-errortype' });
  });

  it('takes code, then Code, then __type from the body', () => {
    expect(errorTypeOf({}, { __type: 'A', code: 'B' })).toEqual({ type: 'B', pointer: '/body/code' });
    expect(errorTypeOf({}, { __type: 'A', Code: 'C' })).toEqual({ type: 'C', pointer: '/body/Code' });
    expect(errorTypeOf({}, { __type: 'ns#A' })).toEqual({ type: 'A', pointer: '/body/__type' });
  });

  it('stops at an empty header, as both SDKs do (an empty type), and finds nothing in a body without one', () => {
    expect(errorTypeOf({ 'x-amzn-errortype': '' }, { __type: 'A' })).toEqual({ type: '', pointer: '/headers/x-amzn-errortype' });
    expect(errorTypeOf({}, { message: 'm' })).toBeNull();
    expect(errorTypeOf({}, ['code'])).toBeNull();
  });
});
