/**
 * S3 as the fake serves it (rest-xml, path-style `/bucket/key`, or virtual-hosted `/key` with the
 * bucket in a `bucket.localhost:PORT` Host): CreateBucket, PutObject,
 * GetObject, HeadObject, ListObjectsV2 and DeleteObject, with S3's own answers (an empty 200
 * with an `ETag` for a put, 204 for a delete, `NoSuchKey`/`NoSuchBucket` XML naming what is
 * missing). A `Content-MD5` the client sends is checked, as S3 does (`BadDigest`).
 */
import { createHash } from 'node:crypto';
import { FakeAwsError, header, xmlAnswer, xmlElements, type FakeAnswer, type FakeRequest } from './wire.js';

interface S3Object {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
}

export type S3Buckets = Map<string, Map<string, S3Object>>;

const NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

function bucketOf(buckets: S3Buckets, name: string): Map<string, S3Object> {
  const bucket = buckets.get(name);
  if (bucket === undefined) throw new FakeAwsError('NoSuchBucket', 404, 'The specified bucket does not exist', { BucketName: name });
  return bucket;
}

function objectOf(bucket: Map<string, S3Object>, key: string): S3Object {
  const object = bucket.get(key);
  if (object === undefined) throw new FakeAwsError('NoSuchKey', 404, 'The specified key does not exist.', { Key: key });
  return object;
}

const empty = (status: number, headers: Record<string, string>): FakeAnswer => ({ status, headers: { 'content-length': '0', ...headers }, body: Buffer.alloc(0) });

function objectHeaders(object: S3Object): Record<string, string> {
  return {
    'content-type': object.contentType,
    'content-length': String(object.body.length),
    etag: object.etag,
    'last-modified': object.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
  };
}

function putObject(request: FakeRequest, bucket: Map<string, S3Object>, key: string): FakeAnswer {
  const md5 = createHash('md5').update(request.body);
  const sentMd5 = header(request, 'content-md5');
  if (sentMd5 !== undefined && sentMd5 !== md5.copy().digest('base64')) {
    throw new FakeAwsError('BadDigest', 400, 'The Content-MD5 you specified did not match what we received.');
  }
  const etag = `"${md5.digest('hex')}"`;
  bucket.set(key, { body: request.body, contentType: header(request, 'content-type') ?? 'binary/octet-stream', etag, lastModified: new Date() });
  return empty(200, { etag });
}

function listObjectsV2(request: FakeRequest, name: string, bucket: Map<string, S3Object>): FakeAnswer {
  const prefix = request.query.get('prefix') ?? '';
  const urlEncoded = request.query.get('encoding-type') === 'url';
  const encode = (text: string) => (urlEncoded ? encodeURIComponent(text) : text);
  const keys = [...bucket.keys()].filter((key) => key.startsWith(prefix)).sort();
  const contents = keys.map((key) => {
    const object = bucket.get(key) as S3Object;
    return { Key: encode(key), LastModified: object.lastModified.toISOString(), ETag: object.etag, Size: object.body.length, StorageClass: 'STANDARD' };
  });
  const result = {
    Name: name,
    Prefix: encode(prefix),
    KeyCount: keys.length,
    MaxKeys: 1000,
    ...(urlEncoded ? { EncodingType: 'url' } : {}),
    IsTruncated: false,
    Contents: contents,
  };
  return xmlAnswer(200, `<ListBucketResult xmlns="${NAMESPACE}">${xmlElements(result)}</ListBucketResult>`, { 'content-type': 'application/xml' });
}

/**
 * The bucket and key a request addresses. Read here on its own, not with tapegate's
 * s3-address.ts: the fake is what the proxy's forwarding is checked against.
 */
function addressOf(request: FakeRequest): { name: string; key: string } {
  const decode = (segments: string[]): string => segments.map((segment) => decodeURIComponent(segment)).join('/');
  const hosted = /^([a-z0-9.-]+)\.localhost(?::\d+)?$/.exec(header(request, 'host') ?? '');
  if (hosted !== null) return { name: hosted[1] as string, key: decode(request.path.split('/').slice(1)) };
  const [, rawBucket = '', ...rawKey] = request.path.split('/');
  return { name: decodeURIComponent(rawBucket), key: decode(rawKey) };
}

export function s3Service(buckets: S3Buckets) {
  return (request: FakeRequest): FakeAnswer | null => {
    const { name, key } = addressOf(request);
    if (name === '') return null;
    if (key === '') {
      if (request.method === 'PUT') {
        if (buckets.has(name))
          throw new FakeAwsError('BucketAlreadyOwnedByYou', 409, 'Your previous request to create the named bucket succeeded and you already own it.', { BucketName: name });
        buckets.set(name, new Map());
        return empty(200, { location: `/${name}` });
      }
      if (request.method === 'GET' && request.query.get('list-type') === '2') return listObjectsV2(request, name, bucketOf(buckets, name));
      return null;
    }
    const bucket = bucketOf(buckets, name);
    switch (request.method) {
      case 'PUT':
        return putObject(request, bucket, key);
      case 'GET': {
        const object = objectOf(bucket, key);
        return { status: 200, headers: objectHeaders(object), body: object.body };
      }
      case 'HEAD':
        return { status: 200, headers: objectHeaders(objectOf(bucket, key)), body: Buffer.alloc(0) };
      case 'DELETE':
        // S3 answers 204 whether or not the key was there.
        bucket.delete(key);
        return empty(204, {});
      default:
        return null;
    }
  };
}
