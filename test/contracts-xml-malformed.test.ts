/**
 * Malformed query and rest-xml exchanges, built by hand, each with the exact findings it must
 * produce (code, severity, side, JSON Pointer into the neutral value, message); every case
 * asserts the whole list, so a stray finding fails it too.
 */
import { describe, expect, it } from 'vitest';
import type { RecordedRequest, RecordedResponse } from '../core/exchange.js';
import type { Finding } from '../core/findings.js';
import { bundledContracts } from '../contracts/load.js';
import { Validator } from '../contracts/validator.js';

const validator = new Validator(bundledContracts());

function form(text: string): RecordedRequest {
  return {
    method: 'POST',
    path: '/',
    query: {},
    headers: { host: 'localhost:4566', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: { kind: 'bytes', bytes: Buffer.from(text) },
  };
}

function xml(status: number, text: string): RecordedResponse {
  return { status, headers: { 'content-type': 'text/xml' }, body: { kind: 'bytes', bytes: Buffer.from(text) } };
}

type Seen = Pick<Finding, 'code' | 'severity' | 'side' | 'path' | 'message'>;
const strip = (findings: Finding[]): Seen[] => findings.map(({ code, severity, side, path, message }) => ({ code, severity, side, path, message }));

const ASSUME_ROLE = form('Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdeploy&RoleSessionName=ci-run');

describe('malformed query exchanges', () => {
  it('a wrong enum in a form-encoded request: invalid-enum at the member', () => {
    expect(strip(validator.validate({ request: form('Action=ListPolicies&Version=2010-05-08&Scope=Everything') }))).toEqual([
      { code: 'invalid-enum', severity: 'error', side: 'request', path: '/body/Scope', message: '"Everything" is not one of "All", "AWS", "Local"' },
    ]);
  });

  it('a query list sent as member.0: invalid-list-index at the list, the item not read', () => {
    const request = form('Action=TagResource&Version=2010-03-31&ResourceArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aorders&Tags.member.0.Key=team&Tags.member.0.Value=core');
    expect(strip(validator.validate({ request }))).toEqual([
      {
        code: 'invalid-list-index',
        severity: 'error',
        side: 'request',
        path: '/body/Tags',
        message: 'form key Tags.member.0.Key: index "0" is not 1, 2, 3, … (query indices start at 1); the item is not read',
      },
    ]);
  });

  it('a gap in list indices, an unknown form key and another Version', () => {
    const request = form(
      'Action=TagResource&Version=2010-03-30&ResourceArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aorders&Tags.member.1.Key=a&Tags.member.1.Value=1&Tags.member.3.Key=c&Tags.member.3.Value=3&Colour=red',
    );
    expect(validator.router.route(request)?.operation).toBe('sns.TagResource');
    expect(strip(validator.validate({ request }, 'sns.TagResource'))).toEqual([
      { code: 'version-mismatch', severity: 'error', side: 'request', path: '/body', message: 'Version is "2010-03-30"; the model\'s apiVersion is 2010-03-31' },
      { code: 'list-index-gap', severity: 'error', side: 'request', path: '/body/Tags', message: 'Tags.member.N skips 2: indices must run 1, 2, 3, … without a gap' },
      { code: 'unknown-field', severity: 'warn', side: 'request', path: '/body/Colour', message: 'form key Colour: Colour is no member of TagResourceRequest' },
    ]);
  });

  it('an answer without a required XML element: missing-required at its pointer', () => {
    const response = xml(
      200,
      '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>ASIA0000000000000000</AccessKeyId>' +
        '<SessionToken>token</SessionToken><Expiration>2024-05-06T07:08:09Z</Expiration></Credentials>' +
        '<AssumedRoleUser><AssumedRoleId>AROA0000000000000:ci-run</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/deploy/ci-run</Arn></AssumedRoleUser>' +
        '</AssumeRoleResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></AssumeRoleResponse>',
    );
    expect(strip(validator.validate({ request: ASSUME_ROLE, response }))).toEqual([
      { code: 'missing-required', severity: 'error', side: 'response', path: '/body/Credentials/SecretAccessKey', message: 'required member "SecretAccessKey" is missing' },
    ]);
  });

  it('bad XML in an answer: invalid-xml at /body', () => {
    const findings = strip(
      validator.validate({ request: form('Action=GetCallerIdentity&Version=2011-06-15'), response: xml(200, '<GetCallerIdentityResponse><GetCallerIdentityResult>') }),
    );
    expect(findings.map(({ code, severity, path }) => ({ code, severity, path }))).toEqual([{ code: 'invalid-xml', severity: 'error', path: '/body' }]);
    expect(findings[0]!.message).toMatch(/^response body is not well-formed XML: /);
  });

  it('an error code the service does not declare: undeclared-error at /body/Code; a declared one at another status: error-status-mismatch', () => {
    const undeclared = xml(400, '<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchBucket</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>');
    expect(strip(validator.validate({ request: ASSUME_ROLE, response: undeclared }))).toEqual([
      {
        code: 'undeclared-error',
        severity: 'warn',
        side: 'response',
        path: '/body/Code',
        message:
          'error NoSuchBucket is not declared by sts.AssumeRole (declared: MalformedPolicyDocument, PackedPolicyTooLarge, RegionDisabledException, ExpiredTokenException) nor by any other operation of sts; the SDKs raise a generic service exception named NoSuchBucket, not a modeled one',
      },
    ]);
    const declared = xml(500, '<ErrorResponse><Error><Type>Sender</Type><Code>MalformedPolicyDocument</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>');
    expect(strip(validator.validate({ request: ASSUME_ROLE, response: declared }))).toEqual([
      { code: 'error-status-mismatch', severity: 'error', side: 'response', path: '/status', message: 'MalformedPolicyDocument comes with status 400, received 500' },
    ]);
  });

  it("a query error with a <Key> is an unknown member: S3's detail elements are rest-xml's envelope only", () => {
    const request = form('Action=GetUser&Version=2010-05-08&UserName=ghost');
    const response = xml(
      404,
      '<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>m</Message><Key>ghost</Key></Error><RequestId>r</RequestId></ErrorResponse>',
    );
    expect(strip(validator.validate({ request, response }, 'iam.GetUser'))).toEqual([
      { code: 'unknown-field', severity: 'info', side: 'response', path: '/body/Key', message: 'ErrorResponse/Error/Key is no member of NoSuchEntityException' },
    ]);
  });

  it('a GET query call (Action in the query string) is routed and checked the same way', () => {
    const request: RecordedRequest = {
      method: 'GET',
      path: '/',
      query: { Action: ['ListPolicies'], Version: ['2010-05-08'], Scope: ['Everything'] },
      headers: {},
      body: { kind: 'empty' },
    };
    expect(validator.router.route(request)?.operation).toBe('iam.ListPolicies');
    expect(strip(validator.validate({ request })).map((finding) => [finding.code, finding.path])).toEqual([['invalid-enum', '/body/Scope']]);
  });
});

/** What the SDK signs with: S3 is named by the request's SigV4 scope (its paths alone fit almost anything). */
const S3_SIGNED = {
  host: '127.0.0.1:9000',
  authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
};

describe('malformed rest-xml (S3) exchanges', () => {
  const tagging = (body: string): RecordedRequest => ({
    method: 'PUT',
    path: '/photos',
    query: { tagging: [''] },
    headers: { ...S3_SIGNED, 'content-type': 'application/xml' },
    body: { kind: 'bytes', bytes: Buffer.from(body) },
  });

  it('a missing required XML element in a request: missing-required at its pointer', () => {
    const request = tagging('<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key>team</Key></Tag></TagSet></Tagging>');
    expect(validator.router.route(request)).toEqual({ operation: 's3.PutBucketTagging', labels: { Bucket: 'photos' } });
    expect(strip(validator.validate({ request }))).toEqual([
      { code: 'missing-required', severity: 'error', side: 'request', path: '/body/TagSet/0/Value', message: 'required member "Value" is missing' },
    ]);
  });

  it('an element the shape does not have, a value of the wrong type', () => {
    const request: RecordedRequest = {
      ...tagging(''),
      method: 'PUT',
      query: { versioning: [''] },
      body: { kind: 'bytes', bytes: Buffer.from('<VersioningConfiguration><Status>Enabled</Status><Colour>red</Colour></VersioningConfiguration>') },
    };
    expect(validator.router.route(request)?.operation).toBe('s3.PutBucketVersioning');
    expect(strip(validator.validate({ request }))).toEqual([
      { code: 'unknown-field', severity: 'warn', side: 'request', path: '/body/Colour', message: 'VersioningConfiguration/Colour is no member of VersioningConfiguration' },
    ]);
    const listed = xml(200, '<ListBucketResult><Name>photos</Name><KeyCount>many</KeyCount></ListBucketResult>');
    const list: RecordedRequest = { method: 'GET', path: '/photos', query: { 'list-type': ['2'] }, headers: S3_SIGNED, body: { kind: 'empty' } };
    expect(strip(validator.validate({ request: list, response: listed }))).toEqual([
      { code: 'invalid-type', severity: 'error', side: 'response', path: '/body/KeyCount', message: 'ListBucketResult/KeyCount is "many": expected an integer (integer)' },
    ]);
  });

  it('an S3 error without a Code: missing-error-type', () => {
    const list: RecordedRequest = { method: 'GET', path: '/photos', query: { 'list-type': ['2'] }, headers: S3_SIGNED, body: { kind: 'empty' } };
    expect(strip(validator.validate({ request: list, response: xml(404, '<Error><Message>gone</Message></Error>') }))).toEqual([
      { code: 'missing-error-type', severity: 'error', side: 'response', path: '/body/Code', message: 'Error has no Code' },
    ]);
  });

  // S3's detail elements (contracts/wire/s3-error-details.ts) are its error envelope, not members of the error shape.
  const getObject: RecordedRequest = { method: 'GET', path: '/photos/cats/missing.jpg', query: { 'x-id': ['GetObject'] }, headers: S3_SIGNED, body: { kind: 'empty' } };
  const s3Error = (status: number, code: string, details: string): RecordedResponse =>
    xml(status, `<Error><Code>${code}</Code><Message>m</Message>${details}<RequestId>R1</RequestId><HostId>H1</HostId></Error>`);

  it('a NoSuchKey with the <Key> and <Resource> real S3 sends: no finding', () => {
    const response = s3Error(404, 'NoSuchKey', '<Key>cats/missing.jpg</Key><Resource>/photos/cats/missing.jpg</Resource>');
    expect(strip(validator.validate({ request: getObject, response }, 's3.GetObject'))).toEqual([]);
  });

  it('a SignatureDoesNotMatch with its detail elements: only the common-error info, no unknown-field', () => {
    const response = s3Error(
      403,
      'SignatureDoesNotMatch',
      '<AWSAccessKeyId>AKIDEXAMPLE</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\n20260101T000000Z</StringToSign><SignatureProvided>00</SignatureProvided>' +
        '<StringToSignBytes>41 57</StringToSignBytes><CanonicalRequest>GET\n/</CanonicalRequest><CanonicalRequestBytes>47 45</CanonicalRequestBytes>',
    );
    expect(strip(validator.validate({ request: getObject, response }, 's3.GetObject')).map(({ code, severity }) => [code, severity])).toEqual([['undeclared-error', 'info']]);
  });

  it('a PreconditionFailed with <Condition>: only the undeclared-error the model earns, no unknown-field', () => {
    const response = s3Error(412, 'PreconditionFailed', '<Condition>If-Match</Condition>');
    expect(strip(validator.validate({ request: getObject, response }, 's3.GetObject')).map(({ code, severity }) => [code, severity])).toEqual([['undeclared-error', 'warn']]);
  });

  it("an element outside S3's detail list in an S3 error is still an unknown member of the error shape", () => {
    const response = s3Error(404, 'NoSuchKey', '<Key>cats/missing.jpg</Key><Colour>red</Colour>');
    expect(strip(validator.validate({ request: getObject, response }, 's3.GetObject'))).toEqual([
      { code: 'unknown-field', severity: 'info', side: 'response', path: '/body/Colour', message: 'Error/Colour is no member of NoSuchKey' },
    ]);
  });

  it('an unsigned path names no S3 operation unless its Host carries a bucket; a recorded exchange keeps its operation and labels', () => {
    const unsigned: RecordedRequest = { method: 'GET', path: '/photos', query: { 'list-type': ['2'] }, headers: {}, body: { kind: 'empty' } };
    expect(validator.router.route(unsigned)).toBe(null);
    expect(validator.router.route({ ...unsigned, path: '/', headers: { host: 'photos.localhost:9000' } })).toEqual({ operation: 's3.ListObjectsV2', labels: { Bucket: 'photos' } });
    expect(validator.validate({ request: unsigned }, 's3.ListObjectsV2')).toEqual([]);
  });

  it('the bucket in the Host (virtual-hosted) routes like the bucket in the path', () => {
    const request: RecordedRequest = { method: 'GET', path: '/', query: { 'list-type': ['2'] }, headers: { host: 'photos.s3.us-east-1.amazonaws.com' }, body: { kind: 'empty' } };
    expect(validator.router.route(request)).toEqual({ operation: 's3.ListObjectsV2', labels: { Bucket: 'photos' } });
    expect(validator.router.route({ ...request, headers: { host: 's3.us-east-1.amazonaws.com' }, query: {} })?.operation).toBe('s3.ListBuckets');
  });
});
