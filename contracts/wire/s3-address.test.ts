/** The bucket of an S3 request from its Host or its path, and URI labels from a path-style path. */
import { describe, expect, it } from 'vitest';
import { matchUriLabels } from './rest-http-members.js';
import { s3Address } from './s3-address.js';

describe('s3Address', () => {
  it.each([
    ['bucket.s3.us-east-1.amazonaws.com', 'bucket'],
    ['bucket.s3.amazonaws.com', 'bucket'],
    ['my.dotted.bucket.s3.eu-west-1.amazonaws.com', 'my.dotted.bucket'],
    ['bucket.s3-us-west-2.amazonaws.com', 'bucket'],
    ['bucket.s3.dualstack.us-east-1.amazonaws.com', 'bucket'],
    ['bucket.s3-accelerate.amazonaws.com', 'bucket'],
    ['bucket.s3-fips.us-gov-west-1.amazonaws.com', 'bucket'],
    ['bucket.s3.cn-north-1.amazonaws.com.cn', 'bucket'],
    ['a.s3.b.s3.us-east-1.amazonaws.com', 'a.s3.b'],
    ['bucket--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com', 'bucket--usw2-az1--x-s3'],
    ['Bucket.S3.US-EAST-1.AMAZONAWS.COM:443', 'bucket'],
    ['tapegate-bucket.localhost:8123', 'tapegate-bucket'],
  ])('%s is virtual-hosted, bucket %s', (host, bucket) => {
    expect(s3Address(host, '/dir/a%20b.txt')).toEqual({ style: 'virtual-hosted', bucket, path: `/${bucket}/dir/a%20b.txt` });
  });

  it('puts the bucket in front of the root path of a bucket operation', () => {
    expect(s3Address('bucket.s3.amazonaws.com', '/')).toEqual({ style: 'virtual-hosted', bucket: 'bucket', path: '/bucket' });
  });

  it.each([
    ['s3.us-east-1.amazonaws.com', '/bucket/key', 'bucket'],
    ['s3.amazonaws.com', '/bucket', 'bucket'],
    ['127.0.0.1:4566', '/bucket/dir/key', 'bucket'],
    ['localhost:4566', '/bucket/', 'bucket'],
    ['[::1]:4566', '/my%2Ebucket/key', 'my.bucket'],
  ])('%s%s is path style, bucket %s', (host, path, bucket) => {
    expect(s3Address(host, path)).toEqual({ style: 'path', bucket, path });
  });

  it('has no bucket for ListBuckets', () => {
    expect(s3Address('s3.us-east-1.amazonaws.com', '/')).toEqual({ style: 'path', path: '/' });
  });

  it('reads a bucket label in front of a named endpoint host (the proxy the SDK was pointed at)', () => {
    expect(s3Address('bucket.tapegate.test:8080', '/k', ['tapegate.test:8080'])).toEqual({ style: 'virtual-hosted', bucket: 'bucket', path: '/bucket/k' });
    expect(s3Address('tapegate.test:8080', '/bucket/k', ['tapegate.test:8080'])).toEqual({ style: 'path', bucket: 'bucket', path: '/bucket/k' });
  });
});

describe('matchUriLabels', () => {
  it('decodes labels, the greedy key keeps its slashes (a trailing one too)', () => {
    expect(matchUriLabels('/{Bucket}/{Key+}?tagging', '/b/dir/a%20b%2Bc.txt')).toEqual({ Bucket: 'b', Key: 'dir/a b+c.txt' });
    expect(matchUriLabels('/{Bucket}/{Key+}', '/b/folder/')).toEqual({ Bucket: 'b', Key: 'folder/' });
    expect(matchUriLabels('/{Bucket}?tagging', '/b/')).toEqual({ Bucket: 'b' });
    expect(matchUriLabels('/', '/')).toEqual({});
  });

  it('answers null for a path that does not fit', () => {
    expect(matchUriLabels('/{Bucket}/{Key+}', '/b')).toBeNull();
    expect(matchUriLabels('/{Bucket}?tagging', '/b/extra')).toBeNull();
    expect(matchUriLabels('/{Bucket}/{Key+}', '/b/%E0%A4%A')).toBeNull();
  });
});
