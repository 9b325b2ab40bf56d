/** The bucket of an S3 request from its Host or its path, and URI labels from a path-style path. */
import { describe, expect, it } from 'vitest';
import { matchUriLabels } from './rest-http-members.js';
import { hostedPath, s3Address } from './s3-address.js';

describe('s3Address', () => {
  it.each([
    ['bucket.s3.us-east-1.amazonaws.com', 'bucket', 's3.us-east-1.amazonaws.com'],
    ['bucket.s3.amazonaws.com', 'bucket', 's3.amazonaws.com'],
    ['my.dotted.bucket.s3.eu-west-1.amazonaws.com', 'my.dotted.bucket', 's3.eu-west-1.amazonaws.com'],
    ['bucket.s3-us-west-2.amazonaws.com', 'bucket', 's3-us-west-2.amazonaws.com'],
    ['bucket.s3.dualstack.us-east-1.amazonaws.com', 'bucket', 's3.dualstack.us-east-1.amazonaws.com'],
    ['bucket.s3-accelerate.amazonaws.com', 'bucket', 's3-accelerate.amazonaws.com'],
    ['bucket.s3-fips.us-gov-west-1.amazonaws.com', 'bucket', 's3-fips.us-gov-west-1.amazonaws.com'],
    ['bucket.s3.cn-north-1.amazonaws.com.cn', 'bucket', 's3.cn-north-1.amazonaws.com.cn'],
    ['a.s3.b.s3.us-east-1.amazonaws.com', 'a.s3.b', 's3.us-east-1.amazonaws.com'],
    ['bucket--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com', 'bucket--usw2-az1--x-s3', 's3express-usw2-az1.us-west-2.amazonaws.com'],
    ['Bucket.S3.US-EAST-1.AMAZONAWS.COM:443', 'bucket', 's3.us-east-1.amazonaws.com:443'],
    ['tapegate-bucket.localhost:8123', 'tapegate-bucket', 'localhost:8123'],
  ])('%s is virtual-hosted, bucket %s, endpoint %s', (host, bucket, endpointHost) => {
    expect(s3Address(host, '/dir/a%20b.txt')).toEqual({ style: 'virtual-hosted', bucket, path: `/${bucket}/dir/a%20b.txt`, endpointHost });
  });

  it('puts the bucket in front of the root path of a bucket operation', () => {
    expect(s3Address('bucket.s3.amazonaws.com', '/')).toEqual({ style: 'virtual-hosted', bucket: 'bucket', path: '/bucket', endpointHost: 's3.amazonaws.com' });
  });

  it('leaves nothing of the bucket in the endpoint host: the same request path-style reads the bucket from the path', () => {
    for (const host of ['bucket-a.localhost:8123', 'bucket-a.s3.us-east-1.amazonaws.com', 'bucket-a.tapegate.test:8080']) {
      const hosted = s3Address(host, '/k', ['tapegate.test']);
      expect(s3Address(hosted.endpointHost!, hosted.path, ['tapegate.test'])).toEqual({ style: 'path', bucket: 'bucket-a', path: '/bucket-a/k' });
    }
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
    expect(s3Address('bucket.tapegate.test:8080', '/k', ['tapegate.test:8080'])).toEqual({
      style: 'virtual-hosted',
      bucket: 'bucket',
      path: '/bucket/k',
      endpointHost: 'tapegate.test:8080',
    });
    expect(s3Address('tapegate.test:8080', '/bucket/k', ['tapegate.test:8080'])).toEqual({ style: 'path', bucket: 'bucket', path: '/bucket/k' });
  });
});

describe('hostedPath', () => {
  it.each([
    ['/bucket/dir/a%20b.txt', 'bucket', '/dir/a%20b.txt'],
    ['/bucket', 'bucket', '/'],
    ['/bucket/', 'bucket', '/'],
    ['/my.dotted.bucket/k', 'my.dotted.bucket', '/k'],
  ])('%s is bucket %s, path %s', (path, bucket, rest) => {
    expect(hostedPath(path)).toEqual({ bucket, path: rest });
  });

  it('undoes what s3Address does to a virtual-hosted request', () => {
    for (const path of ['/', '/k', '/dir/a%20b.txt', '/folder/', '//double']) {
      const address = s3Address('bucket-a.localhost:9000', path);
      expect(hostedPath(address.path)).toEqual({ bucket: 'bucket-a', path });
    }
  });

  it('is null for a path that names no bucket a Host label could carry', () => {
    for (const path of ['/', '//k', '/Upper/k', '/a%2Fb/k', '/a%3A1/k', '/bad%zz/k']) expect(hostedPath(path), path).toBeNull();
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
