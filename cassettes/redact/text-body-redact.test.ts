import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../core/exchange.js';
import type { SensitiveParts } from '../../core/sensitive.js';
import { redactExchange } from './redact.js';
import { assertNoSecrets } from './secret-scan.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
const KEY_ID = 'ASIAIOSFODNN7EXAMPLE';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLETOKENEXAMPLETOKENEXAMPLETOKEN';

const ASSUME_ROLE: SensitiveParts = {
  request: [],
  response: [
    { pointer: '/body/Credentials/SecretAccessKey', type: 'string', xml: '*/*/Credentials/SecretAccessKey' },
    { pointer: '/body/Credentials/SessionToken', type: 'string', xml: '*/*/Credentials/SessionToken' },
    { pointer: '/body/Credentials/AccessKeyId', type: 'string', xml: '*/*/Credentials/AccessKeyId' },
  ],
  errors: [],
};
const CREATE_LOGIN: SensitiveParts = {
  request: [
    { pointer: '/body/Password', type: 'string', form: 'Password' },
    { pointer: '/body/Tags/*/Value', type: 'string', form: 'Tags.member.*.Value' },
  ],
  response: [],
  errors: [],
};

function exchange(operation: string, request: string, response: string): Exchange {
  return {
    seq: 0,
    operation,
    request: { method: 'POST', path: '/', query: {}, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: { kind: 'bytes', bytes: Buffer.from(request) } },
    response: { status: 200, headers: { 'content-type': 'text/xml' }, body: { kind: 'bytes', bytes: Buffer.from(response) } },
    timing: { startedAt: '2024-05-06T07:08:09.000Z', durationMs: 1 },
  };
}

const text = (body: Exchange['request']['body']): string => (body.kind === 'bytes' ? Buffer.from(body.bytes).toString('utf8') : '');

describe('sensitive members in form and XML bodies', () => {
  it("an STS answer's credentials are replaced in the stored XML, everything else kept, and the scanner passes", () => {
    const answer =
      '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <AssumeRoleResult>\n    <Credentials>\n' +
      `      <AccessKeyId>${KEY_ID}</AccessKeyId>\n      <SecretAccessKey>${SECRET}</SecretAccessKey>\n      <SessionToken>${TOKEN}</SessionToken>\n` +
      '      <Expiration>2024-05-06T08:08:09Z</Expiration>\n    </Credentials>\n  </AssumeRoleResult>\n  <ResponseMetadata><RequestId>r &amp; 1</RequestId></ResponseMetadata>\n</AssumeRoleResponse>\n';
    const redacted = redactExchange(exchange('sts.AssumeRole', 'Action=AssumeRole&Version=2011-06-15', answer), { sensitive: () => ASSUME_ROLE });
    expect(text(redacted.response.body)).toBe(
      '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <AssumeRoleResult>\n    <Credentials>\n' +
        '      <AccessKeyId>&lt;redacted&gt;</AccessKeyId>\n      <SecretAccessKey>&lt;redacted&gt;</SecretAccessKey>\n      <SessionToken>&lt;redacted&gt;</SessionToken>\n' +
        '      <Expiration>2024-05-06T08:08:09Z</Expiration>\n    </Credentials>\n  </AssumeRoleResult>\n  <ResponseMetadata><RequestId>r &amp; 1</RequestId></ResponseMetadata>\n</AssumeRoleResponse>',
    );
    expect(() => assertNoSecrets(redacted, 'sts.AssumeRole')).not.toThrow();
  });

  it('a form keeps its other pairs as sent; list items under a wildcard place are replaced too', () => {
    const form = 'Action=CreateLoginProfile&UserName=ana&Password=hunter2%21&Tags.member.1.Key=k&Tags.member.1.Value=v1&Tags.member.2.Key=k2&Tags.member.2.Value=v2';
    const redacted = redactExchange(exchange('iam.CreateLoginProfile', form, '<CreateLoginProfileResponse/>'), { sensitive: () => CREATE_LOGIN });
    expect(text(redacted.request.body)).toBe(
      'Action=CreateLoginProfile&UserName=ana&Password=%3Credacted%3E&Tags.member.1.Key=k&Tags.member.1.Value=%3Credacted%3E&Tags.member.2.Key=k2&Tags.member.2.Value=%3Credacted%3E',
    );
  });

  it('an element no credential name gives away is found by its contract place alone (IAM ServicePassword)', () => {
    const parts: SensitiveParts = {
      request: [],
      response: [{ pointer: '/body/ServiceSpecificCredential/ServicePassword', type: 'string', xml: '*/*/ServiceSpecificCredential/ServicePassword' }],
      errors: [],
    };
    const answer =
      '<CreateServiceSpecificCredentialResponse><CreateServiceSpecificCredentialResult><ServiceSpecificCredential>' +
      '<ServiceName>codecommit.amazonaws.com</ServiceName><ServicePassword>s3cr3t+Pa55/word</ServicePassword></ServiceSpecificCredential>' +
      '</CreateServiceSpecificCredentialResult></CreateServiceSpecificCredentialResponse>';
    const redacted = redactExchange(exchange('iam.CreateServiceSpecificCredential', 'Action=CreateServiceSpecificCredential', answer), { sensitive: () => parts });
    expect(text(redacted.response.body)).toBe(answer.replace('s3cr3t+Pa55/word', '&lt;redacted&gt;'));
  });

  it('an XML body that does not parse, where the contract says a secret travels, is refused', () => {
    expect(() => redactExchange(exchange('sts.AssumeRole', 'Action=AssumeRole', '<AssumeRoleResponse><Credentials>'), { sensitive: () => ASSUME_ROLE })).toThrow(
      /cannot read as JSON|not written/,
    );
  });
});
