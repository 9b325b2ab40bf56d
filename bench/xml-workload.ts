/**
 * Realistic query (STS, SNS, IAM) and rest-xml (S3) mixes for `bench:contracts`, as the SDKs
 * send them: form bodies with `Action`/`Version`, XML answers with `{Operation}Result`, S3
 * path-style and virtual-hosted requests with their subresources; all valid, one declared
 * error each.
 */
import type { RecordedRequest, RecordedResponse } from '../core/exchange.js';

type Pair = { request: RecordedRequest; response: RecordedResponse };

const bytes = (text: string) => ({ kind: 'bytes' as const, bytes: Buffer.from(text) });
const signed = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;

function form(service: string, body: string): RecordedRequest {
  return {
    method: 'POST',
    path: '/',
    query: {},
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-amz-date': '20260101T000000Z', authorization: signed(service) },
    body: bytes(body),
  };
}

const xml = (body: string, status = 200): RecordedResponse => ({ status, headers: { 'content-type': 'text/xml' }, body: bytes(body) });
const meta = '<ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>';

export const QUERY_WORKLOAD: Pair[] = [
  {
    request: form('sts', 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdeploy&RoleSessionName=ci-run&DurationSeconds=3600'),
    response: xml(
      '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>&lt;redacted&gt;</AccessKeyId>' +
        '<SecretAccessKey>&lt;redacted&gt;</SecretAccessKey><SessionToken>&lt;redacted&gt;</SessionToken><Expiration>2026-01-01T01:00:00Z</Expiration></Credentials>' +
        '<AssumedRoleUser><AssumedRoleId>AROA3XFRBF535PLBIFPI4:ci-run</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/deploy/ci-run</Arn></AssumedRoleUser>' +
        `<PackedPolicySize>6</PackedPolicySize></AssumeRoleResult>${meta}</AssumeRoleResponse>`,
    ),
  },
  {
    request: form('sts', 'Action=GetCallerIdentity&Version=2011-06-15'),
    response: xml(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/ci</Arn>' +
        `<UserId>AIDACKCEVSQ6C2EXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult>${meta}</GetCallerIdentityResponse>`,
    ),
  },
  {
    request: form(
      'sns',
      'Action=Publish&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aorders&Message=order%2042%20shipped&MessageAttributes.entry.1.Name=kind&MessageAttributes.entry.1.Value.DataType=String&MessageAttributes.entry.1.Value.StringValue=shipping',
    ),
    response: xml(
      `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>${meta}</PublishResponse>`,
    ),
  },
  {
    request: form('sns', 'Action=ListTopics&Version=2010-03-31'),
    response: xml(
      '<ListTopicsResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ListTopicsResult><Topics><member><TopicArn>arn:aws:sns:us-east-1:123456789012:orders</TopicArn></member>' +
        `<member><TopicArn>arn:aws:sns:us-east-1:123456789012:alerts</TopicArn></member></Topics></ListTopicsResult>${meta}</ListTopicsResponse>`,
    ),
  },
  {
    request: form('iam', 'Action=GetRole&Version=2010-05-08&RoleName=deploy'),
    response: xml(
      '<GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role><Path>/</Path><RoleName>deploy</RoleName><RoleId>AROA3XFRBF535PLBIFPI4</RoleId>' +
        '<Arn>arn:aws:iam::123456789012:role/deploy</Arn><CreateDate>2024-05-06T07:08:09Z</CreateDate><MaxSessionDuration>3600</MaxSessionDuration>' +
        `<Tags><member><Key>team</Key><Value>core</Value></member></Tags></Role></GetRoleResult>${meta}</GetRoleResponse>`,
    ),
  },
  {
    request: form('iam', 'Action=TagRole&Version=2010-05-08&RoleName=deploy&Tags.member.1.Key=team&Tags.member.1.Value=core&Tags.member.2.Key=env&Tags.member.2.Value=ci'),
    response: xml(`<TagRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">${meta}</TagRoleResponse>`),
  },
  {
    request: form('iam', 'Action=GetRole&Version=2010-05-08&RoleName=nope'),
    response: xml(
      '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>' +
        '<Message>The role with name nope cannot be found.</Message></Error><RequestId>4a8a0b4e-0000-4000-8000-000000000000</RequestId></ErrorResponse>',
      404,
    ),
  },
];

function s3(method: string, path: string, query: Record<string, string[]> = {}, body?: string, host = 's3.us-east-1.amazonaws.com'): RecordedRequest {
  return {
    method,
    path,
    query,
    headers: {
      host,
      'x-amz-date': '20260101T000000Z',
      'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      authorization: signed('s3'),
      ...(body ? { 'content-type': 'application/xml' } : {}),
    },
    body: body === undefined ? { kind: 'empty' } : bytes(body),
  };
}

const s3Xml = (body: string, status = 200): RecordedResponse => ({ status, headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'TX1' }, body: bytes(body) });
const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
const contents = (key: string) =>
  `<Contents><Key>${key}</Key><LastModified>2024-05-06T07:08:09.000Z</LastModified><ETag>"a1"</ETag><Size>1024</Size><StorageClass>STANDARD</StorageClass></Contents>`;

