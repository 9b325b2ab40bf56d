/**
 * The upstream of the large-body benchmark: an in-memory object store on 127.0.0.1, port 0,
 * path-style, enough S3 for the JavaScript SDK's PutObject and GetObject (an ETag, the
 * stored Content-Type and length). No signature check: the benchmark measures the proxy's
 * memory, and test/support/fake-s3.ts is the upstream that checks signatures.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ObjectStore {
  url: string;
  close(): Promise<void>;
}

export async function startObjectStore(): Promise<ObjectStore> {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] as string;
      if (req.method === 'PUT') {
        objects.set(path, { body: Buffer.concat(chunks), type: req.headers['content-type'] ?? 'binary/octet-stream' });
        res.writeHead(200, { etag: '"bench"', 'content-length': '0' }).end();
        return;
      }
      const object = objects.get(path);
      if (object === undefined) {
        res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code><Message>no such key</Message></Error>');
        return;
      }
      res.writeHead(200, { 'content-type': object.type, 'content-length': String(object.body.length), etag: '"bench"' }).end(object.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
