/**
 * `tapegate drift` sees how members travel, not only what they are: real botocore models
 * (../shared/models beside the project) copied into a temp folder with one real wire change
 * each (an S3 element name, a flattened list, a header, a timestamp format, an STS form key,
 * SQS's protocol, an IAM error code, API Gateway's query and header names), compared through
 * the built CLI as a user runs it. Each change is one breaking finding at the member's pointer,
 * naming the old and the new wire form; an unchanged copy yields none.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHeader } from '../cassettes/format/format.js';
import { writeCassette } from '../cassettes/format/store.js';
import { runCli } from './support/cli.js';
import { bundledModelFile, editedModelFile } from './support/edited-botocore-model.js';

type Model = { metadata: Record<string, unknown>; operations: Record<string, Record<string, Record<string, unknown>>>; shapes: Record<string, Shape> };
type Shape = { members: Record<string, Record<string, unknown>>; member: Record<string, unknown>; error: Record<string, unknown>; [trait: string]: unknown };

interface Change {
  operation: string;
  side: string;
  pointer: string;
  before: unknown;
  after: unknown;
  severity: string;
  code: string;
  message: string;
  errorType?: string;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tapegate-drift-wire-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const modelFile = bundledModelFile;

/** The 1.43.67 model of `service`, edited, in a folder of its own laid out as botocore's; returns its service folder. */
function changed(service: string, edit: (model: Model) => void, folder = 'changed'): string {
  editedModelFile(join(dir, folder), service, edit);
  return join(dir, folder, service);
}

/** The unedited model's service folder. */
const original = (service: string) => dirname(dirname(modelFile(service)));

function drift(from: string, to: string, ...flags: string[]): { status: number | null; changes: Change[]; stderr: string } {
  const result = runCli(['drift', '--from', from, '--to', to, '--format', 'json', ...flags]);
  const parsed = result.stdout === '' ? { changes: [] } : (JSON.parse(result.stdout) as { changes: Change[] });
  return { status: result.status, changes: parsed.changes, stderr: result.stderr };
}

/** Everything but the sentence, which a few tests check on their own. */
const facts = (changes: Change[]) => changes.map(({ message: _message, ...rest }) => rest);