export const REST_XML_WORKLOAD: Pair[] = [
  {
    request: s3('GET', '/photos', { 'list-type': ['2'], prefix: ['cats/'], 'max-keys': ['100'] }),
    response: s3Xml(
      `<ListBucketResult ${NS}><Name>photos</Name><Prefix>cats/</Prefix><KeyCount>3</KeyCount><MaxKeys>100</MaxKeys><IsTruncated>false</IsTruncated>${contents('cats/a.jpg')}${contents('cats/b.jpg')}${contents('cats/c.jpg')}</ListBucketResult>`,
    ),
  },
  {
    request: s3('GET', '/', { 'list-type': ['2'] }, undefined, 'photos.s3.us-east-1.amazonaws.com'),
    response: s3Xml(
      `<ListBucketResult ${NS}><Name>photos</Name><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${contents('a.jpg')}</ListBucketResult>`,
    ),
  },
  {
    request: s3(
      'PUT',
      '/photos',
      { tagging: [''] },
      `<Tagging ${NS}><TagSet><Tag><Key>team</Key><Value>core</Value></Tag><Tag><Key>env</Key><Value>ci</Value></Tag></TagSet></Tagging>`,
    ),
    response: { status: 200, headers: { 'x-amz-request-id': 'TX2' }, body: { kind: 'empty' } },
  },
  {
    request: s3('GET', '/photos', { tagging: [''] }),
    response: s3Xml(`<Tagging ${NS}><TagSet><Tag><Key>team</Key><Value>core</Value></Tag></TagSet></Tagging>`),
  },
  {
    request: s3('POST', '/photos', { delete: [''] }, `<Delete ${NS}><Object><Key>cats/a.jpg</Key></Object><Object><Key>cats/b.jpg</Key></Object><Quiet>true</Quiet></Delete>`),
    response: s3Xml(`<DeleteResult ${NS}><Deleted><Key>cats/a.jpg</Key></Deleted><Deleted><Key>cats/b.jpg</Key></Deleted></DeleteResult>`),
  },
  {
    request: s3('HEAD', '/photos/cats/a.jpg'),
    response: {
      status: 200,
      headers: { 'content-length': '1024', etag: '"a1"', 'last-modified': 'Mon, 06 May 2024 07:08:09 GMT', 'content-type': 'image/jpeg' },
      body: { kind: 'empty' },
    },
  },
  {
    request: s3('GET', '/photos/cats/missing.jpg', { 'x-id': ['GetObject'] }),
    response: s3Xml('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>cats/missing.jpg</Key><RequestId>TX3</RequestId></Error>', 404),
  },
];
