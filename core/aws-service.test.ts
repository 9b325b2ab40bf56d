/** The SigV4 service of a request, read as the route cache reads it for every request. */
import { describe, expect, it } from 'vitest';
import { hostServiceOf, namedServiceOf, signingServiceOf } from './aws-service.js';

const signed = (authorization: string): Record<string, string> => ({ authorization });

describe('signingServiceOf', () => {
  it.each([
    ['AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=ab', 'lambda'],
    ['  AWS4-HMAC-SHA256 SignedHeaders=host,Credential=K/20260101/eu-west-1/apigateway/aws4_request,Signature=ab', 'apigateway'],
    ['AWS4-HMAC-SHA256 Credential=K/20260101/eusc-de-east-1/cognito-idp/aws4_request', 'cognito-idp'],
  ])('reads %j', (authorization, service) => {
    expect(signingServiceOf(signed(authorization))).toBe(service);
  });

  it.each([
    ['four parts', 'AWS4-HMAC-SHA256 Credential=K/20260101/us-east-1/aws4_request'],
    ['six parts', 'AWS4-HMAC-SHA256 Credential=K/x/20260101/us-east-1/s/aws4_request'],
    ['an empty service', 'AWS4-HMAC-SHA256 Credential=K/20260101/us-east-1//aws4_request'],
    ['upper case and underscores', 'AWS4-HMAC-SHA256 Credential=K/20260101/us-east-1/Bad_/aws4_request'],
    ['another terminator', 'AWS4-HMAC-SHA256 Credential=K/20260101/us-east-1/sts/aws4_requestX'],
    ['another algorithm', 'AWS Credential=K/20260101/us-east-1/s3/aws4_request'],
    ['no Credential', 'AWS4-HMAC-SHA256 SignedHeaders=host, Signature=ab'],
    ['a service of 65 characters', `AWS4-HMAC-SHA256 Credential=K/20260101/us-east-1/${'a'.repeat(65)}/aws4_request`],
  ])('refuses %s', (_, authorization) => {
    expect(signingServiceOf(signed(authorization))).toBeNull();
  });
});

describe('namedServiceOf', () => {
  it('takes the signature first, then an AWS Host, else nothing', () => {
    const authorization = 'AWS4-HMAC-SHA256 Credential=K/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=ab';
    expect(namedServiceOf({ authorization, host: 'apigateway.us-east-1.amazonaws.com' })).toBe('lambda');
    expect(namedServiceOf({ host: 'apigateway.us-east-1.amazonaws.com' })).toBe('apigateway');
    expect(namedServiceOf({ host: '127.0.0.1:4010' })).toBeNull();
  });
});

describe('hostServiceOf', () => {
  it('names S3 for a virtual-hosted host, whose first label is the bucket, in every form', () => {
    for (const host of [
      'orders.s3.amazonaws.com',
      'orders.s3.us-east-1.amazonaws.com',
      'my.dotted.bucket.s3.eu-west-1.amazonaws.com',
      'orders.s3-us-west-2.amazonaws.com',
      'orders.s3.dualstack.us-east-1.amazonaws.com',
      'orders.s3-accelerate.amazonaws.com',
      'orders--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com',
      'orders.s3.cn-north-1.amazonaws.com.cn',
      's3.amazonaws.com',
      's3.us-east-1.amazonaws.com:443',
    ]) {
      expect([host, hostServiceOf({ host })]).toEqual([host, 's3']);
    }
  });

  it('names the endpoint prefix of SERVICE[.REGION].amazonaws.com and nothing for longer or foreign hosts', () => {
    expect(hostServiceOf({ host: 'sts.amazonaws.com' })).toBe('sts');
    expect(hostServiceOf({ host: 'cognito-idp.us-east-1.amazonaws.com' })).toBe('cognito-idp');
    expect(hostServiceOf({ host: 'a1b2c3.execute-api.us-east-1.amazonaws.com' })).toBeNull();
    expect(hostServiceOf({ host: 'amazonaws.com' })).toBeNull();
    expect(hostServiceOf({ host: 'orders.s3.amazonaws.com.evil.example' })).toBeNull();
    expect(hostServiceOf({})).toBeNull();
  });
});