describe('tapegate drift: wire changes between two models', () => {
  it('finds nothing between a model and an unchanged copy (S3, STS, SQS, API Gateway)', () => {
    for (const service of ['s3', 'sts', 'sqs', 'apigateway']) changed(service, () => undefined, 'copy');
    const data = join(dir, 'data');
    for (const service of ['s3', 'sts', 'sqs', 'apigateway']) {
      const file = modelFile(service);
      const target = join(data, service, basename(dirname(file)));
      mkdirSync(target, { recursive: true });
      copyFileSync(file, join(target, 'service-2.json'));
    }
    const result = runCli(['drift', '--from', data, '--to', join(dir, 'copy')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').at(-2)).toMatch(/^No drift in \d+ operations\.$/);
  });

  it('S3: an element renamed (Object.Key travels as <ObjectKey>) breaks both listings', () => {
    const result = drift(
      original('s3'),
      changed('s3', (m) => {
        m.shapes.Object!.members.Key!.locationName = 'ObjectKey';
      }),
    );
    expect(result.status).toBe(1);
    const change = { side: 'response', pointer: '/body/Contents/*/Key', before: 'Key', after: 'ObjectKey', severity: 'breaking', code: 'wire-name-changed' };
    expect(facts(result.changes)).toEqual([
      { operation: 's3.ListObjects', ...change },
      { operation: 's3.ListObjectsV2', ...change },
    ]);
    expect(result.changes[0]!.message).toBe('Response member "Contents[*].Key" now comes as <ObjectKey> instead of <Key>: clients built for the old model will not find it.');
  });

  it('S3: a list that becomes flattened (ListBuckets’ Buckets)', () => {
    const result = drift(
      original('s3'),
      changed('s3', (m) => {
        m.shapes.Buckets!.flattened = true;
      }),
    );
    const change = { side: 'response', pointer: '/body/Buckets', before: false, after: true, severity: 'breaking', code: 'flattened-changed' };
    expect(facts(result.changes)).toEqual([
      { operation: 's3.ListBuckets', ...change },
      { operation: 's3.ListDirectoryBuckets', ...change },
    ]);
    expect(result.changes[0]!.message).toBe(
      'Response member "Buckets" is now flattened: it travels as <Bucket>…</Bucket> repeated instead of <Buckets><Bucket>…</Bucket></Buckets>: clients built for the old model will not find it.',
    );
  });

  it('S3: a header renamed is one change, not a header removed and another added', () => {
    const result = drift(
      original('s3'),
      changed('s3', (m) => {
        m.shapes.GetObjectOutput!.members.ETag!.locationName = 'x-amz-etag';
      }),
    );
    expect(facts(result.changes)).toEqual([
      { operation: 's3.GetObject', side: 'response', pointer: '/headers/etag', before: 'ETag', after: 'x-amz-etag', severity: 'breaking', code: 'wire-name-changed' },
    ]);
    expect(result.changes[0]!.message).toBe('Response member "ETag" now comes as header "x-amz-etag" instead of header "ETag": clients built for the old model will not find it.');
  });

  it('S3: a timestamp format, in the XML body and in a header (the header schema’s own format change is the same fact)', () => {
    const result = drift(
      original('s3'),
      changed('s3', (m) => {
        m.shapes.Object!.members.LastModified!.timestampFormat = 'unixTimestamp';
        m.shapes.HeadObjectOutput!.members.LastModified!.timestampFormat = 'iso8601';
      }),
    );
    const body = { side: 'response', pointer: '/body/Contents/*/LastModified', before: 'iso8601', after: 'unixTimestamp', severity: 'breaking', code: 'timestamp-format-changed' };
    expect(facts(result.changes)).toEqual([
      {
        operation: 's3.HeadObject',
        side: 'response',
        pointer: '/headers/last-modified',
        before: 'rfc822',
        after: 'iso8601',
        severity: 'breaking',
        code: 'timestamp-format-changed',
      },
      { operation: 's3.ListObjects', ...body },
      { operation: 's3.ListObjectsV2', ...body },
    ]);
    expect(result.changes[0]!.message).toBe(
      'Response member "LastModified" now comes as ISO 8601 (2024-05-06T07:08:09Z) instead of an HTTP date (Mon, 06 May 2024 07:08:09 GMT): clients built for the old model fail to parse it.',
    );
  });

  it('S3: a request header moved to the query string, and an XML attribute that became an element', () => {
    const result = drift(
      original('s3'),
      changed('s3', (m) => {
        Object.assign(m.shapes.GetObjectRequest!.members.IfMatch!, { location: 'querystring', locationName: 'if-match' });
        delete m.shapes.Grantee!.members.Type!.xmlAttribute;
      }),
    );
    const moved = result.changes.filter((change) => change.code === 'location-changed');
    expect(facts(moved)).toEqual([
      { operation: 's3.GetObject', side: 'request', pointer: '/headers/if-match', before: 'header', after: 'querystring', severity: 'breaking', code: 'location-changed' },
    ]);
    expect(moved[0]!.message).toBe(
      'Request member "IfMatch" moved from header "If-Match" to query parameter "if-match": AWS no longer reads it from clients built for the old model.',
    );
    const attribute = result.changes.filter((change) => change.code === 'xml-attribute-changed');
    expect(attribute.map((change) => `${change.operation} ${change.side} ${change.pointer}`)).toEqual([
      's3.GetBucketAcl response /body/Grants/*/Grantee/Type',
      's3.GetBucketLogging response /body/LoggingEnabled/TargetGrants/*/Grantee/Type',
      's3.GetObjectAcl response /body/Grants/*/Grantee/Type',
      's3.PutBucketAcl request /body/Grants/*/Grantee/Type',
      's3.PutBucketLogging request /body/LoggingEnabled/TargetGrants/*/Grantee/Type',
      's3.PutObjectAcl request /body/Grants/*/Grantee/Type',
      's3.RestoreObject request /body/OutputLocation/S3/AccessControlList/*/Grantee/Type',
    ]);
    expect(result.changes).toHaveLength(moved.length + attribute.length);
  });

  it('STS: a query member sent under another form key', () => {
    const result = drift(
      original('sts'),
      changed('sts', (m) => {
        m.shapes.AssumeRoleRequest!.members.RoleSessionName!.locationName = 'SessionName';
      }),
    );
    expect(facts(result.changes)).toEqual([
      {
        operation: 'sts.AssumeRole',
        side: 'request',
        pointer: '/body/RoleSessionName',
        before: 'RoleSessionName',
        after: 'SessionName',
        severity: 'breaking',
        code: 'wire-name-changed',
      },
    ]);
    expect(result.changes[0]!.message).toBe(
      'Request member "RoleSessionName" is now sent as form key SessionName instead of form key RoleSessionName: AWS no longer reads it from clients built for the old model.',
    );
  });

  it('SQS: the protocol (json 1.0 → query) is breaking for every operation', () => {
    const model = JSON.parse(readFileSync(modelFile('sqs'), 'utf8')) as Model;
    const result = drift(
      original('sqs'),
      changed('sqs', (m) => {
        Object.assign(m.metadata, { protocol: 'query', protocols: ['query'] });
      }),
    );
    const protocol = result.changes.filter((change) => change.code === 'protocol-changed');
    expect(facts(protocol)).toEqual(
      Object.keys(model.operations)
        .sort((a, b) => a.localeCompare(b))
        .map((name) => ({ operation: `sqs.${name}`, side: 'request', pointer: '', before: 'json 1.0', after: 'query', severity: 'breaking', code: 'protocol-changed' })),
    );
    // Nothing below the protocol is compared as if the two spoke alike.
    expect(result.changes.filter((change) => change.code.endsWith('-changed') && change.code !== 'protocol-changed')).toEqual([]);
  });

  it('SQS: the X-Amz-Target prefix, and awsQueryCompatible switched off', () => {
    const result = drift(
      original('sqs'),
      changed('sqs', (m) => {
        m.metadata.targetPrefix = 'AmazonSQSv2';
        delete m.metadata.awsQueryCompatible;
      }),
    );
    const send = result.changes.filter((change) => change.operation === 'sqs.SendMessage');
    expect(facts(send)).toEqual([
      {
        operation: 'sqs.SendMessage',
        side: 'request',
        pointer: '/headers/x-amz-target',
        before: 'AmazonSQS.SendMessage',
        after: 'AmazonSQSv2.SendMessage',
        severity: 'breaking',
        code: 'target-prefix-changed',
      },
      { operation: 'sqs.SendMessage', side: 'error', pointer: '/headers/x-amzn-query-error', before: true, after: false, severity: 'breaking', code: 'query-compatible-changed' },
    ]);
    // The per-error header rows are the same fact as the service's flag.
    expect(result.changes.filter((change) => change.pointer === '/headers/x-amzn-query-error' && change.code !== 'query-compatible-changed')).toEqual([]);
  });

  it('IAM: an error sent with another code is one breaking change per operation, not an error removed and another added', () => {
    const model = JSON.parse(readFileSync(modelFile('iam'), 'utf8')) as Model;
    const declaring = Object.values(model.operations).filter((operation) =>
      (operation.errors as unknown as { shape: string }[] | undefined)?.some((error) => error.shape === 'NoSuchEntityException'),
    );
    const result = drift(
      original('iam'),
      changed('iam', (m) => {
        m.shapes.NoSuchEntityException!.error.code = 'NoSuchEntityFound';
      }),
    );
    expect(new Set(result.changes.map((change) => change.code))).toEqual(new Set(['error-code-changed']));
    expect(result.changes).toHaveLength(declaring.length);
    expect(facts(result.changes.filter((change) => change.operation === 'iam.GetRole'))).toEqual([
      {
        operation: 'iam.GetRole',
        side: 'error',
        pointer: '/body/Code',
        before: 'NoSuchEntity',
        after: 'NoSuchEntityFound',
        severity: 'breaking',
        code: 'error-code-changed',
        errorType: 'NoSuchEntityFound',
      },
    ]);
  });

  it('API Gateway (rest-json): a query parameter and a response header renamed', () => {
    const result = drift(
      original('apigateway'),
      changed('apigateway', (m) => {
        m.shapes.GetApiKeysRequest!.members.nameQuery!.locationName = 'nameQuery';
        m.shapes.ExportResponse!.members.contentDisposition!.locationName = 'X-Content-Disposition';
      }),
    );
    expect(facts(result.changes)).toEqual([
      { operation: 'apigateway.GetApiKeys', side: 'request', pointer: '/query/name', before: 'name', after: 'nameQuery', severity: 'breaking', code: 'wire-name-changed' },
      {
        operation: 'apigateway.GetExport',
        side: 'response',
        pointer: '/headers/content-disposition',
        before: 'content-disposition',
        after: 'x-content-disposition',
        severity: 'breaking',
        code: 'wire-name-changed',
      },
    ]);
  });
});

describe('tapegate drift: wire changes in every report format and --fail-on', () => {
  it('text, Markdown and JUnit name the change; --fail-on never exits 0', () => {
    const to = changed('s3', (m) => {
      m.shapes.GetObjectOutput!.members.ETag!.locationName = 'x-amz-etag';
    });
    const text = runCli(['drift', '--from', original('s3'), '--to', to]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('s3.GetObject\n  BREAKING  response /headers/etag  [wire-name-changed]\n');
    expect(text.stdout).toContain('              ETag → x-amz-etag\n');
    expect(text.stdout.split('\n').at(-2)).toBe('1 breaking, 0 warn, 0 info in 1 of 116 operations.');

    const markdown = runCli(['drift', '--from', original('s3'), '--to', to, '--format', 'markdown']);
    expect(markdown.stdout).toContain(
      '| **breaking** | `s3.GetObject` | `response /headers/etag` | ETag → x-amz-etag | Response member "ETag" now comes as header "x-amz-etag" instead of header "ETag": clients built for the old model will not find it. |',
    );

    const junit = runCli(['drift', '--from', original('s3'), '--to', to, '--format', 'junit']);
    expect(junit.stdout).toMatch(/<testsuite name="s3.GetObject" tests="1" failures="1"/);
    expect(junit.stdout).toContain(
      '<failure type="wire-name-changed" message="Response member &quot;ETag&quot; now comes as header &quot;x-amz-etag&quot; instead of header &quot;ETag&quot;: clients built for the old model will not find it."',
    );

    expect(runCli(['drift', '--from', original('s3'), '--to', to, '--fail-on', 'never']).status).toBe(0);
  });

  it('an XML namespace changed in a request is a warning: --fail-on warn fails on it, the default does not', () => {
    const to = changed('s3', (m) => {
      m.shapes.CreateBucketRequest!.members.CreateBucketConfiguration!.xmlNamespace = { uri: 'http://s3.amazonaws.com/doc/2026-01-01/' };
    });
    const result = drift(original('s3'), to);
    expect(result.status).toBe(0);
    expect(facts(result.changes)).toEqual([
      {
        operation: 's3.CreateBucket',
        side: 'request',
        pointer: '/body',
        before: { uri: 'http://s3.amazonaws.com/doc/2006-03-01/' },
        after: { uri: 'http://s3.amazonaws.com/doc/2026-01-01/' },
        severity: 'warn',
        code: 'xml-namespace-changed',
      },
    ]);
    expect(drift(original('s3'), to, '--fail-on', 'warn').status).toBe(1);
  });
});

describe('tapegate drift: a recording against contracts whose wire name changed', () => {
  it('an element recorded under the old name is a breaking wire-name-changed that names both names', async () => {
    const cassette = join(dir, 's3.cassette');
    const body = (text: string) => ({ kind: 'bytes' as const, bytes: Buffer.from(text) });
    const listed = body(
      '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>photos</Name>' +
        '<Contents><Key>a.jpg</Key><Size>3</Size></Contents><Contents><Key>b.jpg</Key><Size>4</Size></Contents>' +
        '<KeyCount>2</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>',
    );
    await writeCassette(cassette, createHeader({ toolVersion: '0.1.0', services: [] }), [
      {
        seq: 0,
        operation: 's3.ListObjectsV2',
        service: 's3',
        request: { method: 'GET', path: '/photos', query: { 'list-type': ['2'] }, headers: {}, body: { kind: 'empty' } },
        response: { status: 200, headers: { 'content-type': 'application/xml' }, body: listed },
        timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 3 },
      },
    ]);
    // Against the model as it is: the recording fits.
    expect(drift(cassette, original('s3')).changes).toEqual([]);
    const result = drift(
      cassette,
      changed('s3', (m) => {
        m.shapes.Object!.members.Key!.locationName = 'ObjectKey';
      }),
    );
    expect(result.status).toBe(1);
    expect(result.changes).toEqual([
      {
        operation: 's3.ListObjectsV2',
        side: 'response',
        pointer: '/body/Contents/*/Key',
        before: null,
        after: null,
        severity: 'breaking',
        code: 'wire-name-changed',
        message:
          'Recorded responses carry member Key as <Key>, where the contracts put it as <ObjectKey> (ListBucketResult/Contents/Key is no member of Object): the wire name changed; clients built on the contracts will not find it.',
        // Both items show it; the exchange counts once.
        exchanges: [{ cassette: 's3.cassette', seq: 0 }],
        count: 1,
      },
    ]);
  });

  it('a form key sent under the old name: one wire-name-changed, not also a required member missing', async () => {
    const cassette = join(dir, 'sts.cassette');
    const body = (text: string) => ({ kind: 'bytes' as const, bytes: Buffer.from(text) });
    await writeCassette(cassette, createHeader({ toolVersion: '0.1.0', services: [] }), [
      {
        seq: 0,
        operation: 'sts.AssumeRole',
        service: 'sts',
        request: {
          method: 'POST',
          path: '/',
          query: {},
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: body('Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fci&RoleSessionName=ci'),
        },
        response: {
          status: 200,
          headers: { 'content-type': 'text/xml' },
          body: body(
            '<AssumeRoleResponse><AssumeRoleResult><AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/ci/ci</Arn><AssumedRoleId>AROAEXAMPLE:ci</AssumedRoleId></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>',
          ),
        },
        timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 3 },
      },
    ]);
    expect(drift(cassette, original('sts')).changes).toEqual([]);
    const result = drift(
      cassette,
      changed('sts', (m) => {
        m.shapes.AssumeRoleRequest!.members.RoleSessionName!.locationName = 'SessionName';
      }),
    );
    expect(result.changes.map(({ side, pointer, code, severity, message }) => ({ side, pointer, code, severity, message }))).toEqual([
      {
        side: 'request',
        pointer: '/body/RoleSessionName',
        code: 'wire-name-changed',
        severity: 'breaking',
        message:
          'Recorded requests send member RoleSessionName as form key part RoleSessionName, where the contracts put it as form key part SessionName (form key RoleSessionName: RoleSessionName is no member of AssumeRoleRequest): the wire name changed; a server that follows the contracts does not read it from clients that still send the old name.',
      },
    ]);
  });
});
