import { describe, expect, it } from 'vitest';
import { AccountIdMap, accountPlaceholder, isAccountFieldName, isAccountPlaceholder } from './account-ids.js';

// Account ids are not secrets, but tests still use made-up ones that no one owns.
const A = '210987654321';
const B = '345678901234';

describe('AccountIdMap', () => {
  it('numbers ids in order of first sight with 12-digit placeholders, the same id always the same', () => {
    const map = new AccountIdMap();
    expect(map.placeholderFor(A)).toBe('000000000001');
    expect(map.placeholderFor(B)).toBe('000000000002');
    expect(map.placeholderFor(A)).toBe('000000000001');
    expect(map.size).toBe(2);
    expect(map.has(B)).toBe(true);
    expect(accountPlaceholder(123)).toBe('000000000123');
  });

  it('passes placeholders (six leading zeros) through, so echoed and re-redacted ids keep their number', () => {
    const map = new AccountIdMap();
    expect(map.redactText('arn:aws:iam::000000000007:role/r')).toBe('arn:aws:iam::000000000007:role/r');
    expect(map.redactNamedValue('accountId', '000000000000')).toBe('000000000000');
    expect(map.size).toBe(0);
    expect(isAccountPlaceholder('000000123456')).toBe(true);
    expect(isAccountPlaceholder('000001234567')).toBe(false);
    expect(map.placeholderFor('000001234567')).toBe('000000000001');
  });

  it('replaces the account field of ARNs in every partition, plain or percent-encoded', () => {
    const map = new AccountIdMap();
    expect(map.redactText(`arn:aws:iam::${A}:role/apigw`)).toBe('arn:aws:iam::000000000001:role/apigw');
    expect(map.redactText(`arn:aws-cn:lambda:cn-north-1:${B}:function:f`)).toBe('arn:aws-cn:lambda:cn-north-1:000000000002:function:f');
    expect(map.redactText(`arn:aws-us-gov:execute-api:us-gov-west-1:${A}:abc/*/GET/`)).toBe('arn:aws-us-gov:execute-api:us-gov-west-1:000000000001:abc/*/GET/');
    expect(map.redactText(`/tags/arn%3Aaws%3Aiam%3A%3A${B}%3Arole%2Fx`)).toBe('/tags/arn%3Aaws%3Aiam%3A%3A000000000002%3Arole%2Fx');
    expect(map.redactText(`arn%3aaws%3asqs%3aus-east-1%3a${A}%3aq`)).toBe('arn%3aaws%3asqs%3aus-east-1%3a000000000001%3aq');
  });

  it('finds the Lambda ARN nested in an API Gateway integration URI, and SQS integrations and URLs', () => {
    const map = new AccountIdMap();
    const uri = `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:${A}:function:f/invocations`;
    expect(map.redactText(uri)).toBe(uri.replace(A, '000000000001'));
    expect(map.redactText(`arn:aws:apigateway:us-east-1:sqs:path/${B}/orders`)).toBe('arn:aws:apigateway:us-east-1:sqs:path/000000000002/orders');
    expect(map.redactText(`https://sqs.eu-west-1.amazonaws.com/${A}/orders`)).toBe('https://sqs.eu-west-1.amazonaws.com/000000000001/orders');
  });

  it('numbers several ids in one text by position', () => {
    const map = new AccountIdMap();
    const text = `https://sqs.us-east-1.amazonaws.com/${B}/q then arn:aws:iam::${A}:role/r`;
    expect(map.redactText(text)).toBe('https://sqs.us-east-1.amazonaws.com/000000000001/q then arn:aws:iam::000000000002:role/r');
  });

  it('leaves 12-digit numbers alone outside an account position', () => {
    const map = new AccountIdMap();
    const untouched = [
      '123456789012', // a bare id-sized number: an epoch in ms, a size, a count
      `created ${A} ms`,
      `arn:aws:apigateway:us-east-1::/restapis/${A}`, // resource part, empty account
      `arn:aws:lambda:us-east-1:${A}0:function:f`, // 13 digits is not an account
      `arn:aws:lambda:us-east-1:${A}x:function:f`,
      `https://example.com/${A}/q`,
      `arn:aws:s3:::bucket-${A}/key`,
    ];
    for (const text of untouched) expect(map.redactText(text)).toBe(text);
    expect(map.size).toBe(0);
    // Only the account position changes in a versioned ARN whose version is 12 digits too.
    expect(map.redactText(`arn:aws:lambda:us-east-1:${A}:function:f:${B}`)).toBe(`arn:aws:lambda:us-east-1:000000000001:function:f:${B}`);
  });

  it('replaces whole 12-digit values under account-ish names only', () => {
    const map = new AccountIdMap();
    expect(map.redactNamedValue('accountId', A)).toBe('000000000001');
    expect(map.redactNamedValue('OwnerId', B)).toBe('000000000002');
    expect(map.redactNamedValue('x-amz-expected-bucket-owner', A)).toBe('000000000001');
    expect(map.redactNamedValue('id', A)).toBe(A);
    expect(map.redactNamedValue(undefined, A)).toBe(A);
    expect(map.redactNamedValue('accountId', `${A}5`)).toBe(`${A}5`);
    expect(map.redactNamedValue('accountId', ` ${A}`)).toBe(` ${A}`);
  });

  it('recognises account field names in any casing and separator style', () => {
    for (const name of [
      'accountId',
      'AccountId',
      'account_id',
      'ACCOUNT-ID',
      'awsAccountId',
      'SourceAccount',
      'Account',
      'ownerId',
      'OwnerIds',
      'accountNumber',
      'x-amz-expected-bucket-owner',
      'Principal',
    ]) {
      expect(isAccountFieldName(name), name).toBe(true);
    }
    for (const name of ['id', 'restApiId', 'accountIdentifier', 'createdDate', 'accounting', 'principalId', 'ownership']) {
      expect(isAccountFieldName(name), name).toBe(false);
    }
  });
});
