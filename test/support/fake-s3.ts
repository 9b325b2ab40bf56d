/**
 * A loopback stand-in for S3 (path-style only) that stores object bodies in memory: PUT
 * `/bucket/key` keeps the bytes and their Content-Type, GET gives them back, a missing key is
 * S3's `NoSuchKey` XML. Every request's SigV4 signature is checked with `aws4` for the
 * service `s3` (no second escaping of the path, the `x-amz-content-sha256` the client sent),
 * so a re-signing proxy that signs S3 like another service is caught. 127.0.0.1, port 0.
 */
import { createHash } from 'node:crypto';
import { AwsError } from './fake-apigateway/aws-error.js';
import { verifySigV4, type FakeCredentials } from './fake-apigateway/sigv4-verify.js';
import { startLoopbackServer } from './loopback-server.js';
import { readRequestBody } from './read-request-body.js';

export interface StoredObject {
  body: Buffer;
  contentType: string;
  /** Answered without a Content-Length, in 1 MiB chunks, as a server streaming the object would. */
  chunked?: boolean;
}

export interface FakeS3 {
  url: string;
  /** Objects by `/bucket/key` path as sent. */
  readonly objects: Map<string, StoredObject>;
  /** Requests whose signature did not verify, with AWS's message. */
  readonly rejected: string[];
  close(): Promise<void>;
}

const xml = (code: string, message: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;

export async function startFakeS3(credentials: FakeCredentials, region = 'us-east-1'): Promise<FakeS3> {
  const objects = new Map<string, StoredObject>();
  const rejected: string[] = [];
  const { url, close } = await startLoopbackServer((req, res) => {
    void readRequestBody(req).then((body) => {
      const path = (req.url ?? '/').split('?')[0] as string;
      try {
        verifySigV4({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body }, credentials, region, 's3');
      } catch (error) {
        const message = error instanceof AwsError ? error.message : String(error);
        rejected.push(message);
        res.writeHead(403, { 'content-type': 'application/xml' }).end(xml('SignatureDoesNotMatch', message.split('\n')[0] as string));
        return;
      }
      if (req.method === 'PUT') {
        objects.set(path, { body, contentType: req.headers['content-type'] ?? 'binary/octet-stream' });
        const etag = `"${createHash('md5').update(body).digest('hex')}"`;
        res.writeHead(200, { etag, 'content-length': '0' }).end();
        return;
      }
      const stored = objects.get(path);
      if (req.method === 'GET' && stored !== undefined) {
        const etag = `"${createHash('md5').update(stored.body).digest('hex')}"`;
        if (stored.chunked === true) {
          res.writeHead(200, { 'content-type': stored.contentType, etag });
          for (let at = 0; at < stored.body.length; at += 1024 * 1024) res.write(stored.body.subarray(at, at + 1024 * 1024));
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': stored.contentType, 'content-length': String(stored.body.length), etag });
        res.end(stored.body);
        return;
      }
      res.writeHead(404, { 'content-type': 'application/xml' }).end(xml('NoSuchKey', 'The specified key does not exist.'));
    });
  });
  return { url, objects, rejected, close };
}
